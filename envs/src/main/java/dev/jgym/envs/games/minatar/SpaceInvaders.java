package dev.jgym.envs.games.minatar;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Color;
import java.util.Arrays;
import java.util.Map;

/**
 * Space Invaders, MinAtar style: a cannon at the bottom shoots at a block of aliens that
 * marches side to side and down, shooting back.
 *
 * <p>Action space {@code Discrete(4)} (MinAtar's minimal set): 0 no-op, 1 left, 2 right, 3 fire.
 * <p>Observation {@code MultiBinary(10, 10, 6)} (layout in {@link MinAtarGame}):
 * <table>
 *   <caption>channels</caption>
 *   <tr><th>channel</th><th>name</th><th>set where</th></tr>
 *   <tr><td>0</td><td>cannon</td><td>the cannon, in the bottom row</td></tr>
 *   <tr><td>1</td><td>alien</td><td>each alien</td></tr>
 *   <tr><td>2</td><td>alien_left</td><td>each alien, while the block marches left</td></tr>
 *   <tr><td>3</td><td>alien_right</td><td>each alien, while the block marches right</td></tr>
 *   <tr><td>4</td><td>friendly_bullet</td><td>the cannon's bullets</td></tr>
 *   <tr><td>5</td><td>enemy_bullet</td><td>the aliens' bullets</td></tr>
 * </table>
 * <p>Dynamics, one frame: the cannon moves; the cannon's bullets rise one cell (leaving at the
 * top); fire puts a bullet just above the cannon when the gun has cooled down (a shot at most
 * every {@value #SHOT_COOLDOWN} frames); the aliens' bullets fall one cell (leaving at the
 * bottom); a bullet in an alien's cell removes both (+1). Every {@code m} frames the block moves
 * one cell in its direction, or, when an alien already touches that side, one row down and turns
 * around; {@code m} is the wave's interval (start {@value #ALIEN_INTERVAL}) or the number of
 * aliens left when that is smaller, so the last alien moves every frame. Every
 * {@value #ENEMY_SHOT_INTERVAL} frames the lowest alien of the column nearest to the cannon
 * (the left one on a tie) drops a bullet below itself. When no alien is left a new wave starts in
 * rows 0-3, columns 2-7, marching left.
 * <p>Difficulty ramp ({@code difficulty_ramping}, default true): each new wave's interval is one
 * frame shorter than the last, down to {@value #MIN_ALIEN_INTERVAL}.
 * <p>Reward: +1 per alien shot.
 * <p>Start: cannon in column 5; 24 aliens in rows 0-3, columns 2-7, marching left.
 * <p>Episode end: terminated when an alien bullet is in the cannon's cell at the end of a frame
 * or an alien reaches the bottom row; truncated after 10,000 frames by the spec's time limit.
 * <p>Options: {@code sticky_action_prob} (number in [0, 1], default 0.1), {@code
 * difficulty_ramping} (boolean, default true).
 * <p>Versions: v1, MinAtar's v1 id (minimal action set); rules from the MinAtar paper and README,
 * timings and frame ordering ours. Nothing in the game is random apart from sticky actions.
 */
public final class SpaceInvaders extends MinAtarGame {
    public static final String ID = "MinAtar/SpaceInvaders-v1";

    /** Options. */
    public record Settings(@JsonProperty("sticky_action_prob") Double stickyActionProb,
                           @JsonProperty("difficulty_ramping") Boolean difficultyRamping) {
        public Settings {
            if (stickyActionProb == null) stickyActionProb = 0.1;
            if (difficultyRamping == null) difficultyRamping = true;
            Check.inRange("sticky_action_prob", stickyActionProb, 0, 1);
        }
    }

    static final int CANNON = 0, ALIEN = 1, ALIEN_LEFT = 2, ALIEN_RIGHT = 3, FRIENDLY = 4, ENEMY = 5;
    static final int NOOP = 0, LEFT = 1, RIGHT = 2, FIRE = 3;
    static final int SHOT_COOLDOWN = 5, ALIEN_INTERVAL = 12, MIN_ALIEN_INTERVAL = 6, ENEMY_SHOT_INTERVAL = 10;
    static final int BOTTOM = SIZE - 1;

    private final boolean ramping;
    int cannon;
    int shotCooldown;
    /** Occupancy by cell, {@code row * 10 + col}. */
    final boolean[] aliens = new boolean[SIZE * SIZE], friendly = new boolean[SIZE * SIZE], enemy = new boolean[SIZE * SIZE];
    private final boolean[] scratch = new boolean[SIZE * SIZE];
    int aliensLeft;
    int alienDir;
    int waveInterval;
    int alienTimer;
    int enemyShotTimer;
    int wave;

    public SpaceInvaders(Settings settings) {
        super(ID, settings.stickyActionProb(), 4, 6);
        this.ramping = settings.difficultyRamping();
    }

    public SpaceInvaders() {
        this(new Settings(null, null));
    }

    public static SpaceInvaders fromOptions(Map<String, ?> options) {
        return new SpaceInvaders(Json.bind(options, Settings.class, ID));
    }

    @Override
    protected void start() {
        cannon = 5;
        shotCooldown = 0;
        Arrays.fill(friendly, false);
        Arrays.fill(enemy, false);
        wave = 0;
        waveInterval = ALIEN_INTERVAL;
        enemyShotTimer = ENEMY_SHOT_INTERVAL;
        newWave();
    }

    private void newWave() {
        Arrays.fill(aliens, false);
        for (int row = 0; row <= 3; row++) {
            for (int col = 2; col <= 7; col++) aliens[row * SIZE + col] = true;
        }
        aliensLeft = 24;
        alienDir = -1;
        alienTimer = waveInterval;
    }

    @Override
    protected int frame(int action) {
        if (action == LEFT) cannon = Math.max(0, cannon - 1);
        else if (action == RIGHT) cannon = Math.min(SIZE - 1, cannon + 1);
        if (shotCooldown > 0) shotCooldown--;

        shiftRows(friendly, -1);
        if (action == FIRE && shotCooldown == 0) {
            friendly[(BOTTOM - 1) * SIZE + cannon] = true;
            shotCooldown = SHOT_COOLDOWN;
        }
        shiftRows(enemy, 1);
        int reward = shootDown();

        if (--alienTimer <= 0) {
            marchAliens();
            alienTimer = Math.min(aliensLeft, waveInterval);
            reward += shootDown();
        }
        if (--enemyShotTimer <= 0) {
            enemyShotTimer = ENEMY_SHOT_INTERVAL;
            alienFires();
        }
        for (int col = 0; col < SIZE; col++) {
            if (aliens[BOTTOM * SIZE + col]) terminal = true;
        }
        if (enemy[BOTTOM * SIZE + cannon]) terminal = true;
        if (aliensLeft == 0) {
            wave++;
            if (ramping) waveInterval = Math.max(MIN_ALIEN_INTERVAL, waveInterval - 1);
            newWave();
        }
        return reward;
    }

    /** Moves every true cell one row up (-1) or down (+1); cells pushed off the grid vanish. */
    private void shiftRows(boolean[] grid, int dRow) {
        Arrays.fill(scratch, false);
        for (int i = 0; i < grid.length; i++) {
            if (!grid[i]) continue;
            int row = i / SIZE + dRow;
            if (row >= 0 && row < SIZE) scratch[row * SIZE + i % SIZE] = true;
        }
        System.arraycopy(scratch, 0, grid, 0, grid.length);
    }

    /** Removes every alien that shares a cell with a friendly bullet, and the bullet; the count. */
    private int shootDown() {
        int hits = 0;
        for (int i = 0; i < aliens.length; i++) {
            if (aliens[i] && friendly[i]) {
                aliens[i] = false;
                friendly[i] = false;
                aliensLeft--;
                hits++;
            }
        }
        return hits;
    }

    private void marchAliens() {
        boolean atEdge = false;
        int edge = alienDir < 0 ? 0 : SIZE - 1;
        for (int row = 0; row < SIZE; row++) atEdge |= aliens[row * SIZE + edge];
        if (atEdge) {
            shiftRows(aliens, 1);
            alienDir = -alienDir;
        } else {
            Arrays.fill(scratch, false);
            for (int i = 0; i < aliens.length; i++) {
                if (aliens[i]) scratch[i + alienDir] = true;
            }
            System.arraycopy(scratch, 0, aliens, 0, aliens.length);
        }
    }

    private void alienFires() {
        for (int d = 0; d < SIZE; d++) {
            for (int side = 0; side < 2; side++) {
                int col = side == 0 ? cannon - d : cannon + d;
                if (col < 0 || col >= SIZE || (d == 0 && side == 1)) continue;
                for (int row = SIZE - 1; row >= 0; row--) {
                    if (aliens[row * SIZE + col]) {
                        if (row + 1 < SIZE) enemy[(row + 1) * SIZE + col] = true;
                        return;
                    }
                }
            }
        }
    }

    @Override
    protected void draw(int[] obs) {
        set(obs, BOTTOM, cannon, CANNON);
        for (int i = 0; i < aliens.length; i++) {
            int row = i / SIZE, col = i % SIZE;
            if (aliens[i]) {
                set(obs, row, col, ALIEN);
                set(obs, row, col, alienDir < 0 ? ALIEN_LEFT : ALIEN_RIGHT);
            }
            if (friendly[i]) set(obs, row, col, FRIENDLY);
            if (enemy[i]) set(obs, row, col, ENEMY);
        }
    }

    @Override
    public String[] channelNames() {
        return new String[] {"cannon", "alien", "alien_left", "alien_right", "friendly_bullet", "enemy_bullet"};
    }

    @Override
    protected Color[] channelColors() {
        return new Color[] {Color.YELLOW, Color.GREEN, Color.GREEN, Color.rgb(0x58c858), Color.WHITE, Color.RED};
    }

    @Override
    protected int[] paintOrder() {
        return new int[] {ALIEN, ALIEN_LEFT, ALIEN_RIGHT, FRIENDLY, ENEMY, CANNON};
    }
}
