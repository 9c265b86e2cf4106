package dev.jgym.envs.games.minatar;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Color;
import java.util.Map;

/**
 * Freeway, MinAtar style: a chicken crosses eight lanes of traffic, as many times as it can.
 *
 * <p>Action space {@code Discrete(3)} (MinAtar's minimal set): 0 no-op, 1 up, 2 down. The
 * chicken can move only every third frame: after a move the next two frames ignore up and down.
 * <p>Observation {@code MultiBinary(10, 10, 7)} (layout in {@link MinAtarGame}):
 * <table>
 *   <caption>channels</caption>
 *   <tr><th>channel</th><th>name</th><th>set where</th></tr>
 *   <tr><td>0</td><td>chicken</td><td>the chicken, always in column 4</td></tr>
 *   <tr><td>1</td><td>car</td><td>each car (one per lane, rows 1-8)</td></tr>
 *   <tr><td>2-6</td><td>speed1 .. speed5</td><td>the cell behind each car: the side gives
 *       its direction, the channel how often it moves (speed k: one cell every k frames)</td></tr>
 * </table>
 * <p>Dynamics, one frame: the chicken moves (when allowed); reaching row 0 scores +1, puts it
 * back in row 9 and draws new speeds for every lane; a chicken in a car's cell is sent back to
 * row 9; then every car whose timer runs out moves one cell (wrapping around the sides) and the
 * collision check runs again. Lanes 1-4 drive left, lanes 5-8 right.
 * <p>Reward: +1 per crossing.
 * <p>Start: chicken in row 9; each lane's car in a uniform column with a uniform speed in 1-5
 * (env stream).
 * <p>Episode end: terminated after 2500 frames (the game's clock, as MinAtar; the frame count is
 * not observed). The spec's 10,000-frame limit never triggers first.
 * <p>Options: {@code sticky_action_prob} (number in [0, 1], default 0.1). Freeway has no
 * difficulty ramp, as in MinAtar: traffic is redrawn after every crossing.
 * <p>Collisions send the chicken back to the bottom row (MinAtar's rule; Atari's Freeway pushes
 * it back one lane).
 * <p>Versions: v1, MinAtar's v1 id (minimal action set); rules from the MinAtar paper and README,
 * the code and frame-level ordering ours.
 */
public final class Freeway extends MinAtarGame {
    public static final String ID = "MinAtar/Freeway-v1";

    /** Options. */
    public record Settings(@JsonProperty("sticky_action_prob") Double stickyActionProb) {
        public Settings {
            if (stickyActionProb == null) stickyActionProb = 0.1;
            Check.inRange("sticky_action_prob", stickyActionProb, 0, 1);
        }
    }

    static final int CHICKEN = 0, CAR = 1, SPEED = 2;
    static final int NOOP = 0, UP = 1, DOWN = 2;
    static final int COLUMN = 4, LANES = 8, MOVE_EVERY = 3, GAME_FRAMES = 2500;

    int chickenRow;
    int moveCooldown;
    /** Per lane (lane i is row i + 1): column, direction (-1 or +1), frames per move, frames left. */
    final int[] carCol = new int[LANES], carDir = new int[LANES], carPeriod = new int[LANES], carTimer = new int[LANES];

    public Freeway(Settings settings) {
        super(ID, settings.stickyActionProb(), 3, 7);
    }

    public Freeway() {
        this(new Settings(null));
    }

    public static Freeway fromOptions(Map<String, ?> options) {
        return new Freeway(Json.bind(options, Settings.class, ID));
    }

    @Override
    protected void start() {
        chickenRow = SIZE - 1;
        moveCooldown = 0;
        for (int lane = 0; lane < LANES; lane++) {
            carCol[lane] = rng.nextInt(SIZE);
            carDir[lane] = lane < LANES / 2 ? -1 : 1;
        }
        drawSpeeds();
    }

    private void drawSpeeds() {
        for (int lane = 0; lane < LANES; lane++) {
            carPeriod[lane] = 1 + rng.nextInt(5);
            carTimer[lane] = carPeriod[lane];
        }
    }

    @Override
    protected int frame(int action) {
        int reward = 0;
        if (moveCooldown == 0 && (action == UP || action == DOWN)) {
            chickenRow = action == UP ? chickenRow - 1 : Math.min(SIZE - 1, chickenRow + 1);
            moveCooldown = MOVE_EVERY;
        }
        if (chickenRow == 0) {
            reward = 1;
            chickenRow = SIZE - 1;
            drawSpeeds();
        }
        if (hit()) chickenRow = SIZE - 1;
        for (int lane = 0; lane < LANES; lane++) {
            if (--carTimer[lane] == 0) {
                carCol[lane] = Math.floorMod(carCol[lane] + carDir[lane], SIZE);
                carTimer[lane] = carPeriod[lane];
            }
        }
        if (hit()) chickenRow = SIZE - 1;
        if (moveCooldown > 0) moveCooldown--;
        if (frames + 1 >= GAME_FRAMES) terminal = true;
        return reward;
    }

    /** The chicken shares a cell with the car of its lane. */
    private boolean hit() {
        int lane = chickenRow - 1;
        return lane >= 0 && lane < LANES && carCol[lane] == COLUMN;
    }

    @Override
    protected void draw(int[] obs) {
        set(obs, chickenRow, COLUMN, CHICKEN);
        for (int lane = 0; lane < LANES; lane++) {
            set(obs, lane + 1, carCol[lane], CAR);
            set(obs, lane + 1, Math.floorMod(carCol[lane] - carDir[lane], SIZE), SPEED + carPeriod[lane] - 1);
        }
    }

    @Override
    public String[] channelNames() {
        return new String[] {"chicken", "car", "speed1", "speed2", "speed3", "speed4", "speed5"};
    }

    @Override
    protected Color[] channelColors() {
        return new Color[] {Color.YELLOW, Color.RED, Color.rgb(0x7a1f1f), Color.rgb(0x6a2a2a), Color.rgb(0x5a3030),
                            Color.rgb(0x4a3535), Color.rgb(0x3a3838)};
    }

    @Override
    protected int[] paintOrder() {
        return new int[] {2, 3, 4, 5, 6, CAR, CHICKEN};
    }
}
