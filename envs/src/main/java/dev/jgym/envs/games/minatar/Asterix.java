package dev.jgym.envs.games.minatar;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Color;
import java.util.Arrays;
import java.util.Map;

/**
 * Asterix, MinAtar style: move around eight lanes, collect the treasure that drifts across them
 * and avoid the enemies.
 *
 * <p>Action space {@code Discrete(5)} (MinAtar's minimal set): 0 no-op, 1 left, 2 up, 3 right,
 * 4 down; one cell per frame, staying inside columns 0-9 and the lanes, rows 1-8.
 * <p>Observation {@code MultiBinary(10, 10, 4)} (layout in {@link MinAtarGame}):
 * <table>
 *   <caption>channels</caption>
 *   <tr><th>channel</th><th>name</th><th>set where</th></tr>
 *   <tr><td>0</td><td>player</td><td>the player</td></tr>
 *   <tr><td>1</td><td>enemy</td><td>each enemy</td></tr>
 *   <tr><td>2</td><td>trail</td><td>the cell each enemy or treasure was in before its last move</td></tr>
 *   <tr><td>3</td><td>gold</td><td>each treasure</td></tr>
 * </table>
 * <p>Dynamics, one frame: the player moves; every spawn interval a new object enters an empty
 * lane chosen uniformly (if any): from the left edge moving right or the right edge moving left
 * (a fair coin), treasure with probability 1/3, else an enemy; every move interval all objects
 * move one cell and leave at the far edge. Touching treasure scores +1 and removes it; touching an
 * enemy ends the game. Contacts are checked after the player's move and after the objects' move.
 * <p>Difficulty ramp ({@code difficulty_ramping}, default true): every {@value #RAMP_FRAMES}
 * frames the move interval (start {@value #MOVE_INTERVAL}) and the spawn interval (start
 * {@value #SPAWN_INTERVAL}) each shrink by one frame, to at least 1 and 2.
 * <p>Reward: +1 per treasure.
 * <p>Start: the player in row 5, column 5; empty lanes.
 * <p>Episode end: terminated on touching an enemy; truncated after 10,000 frames by the spec.
 * <p>Options: {@code sticky_action_prob} (number in [0, 1], default 0.1), {@code
 * difficulty_ramping} (boolean, default true).
 * <p>Versions: v1, MinAtar's v1 id (minimal action set); rules from the MinAtar paper and README,
 * timings ours.
 */
public final class Asterix extends MinAtarGame {
    public static final String ID = "MinAtar/Asterix-v1";

    /** Options. */
    public record Settings(@JsonProperty("sticky_action_prob") Double stickyActionProb,
                           @JsonProperty("difficulty_ramping") Boolean difficultyRamping) {
        public Settings {
            if (stickyActionProb == null) stickyActionProb = 0.1;
            if (difficultyRamping == null) difficultyRamping = true;
            Check.inRange("sticky_action_prob", stickyActionProb, 0, 1);
        }
    }

    static final int PLAYER = 0, ENEMY = 1, TRAIL = 2, GOLD = 3;
    static final int NOOP = 0, LEFT = 1, UP = 2, RIGHT = 3, DOWN = 4;
    static final int LANES = 8, MOVE_INTERVAL = 5, SPAWN_INTERVAL = 10, RAMP_FRAMES = 100;

    private final boolean ramping;
    int playerRow, playerCol;
    /** Per lane (lane i is row i + 1): column (-1 when empty), previous column, direction, treasure or not. */
    final int[] laneCol = new int[LANES], lanePrev = new int[LANES], laneDir = new int[LANES];
    final boolean[] laneGold = new boolean[LANES];
    int moveInterval, spawnInterval, moveTimer, spawnTimer;

    public Asterix(Settings settings) {
        super(ID, settings.stickyActionProb(), 5, 4);
        this.ramping = settings.difficultyRamping();
    }

    public Asterix() {
        this(new Settings(null, null));
    }

    public static Asterix fromOptions(Map<String, ?> options) {
        return new Asterix(Json.bind(options, Settings.class, ID));
    }

    @Override
    protected void start() {
        playerRow = 5;
        playerCol = 5;
        Arrays.fill(laneCol, -1);
        Arrays.fill(lanePrev, -1);
        moveInterval = MOVE_INTERVAL;
        spawnInterval = SPAWN_INTERVAL;
        moveTimer = moveInterval;
        spawnTimer = spawnInterval;
    }

    @Override
    protected int frame(int action) {
        switch (action) {
            case LEFT: playerCol = Math.max(0, playerCol - 1); break;
            case RIGHT: playerCol = Math.min(SIZE - 1, playerCol + 1); break;
            case UP: playerRow = Math.max(1, playerRow - 1); break;
            case DOWN: playerRow = Math.min(LANES, playerRow + 1); break;
            default: break;
        }
        int reward = contact();
        if (--spawnTimer <= 0) {
            spawnTimer = spawnInterval;
            spawn();
        }
        if (--moveTimer <= 0) {
            moveTimer = moveInterval;
            for (int lane = 0; lane < LANES; lane++) {
                if (laneCol[lane] < 0) continue;
                lanePrev[lane] = laneCol[lane];
                int col = laneCol[lane] + laneDir[lane];
                laneCol[lane] = col >= 0 && col < SIZE ? col : -1;
            }
            reward += contact();
        }
        if (ramping && (frames + 1) % RAMP_FRAMES == 0) {
            moveInterval = Math.max(1, moveInterval - 1);
            spawnInterval = Math.max(2, spawnInterval - 1);
        }
        return reward;
    }

    private void spawn() {
        int empty = 0;
        for (int c : laneCol) empty += c < 0 ? 1 : 0;
        if (empty == 0) return;
        int pick = rng.nextInt(empty);
        for (int lane = 0; lane < LANES; lane++) {
            if (laneCol[lane] >= 0 || pick-- != 0) continue;
            boolean fromLeft = rng.nextBoolean();
            laneDir[lane] = fromLeft ? 1 : -1;
            laneCol[lane] = fromLeft ? 0 : SIZE - 1;
            lanePrev[lane] = laneCol[lane];
            laneGold[lane] = rng.nextInt(3) == 0;
            return;
        }
    }

    /** Treasure or enemy in the player's cell: collects the treasure (+1) or ends the game. */
    private int contact() {
        int lane = playerRow - 1;
        if (laneCol[lane] != playerCol) return 0;
        if (!laneGold[lane]) {
            terminal = true;
            return 0;
        }
        laneCol[lane] = -1;
        return 1;
    }

    @Override
    protected void draw(int[] obs) {
        set(obs, playerRow, playerCol, PLAYER);
        for (int lane = 0; lane < LANES; lane++) {
            if (laneCol[lane] < 0) continue;
            set(obs, lane + 1, laneCol[lane], laneGold[lane] ? GOLD : ENEMY);
            if (lanePrev[lane] != laneCol[lane]) set(obs, lane + 1, lanePrev[lane], TRAIL);
        }
    }

    @Override
    public String[] channelNames() {
        return new String[] {"player", "enemy", "trail", "gold"};
    }

    @Override
    protected Color[] channelColors() {
        return new Color[] {Color.WHITE, Color.RED, Color.rgb(0x503030), Color.YELLOW};
    }

    @Override
    protected int[] paintOrder() {
        return new int[] {TRAIL, GOLD, ENEMY, PLAYER};
    }
}
