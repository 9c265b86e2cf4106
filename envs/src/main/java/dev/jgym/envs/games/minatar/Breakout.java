package dev.jgym.envs.games.minatar;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.scene.Color;
import java.util.Map;

/**
 * Breakout, MinAtar style: bounce a ball off a paddle to break three rows of bricks.
 *
 * <p>Action space {@code Discrete(3)} (MinAtar's minimal set): 0 no-op, 1 paddle left, 2 paddle
 * right (one cell; the paddle stops at the walls).
 * <p>Observation {@code MultiBinary(10, 10, 4)} (layout in {@link MinAtarGame}):
 * <table>
 *   <caption>channels</caption>
 *   <tr><th>channel</th><th>name</th><th>set where</th></tr>
 *   <tr><td>0</td><td>paddle</td><td>the paddle, one cell of the bottom row</td></tr>
 *   <tr><td>1</td><td>ball</td><td>the ball</td></tr>
 *   <tr><td>2</td><td>trail</td><td>where the ball was one frame ago (gives its direction)</td></tr>
 *   <tr><td>3</td><td>brick</td><td>each brick left</td></tr>
 * </table>
 * <p>Dynamics, one frame: the paddle moves, then the ball takes one diagonal step. A step that
 * would leave the grid at a side wall or the top reverses that component of the direction
 * first. A step into a brick removes the brick, scores +1 and reverses the vertical direction;
 * the ball then moves sideways only (it stays where it is, and reverses sideways too, when a
 * brick blocks that cell as well). A step into the bottom row where the paddle is bounces the
 * ball up keeping its sideways direction; when the paddle is instead under the ball's current
 * column (the ball clips its edge) the ball bounces up and back the way it came. Otherwise the
 * ball reaches the bottom row and the game ends. When the last brick breaks, rows 1 to 3 fill
 * again.
 * <p>Reward: +1 per brick.
 * <p>Start: paddle in column 4; 30 bricks fill rows 1-3; the ball just below them, in row 4 of
 * column 0 or 9 (a fair coin from the env stream), moving down and towards the middle.
 * <p>Episode end: terminated when the ball reaches the bottom row; truncated after 10,000 frames
 * by the spec's time limit (MinAtar's Breakout has no cap, so a perfect player would never end).
 * <p>Options: {@code sticky_action_prob} (number in [0, 1], default 0.1). Breakout has no
 * difficulty ramp, as in MinAtar.
 * <p>Versions: v1, MinAtar's v1 id (minimal action set). The rules follow the MinAtar paper and
 * README; the code is ours and its frame-level details (the ball's brick and paddle contacts)
 * are as written above, so returns are comparable with MinAtar's in kind, not bit for bit.
 */
public final class Breakout extends MinAtarGame {
    public static final String ID = "MinAtar/Breakout-v1";

    /** Options. */
    public record Settings(@JsonProperty("sticky_action_prob") Double stickyActionProb) {
        public Settings {
            if (stickyActionProb == null) stickyActionProb = 0.1;
            Check.inRange("sticky_action_prob", stickyActionProb, 0, 1);
        }
    }

    static final int PADDLE = 0, BALL = 1, TRAIL = 2, BRICK = 3;
    static final int NOOP = 0, LEFT = 1, RIGHT = 2;
    static final int BOTTOM = SIZE - 1;

    int paddle;
    int ballRow, ballCol, dRow, dCol;
    int lastRow, lastCol;
    /** bricks[row * 10 + col] == true where a brick is. */
    final boolean[] bricks = new boolean[SIZE * SIZE];
    int bricksLeft;

    public Breakout(Settings settings) {
        super(ID, settings.stickyActionProb(), 3, 4);
    }

    public Breakout() {
        this(new Settings(null));
    }

    public static Breakout fromOptions(Map<String, ?> options) {
        return new Breakout(Json.bind(options, Settings.class, ID));
    }

    @Override
    protected void start() {
        paddle = 4;
        ballRow = 4;
        ballCol = rng.nextBoolean() ? 0 : SIZE - 1;
        dRow = 1;
        dCol = ballCol == 0 ? 1 : -1;
        lastRow = ballRow;
        lastCol = ballCol;
        fillBricks();
    }

    private void fillBricks() {
        java.util.Arrays.fill(bricks, false);
        bricksLeft = 0;
        for (int row = 1; row <= 3; row++) {
            for (int col = 0; col < SIZE; col++) {
                if (row == ballRow && col == ballCol) continue; // never bury the ball
                bricks[row * SIZE + col] = true;
                bricksLeft++;
            }
        }
    }

    @Override
    protected int frame(int action) {
        if (action == LEFT) paddle = Math.max(0, paddle - 1);
        else if (action == RIGHT) paddle = Math.min(SIZE - 1, paddle + 1);

        lastRow = ballRow;
        lastCol = ballCol;
        int reward = 0;
        int col = ballCol + dCol;
        if (col < 0 || col >= SIZE) {
            dCol = -dCol;
            col = ballCol + dCol;
        }
        int row = ballRow + dRow;
        if (row < 0) {
            dRow = 1;
            row = ballRow + 1;
        }
        if (row < BOTTOM && bricks[row * SIZE + col]) {
            bricks[row * SIZE + col] = false;
            bricksLeft--;
            reward = 1;
            dRow = -dRow;
            if (bricks[ballRow * SIZE + col]) {
                dCol = -dCol;
                col = ballCol;
            }
            row = ballRow;
        } else if (row == BOTTOM) {
            if (paddle == col) {
                dRow = -1;
                row = ballRow;
            } else if (paddle == ballCol) {
                dRow = -1;
                dCol = -dCol;
                row = ballRow;
                col = ballCol;
            } else {
                terminal = true;
            }
        }
        ballRow = row;
        ballCol = col;
        if (bricksLeft == 0) fillBricks();
        return reward;
    }

    @Override
    protected void draw(int[] obs) {
        set(obs, BOTTOM, paddle, PADDLE);
        set(obs, ballRow, ballCol, BALL);
        set(obs, lastRow, lastCol, TRAIL);
        for (int i = 0; i < bricks.length; i++) {
            if (bricks[i]) set(obs, i / SIZE, i % SIZE, BRICK);
        }
    }

    @Override
    public String[] channelNames() {
        return new String[] {"paddle", "ball", "trail", "brick"};
    }

    @Override
    protected Color[] channelColors() {
        return new Color[] {Color.WHITE, Color.YELLOW, Color.rgb(0x806010), Color.RED};
    }

    @Override
    protected int[] paintOrder() {
        return new int[] {TRAIL, BRICK, PADDLE, BALL};
    }
}
