package dev.jgym.agents.run;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Values drawn on a grid of states, as the book draws its gridworlds and its Blackjack heat maps
 * (Figures 3.2, 3.5, 4.1, 5.1): panels of cells, each cell shaded by its value on one colour scale
 * shared by all panels (drawn at the right) and printed with it, optionally a second line (the
 * book's printed value) and arrows (the greedy actions). A panel without values is a policy:
 * arrows on white cells.
 */
public final class ValueGrids {
    /** Arrow directions, combined as bits in {@link Panel#arrows}. */
    public static final int UP = 1, RIGHT = 2, DOWN = 4, LEFT = 8;
    private static final int GAP = 28, TOP = 44, SCALE_WIDTH = 16;
    private static final Color[] PALETTE = {new Color(0x3b4cc0), new Color(0x8db0fe), new Color(0xf2f2f2), new Color(0xf49a7b), new Color(0xb40426)};

    private ValueGrids() {}

    /**
     * One panel: {@code rows} x {@code columns} cells, cell (r, c) at index {@code r * columns + c},
     * row 0 drawn at the top.
     *
     * @param values the cells' values, or null for a policy panel (arrows only)
     * @param notes a second, smaller line per cell (or null; a null entry prints nothing)
     * @param arrows per cell the directions to draw ({@link #UP} | {@link #RIGHT} ...), or null
     * @param rowLabels the label beside each row (or null)
     * @param columnLabels the label under each column (or null)
     */
    public record Panel(String title, int rows, int columns, double[] values, String[] notes, int[] arrows,
                        String[] rowLabels, String[] columnLabels, String rowTitle, String columnTitle) {}

    /** The direction an action's name means ({@code up}/{@code north} ... ), or 0 for a name that is not a direction. */
    public static int direction(String actionName) {
        return switch (actionName.toLowerCase(Locale.ROOT)) {
            case "up", "north" -> UP;
            case "right", "east" -> RIGHT;
            case "down", "south" -> DOWN;
            case "left", "west" -> LEFT;
            default -> 0;
        };
    }

    /**
     * The greedy actions of one state as arrows: the directions of every action whose value is
     * within {@code tie} of the best.
     */
    public static int greedyArrows(double[] actionValues, int[] directions, double tie) {
        double best = Double.NEGATIVE_INFINITY;
        for (double q : actionValues) best = Math.max(best, q);
        int bits = 0;
        for (int a = 0; a < actionValues.length; a++) if (actionValues[a] >= best - tie) bits |= directions[a];
        return bits;
    }

    /**
     * Writes the panels, {@code across} to a row, into {@code png} (a temporary file, then a rename).
     * Values print with {@code digits} decimals; the colour scale runs from {@code low} to
     * {@code high} (NaN: the values' own range).
     */
    public static void write(Path png, String title, List<Panel> panels, int across, int digits, double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            low = Double.POSITIVE_INFINITY;
            high = Double.NEGATIVE_INFINITY;
            for (Panel p : panels) {
                if (p.values() == null) continue;
                for (double v : p.values()) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
        }
        Panel first = panels.get(0);
        boolean notes = panels.stream().anyMatch(p -> p.notes() != null);
        int cell = notes ? 50 : 28 + 10 * digits;
        int marginLeft = first.rowTitle() == null ? 30 : 52, marginBottom = first.columnTitle() == null ? 22 : 40;
        int panelW = 0, panelH = 0;
        for (Panel p : panels) {
            panelW = Math.max(panelW, p.columns() * cell);
            panelH = Math.max(panelH, p.rows() * cell);
        }
        panelW += marginLeft;
        panelH += marginBottom + 24;
        across = Math.min(across, panels.size());
        int down = (panels.size() + across - 1) / across;
        boolean scale = panels.stream().anyMatch(p -> p.values() != null);
        int width = GAP + across * (panelW + GAP) + (scale ? SCALE_WIDTH + 70 : 0);
        int height = TOP + down * (panelH + GAP);
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = Charts.canvas(image);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, GAP, 26);
        for (int k = 0; k < panels.size(); k++) {
            int x0 = GAP + (k % across) * (panelW + GAP) + marginLeft, y0 = TOP + (k / across) * (panelH + GAP) + 24;
            drawPanel(g, panels.get(k), x0, y0, cell, digits, low, high);
        }
        if (scale) drawScale(g, width - SCALE_WIDTH - 60, TOP + 24, Math.min(height - TOP - 60, 300), low, high, digits);
        g.dispose();
        Charts.writePng(image, png);
    }

    private static void drawPanel(Graphics2D g, Panel p, int x0, int y0, int cell, int digits, double low, double high) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        g.drawString(p.title(), x0, y0 - 8);
        Font big = new Font(Font.SANS_SERIF, Font.PLAIN, cell >= 44 ? 13 : 11), small = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
        for (int r = 0; r < p.rows(); r++) {
            for (int c = 0; c < p.columns(); c++) {
                int i = r * p.columns() + c, x = x0 + c * cell, y = y0 + r * cell;
                Color fill = p.values() == null ? Color.WHITE : colour(high > low ? (p.values()[i] - low) / (high - low) : 0.5);
                g.setColor(fill);
                g.fillRect(x, y, cell, cell);
                g.setColor(new Color(0xb0b0b0));
                g.drawRect(x, y, cell, cell);
                Color ink = luminance(fill) < 0.45 ? Color.WHITE : Color.BLACK;
                String note = p.notes() == null ? null : p.notes()[i];
                if (p.values() != null) {
                    g.setColor(ink);
                    g.setFont(big);
                    String label = format(p.values()[i], digits);
                    FontMetrics fm = g.getFontMetrics();
                    int baseline = note == null ? y + (cell + fm.getAscent() - fm.getDescent()) / 2 : y + cell / 2 - 1;
                    g.drawString(label, x + (cell - fm.stringWidth(label)) / 2, baseline);
                    if (note != null) {
                        g.setFont(small);
                        FontMetrics sm = g.getFontMetrics();
                        g.drawString(note, x + (cell - sm.stringWidth(note)) / 2, y + cell / 2 + sm.getAscent() + 2);
                    }
                }
                if (p.arrows() != null && p.arrows()[i] != 0) drawArrows(g, p.arrows()[i], x, y, cell, p.values() == null ? Color.BLACK : ink);
            }
        }
        g.setColor(Color.BLACK);
        g.setFont(small);
        FontMetrics fm = g.getFontMetrics();
        if (p.rowLabels() != null) {
            for (int r = 0; r < p.rows(); r++) {
                String l = p.rowLabels()[r];
                g.drawString(l, x0 - 4 - fm.stringWidth(l), y0 + r * cell + (cell + fm.getAscent()) / 2 - 1);
            }
        }
        if (p.columnLabels() != null) {
            for (int c = 0; c < p.columns(); c++) {
                String l = p.columnLabels()[c];
                g.drawString(l, x0 + c * cell + (cell - fm.stringWidth(l)) / 2, y0 + p.rows() * cell + 13);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        fm = g.getFontMetrics();
        if (p.columnTitle() != null) {
            g.drawString(p.columnTitle(), x0 + (p.columns() * cell - fm.stringWidth(p.columnTitle())) / 2, y0 + p.rows() * cell + 32);
        }
        if (p.rowTitle() != null) {
            AffineTransform saved = g.getTransform();
            int cx = x0 - 30, cy = y0 + p.rows() * cell / 2;
            g.rotate(-Math.PI / 2, cx, cy);
            g.drawString(p.rowTitle(), cx - fm.stringWidth(p.rowTitle()) / 2, cy);
            g.setTransform(saved);
        }
    }

    /** Short arrows from the cell's centre toward each direction in {@code bits}; long ones on a policy panel. */
    private static void drawArrows(Graphics2D g, int bits, int x, int y, int cell, Color ink) {
        double cx = x + cell / 2.0, cy = y + cell / 2.0, reach = cell * 0.42, from = cell * 0.1;
        g.setColor(ink);
        g.setStroke(new BasicStroke(1.4f));
        int[][] dirs = {{UP, 0, -1}, {RIGHT, 1, 0}, {DOWN, 0, 1}, {LEFT, -1, 0}};
        for (int[] d : dirs) {
            if ((bits & d[0]) == 0) continue;
            double ex = cx + d[1] * reach, ey = cy + d[2] * reach;
            g.draw(new java.awt.geom.Line2D.Double(cx + d[1] * from, cy + d[2] * from, ex, ey));
            double head = cell * 0.12;
            g.draw(new java.awt.geom.Line2D.Double(ex, ey, ex - d[1] * head + d[2] * head * 0.6, ey - d[2] * head + d[1] * head * 0.6));
            g.draw(new java.awt.geom.Line2D.Double(ex, ey, ex - d[1] * head - d[2] * head * 0.6, ey - d[2] * head - d[1] * head * 0.6));
        }
        g.setStroke(new BasicStroke(1f));
    }

    private static void drawScale(Graphics2D g, int x, int y, int h, double low, double high, int digits) {
        for (int i = 0; i < h; i++) {
            g.setColor(colour(1 - (double) i / (h - 1)));
            g.fillRect(x, y + i, SCALE_WIDTH, 1);
        }
        g.setColor(Color.BLACK);
        g.drawRect(x, y, SCALE_WIDTH, h);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        for (int t = 0; t <= 4; t++) {
            double v = high - t * (high - low) / 4;
            int ty = y + t * (h - 1) / 4;
            g.drawLine(x + SCALE_WIDTH, ty, x + SCALE_WIDTH + 3, ty);
            g.drawString(String.format(Locale.ROOT, "%." + Math.max(1, digits) + "f", v), x + SCALE_WIDTH + 6, ty + 4);
        }
    }

    /**
     * A value to {@code digits} decimals, halves rounded up as the book prints them (Figure 4.1's
     * v_2 = −1.75 is −1.7), and never "−0.0".
     */
    public static String format(double v, int digits) {
        double scale = Math.pow(10, digits);
        double rounded = Math.round(v * scale) / scale + 0.0;
        return String.format(Locale.ROOT, "%." + digits + "f", rounded);
    }

    /** The palette at t in [0, 1]: blue (low) through light grey to red (high). */
    static Color colour(double t) {
        t = Math.max(0, Math.min(1, t)) * (PALETTE.length - 1);
        int i = Math.min(PALETTE.length - 2, (int) t);
        double f = t - i;
        Color a = PALETTE[i], b = PALETTE[i + 1];
        return new Color((int) Math.round(a.getRed() + f * (b.getRed() - a.getRed())), (int) Math.round(a.getGreen() + f * (b.getGreen() - a.getGreen())),
                (int) Math.round(a.getBlue() + f * (b.getBlue() - a.getBlue())));
    }

    private static double luminance(Color c) {
        return (0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue()) / 255;
    }
}
