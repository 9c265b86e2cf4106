package dev.jgym.experiments.sweep;

import dev.jgym.agents.run.Charts;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The parameter-study plot (the shape of Sutton and Barto's Figure 2.6): the metric per setting,
 * the mean across seeds with its 95% interval as error bars. The x axis is the report's {@code x}
 * path, or else each setting's last varying numeric value (or the setting's number when none is
 * numeric); one line per agent and per value of the other varying paths.
 */
final class SweepPlot {
    private static final Color[] PALETTE = {
        new Color(0xd62728), new Color(0x2ca02c), new Color(0x1f77b4), new Color(0x111111),
        new Color(0x9467bd), new Color(0xff7f0e), new Color(0x8c564b), new Color(0xe377c2),
        new Color(0x17becf), new Color(0xbcbd22),
    };

    private SweepPlot() {}

    static void write(Path out, SweepPlan plan, List<SweepTable.Row> rows) {
        SweepConfig.Report report = plan.config().report();
        Map<String, List<double[]>> series = new LinkedHashMap<>(); // name -> (x, mean, ci95)
        String xTitle = report.x();
        for (SweepTable.Row r : rows) {
            if (r.values().length == 0) continue;
            Setting s = r.setting();
            String xPath = report.x() != null ? report.x() : lastNumericVarying(s);
            JsonNode xv = xPath == null ? null : s.value(xPath);
            double x = xv != null && xv.isNumber() ? xv.doubleValue() : s.index() + 1;
            if (xTitle == null && xPath != null) xTitle = JsonPath.parse(xPath).leaf();
            StringBuilder name = new StringBuilder(r.agent());
            for (Setting.Override o : s.overrides()) {
                if (o.varying() && !o.path().toString().equals(xPath)) name.append(' ').append(o.path().leaf()).append('=').append(Setting.text(o.value()));
            }
            series.computeIfAbsent(name.toString(), k -> new ArrayList<>()).add(new double[] {x, r.mean(), r.ci95()});
        }
        boolean log = report.xLog() && series.values().stream().flatMap(List::stream).allMatch(p -> p[0] > 0);
        XYChart chart = new XYChartBuilder().width(900).height(560).title(plan.config().name())
                .xAxisTitle(xTitle == null ? "setting" : xTitle)
                .yAxisTitle(report.metric() + " (" + report.summary().replace('_', ' ') + ", mean over seeds, 95% interval)").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setPlotGridLinesColor(new Color(0xe0e0e0));
        chart.getStyler().setXAxisLogarithmic(log);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        int colour = 0;
        for (Map.Entry<String, List<double[]>> e : series.entrySet()) {
            List<double[]> pts = e.getValue();
            double[] xs = new double[pts.size()], ys = new double[pts.size()], err = new double[pts.size()];
            for (int i = 0; i < pts.size(); i++) {
                xs[i] = pts.get(i)[0];
                ys[i] = pts.get(i)[1];
                err[i] = pts.get(i)[2];
            }
            XYSeries s = chart.addSeries(e.getKey(), xs, ys, err);
            s.setMarker(SeriesMarkers.CIRCLE);
            Color c = PALETTE[colour++ % PALETTE.length];
            s.setLineColor(c);
            s.setMarkerColor(c);
            s.setLineStyle(new BasicStroke(1.6f));
        }
        if (series.isEmpty()) return; // every trial failed: the tables say so
        Charts.writePng(chart, out.resolve(report.metric() + ".png"));
    }

    private static String lastNumericVarying(Setting s) {
        String found = null;
        for (Setting.Override o : s.overrides()) if (o.varying() && o.value().isNumber()) found = o.path().toString();
        return found;
    }
}
