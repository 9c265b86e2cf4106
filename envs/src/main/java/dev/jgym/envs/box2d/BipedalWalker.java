package dev.jgym.envs.box2d;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.Contact;
import com.badlogic.gdx.physics.box2d.ContactImpulse;
import com.badlogic.gdx.physics.box2d.ContactListener;
import com.badlogic.gdx.physics.box2d.EdgeShape;
import com.badlogic.gdx.physics.box2d.Fixture;
import com.badlogic.gdx.physics.box2d.FixtureDef;
import com.badlogic.gdx.physics.box2d.Manifold;
import com.badlogic.gdx.physics.box2d.PolygonShape;
import com.badlogic.gdx.physics.box2d.RayCastCallback;
import com.badlogic.gdx.physics.box2d.World;
import com.badlogic.gdx.physics.box2d.joints.RevoluteJoint;
import com.badlogic.gdx.physics.box2d.joints.RevoluteJointDef;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;
import dev.jgym.core.space.Box;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Bipedal Walker: a four-joint robot learns to walk right over rough terrain, with Gymnasium
 * 1.x's {@code BipedalWalker-v3} ({@code gymnasium/envs/box2d/bipedal_walker.py}) on libgdx's
 * Box2D: the same units (SCALE 30, 50 steps per second, 180/60 solver iterations), hull, legs,
 * joints, motor limits, terrain generation, lidar and reward.
 *
 * <p>Action space {@code Box(-1, 1, [4])}: hip 1, knee 1, hip 2, knee 2. Each joint's motor runs at
 * {@code sign(a)} times its rated speed (hips 4, knees 6 rad/s) with a maximum torque of
 * {@code 80 |a|}. An action outside the space is an error (Gymnasium clips it).
 *
 * <p>Observation {@code Box(24)}, float32 (bounds as Gymnasium's; the values can exceed them on
 * hard impacts, as in Gymnasium):
 * <table>
 *   <tr><th>index</th><th>value</th><th>bounds</th></tr>
 *   <tr><td>0</td><td>hull angle (rad)</td><td>+-pi</td></tr>
 *   <tr><td>1</td><td>hull angular velocity (x 2 / 50)</td><td>+-5</td></tr>
 *   <tr><td>2, 3</td><td>hull x and y velocity (x 0.3 x 20 / 50 and x 0.3 x 13.3 / 50)</td><td>+-5</td></tr>
 *   <tr><td>4, 5</td><td>hip 1 angle (rad), speed / 4</td><td>+-pi, +-5</td></tr>
 *   <tr><td>6, 7</td><td>knee 1 angle + 1 (rad), speed / 6</td><td>+-pi, +-5</td></tr>
 *   <tr><td>8</td><td>1 when lower leg 1 touches the ground</td><td>[0, 5]</td></tr>
 *   <tr><td>9-13</td><td>the same for leg 2</td><td></td></tr>
 *   <tr><td>14-23</td><td>lidar: fraction of 160 px to the nearest ground along 10 rays from straight down (0) to 1.35 rad forward</td><td>+-1</td></tr>
 * </table>
 *
 * <p>Reward: the change of {@code 130 x / 30 - 5 |hull angle|} (x in world units; about 300 for
 * walking to the end), minus {@code 0.028 |a_i|} for each motor, computed in float32 as NumPy 2
 * does with a float32 action; -100 on falling (the hull touches the ground, or x &lt; 0).
 *
 * <p>Start: standing at x = 4.67 on a flat start pad, hull level, a random force uniform in
 * [-5, 5] along x for the first step; reset takes one zero-torque step. Terrain: 200 steps of
 * 14 px, grass by a damped random walk; with {@code hardcore: true} grass alternates with stumps,
 * stairs and pits. Ten clouds are drawn from the stream too (Gymnasium's draw order).
 *
 * <p>Episode end: terminated on a fall or when the hull passes x = 88.67 (the terrain's end);
 * truncated at 1600 steps ({@code BipedalWalker-v3}) or 2000 ({@code BipedalWalkerHardcore-v3}).
 * Reward threshold 300.
 *
 * <p>Options: {@code hardcore} (false).
 *
 * <p>Versions: v3 as Gymnasium 1.x (the lidar reports the nearest hit). Gymnasium keeps one world
 * and destroys the bodies on reset; here each reset makes a new world (no state carried between
 * episodes, as replays need) and disposes the old one; {@link #close()} disposes the last.
 */
public final class BipedalWalker extends BaseEnv<float[], float[]> {
    static final String ID = "BipedalWalker-v3";
    static final String HARDCORE_ID = "BipedalWalkerHardcore-v3";

    static final int FPS = 50;
    static final double SCALE = 30.0;
    static final double MOTORS_TORQUE = 80, SPEED_HIP = 4, SPEED_KNEE = 6;
    static final double LIDAR_RANGE = 160 / SCALE;
    static final double INITIAL_RANDOM = 5;
    static final double[][] HULL_POLY = {{-30, 9}, {6, 9}, {34, 1}, {34, -8}, {-30, -8}};
    static final double LEG_DOWN = -8 / SCALE, LEG_W = 8 / SCALE, LEG_H = 34 / SCALE;
    static final double VIEWPORT_W = 600, VIEWPORT_H = 400;
    static final double TERRAIN_STEP = 14 / SCALE;
    static final int TERRAIN_LENGTH = 200, TERRAIN_GRASS = 10, TERRAIN_STARTPAD = 20;
    static final double TERRAIN_HEIGHT = VIEWPORT_H / SCALE / 4;
    static final float FRICTION = 2.5f;
    static final int GRASS = 0, STUMP = 1, STAIRS = 2, PIT = 3, STATES = 4;

    /** Options of BipedalWalker-v3. */
    public record Settings(@JsonProperty("hardcore") Boolean hardcore) {
        public Settings {
            if (hardcore == null) hardcore = false;
        }
    }

    private static final Box ACTIONS = new Box(new float[] {-1, -1, -1, -1}, new float[] {1, 1, 1, 1});
    private static final Box OBSERVATIONS;

    static {
        float pi = (float) Math.PI;
        float[] low = {-pi, -5, -5, -5, -pi, -5, -pi, -5, -0f, -pi, -5, -pi, -5, -0f};
        float[] high = {pi, 5, 5, 5, pi, 5, pi, 5, 5, pi, 5, pi, 5, 5};
        float[] l = Arrays.copyOf(low, 24), h = Arrays.copyOf(high, 24);
        for (int i = 14; i < 24; i++) {
            l[i] = -1;
            h[i] = 1;
        }
        OBSERVATIONS = new Box(l, h);
    }

    private final String id;
    private final boolean hardcore;

    private World world;
    private Body hull;
    private final Body[] legs = new Body[4];           // upper 1, lower 1, upper 2, lower 2
    private final RevoluteJoint[] joints = new RevoluteJoint[4];
    private final boolean[] groundContact = new boolean[4];
    private boolean gameOver;
    private double prevShaping;
    private boolean hasPrevShaping;
    private final double[] terrainX = new double[TERRAIN_LENGTH], terrainY = new double[TERRAIN_LENGTH];
    private final List<double[]> obstacles = new ArrayList<>(); // {x0, y0, x1, y1, ...} polygons
    private final double[][] clouds = new double[TERRAIN_LENGTH / 20][];
    private final double[] lidarFraction = new double[10], lidarX = new double[10], lidarY = new double[10];
    private final Lidar lidar = new Lidar();

    public BipedalWalker() {
        this(new Settings(null));
    }

    public BipedalWalker(Settings settings) {
        this(settings.hardcore() ? HARDCORE_ID : ID, settings);
    }

    private BipedalWalker(String id, Settings settings) {
        this.id = id;
        this.hardcore = settings.hardcore();
        Box2DNatives.load();
    }

    static BipedalWalker fromOptions(Map<String, ?> options) {
        return new BipedalWalker(ID, Json.bind(options, Settings.class, ID));
    }

    static BipedalWalker hardcoreFromOptions(Map<String, ?> options) {
        return new BipedalWalker(HARDCORE_ID, Json.bind(options, Settings.class, HARDCORE_ID));
    }

    @Override
    public Box actionSpace() {
        return ACTIONS;
    }

    @Override
    public Box observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    protected Reset<float[]> onReset(Map<String, ?> options) {
        expectNoOptions(id, options);
        destroyWorld();
        world = new World(new Vector2(0f, -10f), true);
        world.setContactListener(new Contacts());
        gameOver = false;
        hasPrevShaping = false;
        Arrays.fill(groundContact, false);
        generateTerrain();
        generateClouds();

        double initX = TERRAIN_STEP * TERRAIN_STARTPAD / 2, initY = TERRAIN_HEIGHT + 2 * LEG_H;
        hull = dynamicBody(initX, initY, 0);
        PolygonShape shape = new PolygonShape();
        try {
            float[] v = new float[HULL_POLY.length * 2];
            for (int i = 0; i < HULL_POLY.length; i++) {
                v[2 * i] = (float) (HULL_POLY[i][0] / SCALE);
                v[2 * i + 1] = (float) (HULL_POLY[i][1] / SCALE);
            }
            shape.set(v);
            hull.createFixture(walkerFixture(shape, 5f, 0.1f));
        } finally {
            shape.dispose();
        }
        hull.applyForceToCenter((float) rng.uniform(-INITIAL_RANDOM, INITIAL_RANDOM), 0f, true);

        for (int k = 0; k < 2; k++) {
            int i = k == 0 ? -1 : +1;
            Body upper = dynamicBody(initX, initY - LEG_H / 2 - LEG_DOWN, i * 0.05);
            box(upper, LEG_W / 2, LEG_H / 2);
            joints[2 * k] = joint(hull, upper, LEG_DOWN, LEG_H / 2, i, -0.8, 1.1);
            legs[2 * k] = upper;
            Body lower = dynamicBody(initX, initY - LEG_H * 3 / 2 - LEG_DOWN, i * 0.05);
            box(lower, 0.8 * LEG_W / 2, LEG_H / 2);
            joints[2 * k + 1] = joint(upper, lower, -LEG_H / 2, LEG_H / 2, 1, -1.6, -0.1);
            legs[2 * k + 1] = lower;
        }
        return new Reset<>(simulate(new float[4]).observation());
    }

    private Body dynamicBody(double x, double y, double angle) {
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.DynamicBody;
        def.position.set((float) x, (float) y);
        def.angle = (float) angle;
        return world.createBody(def);
    }

    private static FixtureDef walkerFixture(com.badlogic.gdx.physics.box2d.Shape shape, float density, float friction) {
        FixtureDef f = new FixtureDef();
        f.shape = shape;
        f.density = density;
        f.friction = friction;
        f.restitution = 0f;
        f.filter.categoryBits = 0x0020;
        f.filter.maskBits = 0x001; // collide only with the ground
        return f;
    }

    private static void box(Body body, double hx, double hy) {
        PolygonShape shape = new PolygonShape();
        try {
            shape.setAsBox((float) hx, (float) hy);
            body.createFixture(walkerFixture(shape, 1f, 0.2f));
        } finally {
            shape.dispose();
        }
    }

    private RevoluteJoint joint(Body a, Body b, double anchorAY, double anchorBY, double motorSpeed, double lower, double upper) {
        RevoluteJointDef d = new RevoluteJointDef();
        d.bodyA = a;
        d.bodyB = b;
        d.localAnchorA.set(0f, (float) anchorAY);
        d.localAnchorB.set(0f, (float) anchorBY);
        d.enableMotor = true;
        d.enableLimit = true;
        d.maxMotorTorque = (float) MOTORS_TORQUE;
        d.motorSpeed = (float) motorSpeed;
        d.lowerAngle = (float) lower;
        d.upperAngle = (float) upper;
        return (RevoluteJoint) world.createJoint(d);
    }

    /** Gymnasium's {@code _generate_terrain}: the same state machine and draws, in the same order. */
    private void generateTerrain() {
        obstacles.clear();
        int state = GRASS;
        double velocity = 0.0, y = TERRAIN_HEIGHT, originalY = 0;
        int counter = TERRAIN_STARTPAD, stairSteps = 0, stairWidth = 0, stairHeight = 0;
        boolean oneshot = false;
        for (int i = 0; i < TERRAIN_LENGTH; i++) {
            double x = i * TERRAIN_STEP;
            terrainX[i] = x;
            if (state == GRASS && !oneshot) {
                velocity = 0.8 * velocity + 0.01 * Math.signum(TERRAIN_HEIGHT - y);
                if (i > TERRAIN_STARTPAD) velocity += rng.uniform(-1, 1) / SCALE;
                y += velocity;
            } else if (state == PIT && oneshot) {
                counter = rng.nextInt(3, 5);
                double[] poly = {x, y, x + TERRAIN_STEP, y, x + TERRAIN_STEP, y - 4 * TERRAIN_STEP, x, y - 4 * TERRAIN_STEP};
                obstacle(poly);
                double[] shifted = poly.clone();
                for (int p = 0; p < shifted.length; p += 2) shifted[p] += TERRAIN_STEP * counter;
                obstacle(shifted);
                counter += 2;
                originalY = y;
            } else if (state == PIT) {
                y = originalY;
                if (counter > 1) y -= 4 * TERRAIN_STEP;
            } else if (state == STUMP && oneshot) {
                counter = rng.nextInt(1, 3);
                obstacle(new double[] {x, y, x + counter * TERRAIN_STEP, y, x + counter * TERRAIN_STEP, y + counter * TERRAIN_STEP,
                    x, y + counter * TERRAIN_STEP});
            } else if (state == STAIRS && oneshot) {
                stairHeight = rng.nextDouble() > 0.5 ? +1 : -1;
                stairWidth = rng.nextInt(4, 5);
                stairSteps = rng.nextInt(3, 5);
                originalY = y;
                for (int s = 0; s < stairSteps; s++) {
                    obstacle(new double[] {
                        x + (s * stairWidth) * TERRAIN_STEP, y + (s * stairHeight) * TERRAIN_STEP,
                        x + ((1 + s) * stairWidth) * TERRAIN_STEP, y + (s * stairHeight) * TERRAIN_STEP,
                        x + ((1 + s) * stairWidth) * TERRAIN_STEP, y + (-1 + s * stairHeight) * TERRAIN_STEP,
                        x + (s * stairWidth) * TERRAIN_STEP, y + (-1 + s * stairHeight) * TERRAIN_STEP});
                }
                counter = stairSteps * stairWidth;
            } else if (state == STAIRS) {
                int s = stairSteps * stairWidth - counter - stairHeight;
                double n = (double) s / stairWidth;
                y = originalY + (n * stairHeight) * TERRAIN_STEP;
            }
            oneshot = false;
            terrainY[i] = y;
            counter--;
            if (counter == 0) {
                counter = rng.nextInt(TERRAIN_GRASS / 2, TERRAIN_GRASS);
                if (state == GRASS && hardcore) {
                    state = rng.nextInt(1, STATES);
                } else {
                    state = GRASS;
                }
                oneshot = true;
            }
        }
        EdgeShape edge = new EdgeShape();
        try {
            for (int i = 0; i < TERRAIN_LENGTH - 1; i++) {
                edge.set((float) terrainX[i], (float) terrainY[i], (float) terrainX[i + 1], (float) terrainY[i + 1]);
                FixtureDef f = new FixtureDef();
                f.shape = edge;
                f.friction = FRICTION;
                f.filter.categoryBits = 0x0001;
                staticBody().createFixture(f);
            }
        } finally {
            edge.dispose();
        }
    }

    private Body staticBody() {
        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.StaticBody;
        return world.createBody(def);
    }

    private void obstacle(double[] poly) {
        PolygonShape shape = new PolygonShape();
        try {
            float[] v = new float[poly.length];
            for (int i = 0; i < v.length; i++) v[i] = (float) poly[i];
            shape.set(v);
            FixtureDef f = new FixtureDef();
            f.shape = shape;
            f.friction = FRICTION;
            staticBody().createFixture(f);
        } finally {
            shape.dispose();
        }
        obstacles.add(poly);
    }

    /** Gymnasium's {@code _generate_clouds}: drawn only, but their 110 draws come before the start force. */
    private void generateClouds() {
        for (int c = 0; c < clouds.length; c++) {
            double x = rng.uniform(0, TERRAIN_LENGTH) * TERRAIN_STEP;
            double y = VIEWPORT_H / SCALE * 3 / 4;
            double[] poly = new double[10];
            for (int a = 0; a < 5; a++) {
                poly[2 * a] = x + 15 * TERRAIN_STEP * StrictMath.sin(3.14 * 2 * a / 5) + rng.uniform(0, 5 * TERRAIN_STEP);
                poly[2 * a + 1] = y + 5 * TERRAIN_STEP * StrictMath.cos(3.14 * 2 * a / 5) + rng.uniform(0, 5 * TERRAIN_STEP);
            }
            clouds[c] = poly;
        }
    }

    @Override
    public Step<float[]> step(float[] action) {
        if (world == null) throw new IllegalStateException(id + ": step before reset (or after close)");
        if (action == null || !ACTIONS.contains(action)) {
            throw new IllegalArgumentException(id + ": action " + (action == null ? "null" : Arrays.toString(action))
                    + " is not in the action space " + ACTIONS);
        }
        return simulate(action);
    }

    private Step<float[]> simulate(float[] action) {
        for (int j = 0; j < 4; j++) {
            double speed = (j % 2 == 0 ? SPEED_HIP : SPEED_KNEE) * Math.signum(action[j]);
            joints[j].setMotorSpeed((float) speed);
            joints[j].setMaxMotorTorque((float) (MOTORS_TORQUE * Math.min(Math.abs(action[j]), 1f)));
        }
        world.step(1.0f / FPS, 6 * 30, 2 * 30);

        Vector2 pos = hull.getPosition();
        Vector2 vel = hull.getLinearVelocity();
        double px = pos.x, py = pos.y, vx = vel.x, vy = vel.y;
        for (int i = 0; i < 10; i++) {
            lidarFraction[i] = 1.0;
            lidarX[i] = px + StrictMath.sin(1.5 * i / 10.0) * LIDAR_RANGE;
            lidarY[i] = py - StrictMath.cos(1.5 * i / 10.0) * LIDAR_RANGE;
            lidar.ray = i;
            world.rayCast(lidar, (float) px, (float) py, (float) lidarX[i], (float) lidarY[i]);
        }
        double[] s = {
            hull.getAngle(),
            2.0 * hull.getAngularVelocity() / FPS,
            0.3 * vx * (VIEWPORT_W / SCALE) / FPS,
            0.3 * vy * (VIEWPORT_H / SCALE) / FPS,
            joints[0].getJointAngle(),
            joints[0].getJointSpeed() / SPEED_HIP,
            joints[1].getJointAngle() + 1.0,
            joints[1].getJointSpeed() / SPEED_KNEE,
            groundContact[1] ? 1.0 : 0.0,
            joints[2].getJointAngle(),
            joints[2].getJointSpeed() / SPEED_HIP,
            joints[3].getJointAngle() + 1.0,
            joints[3].getJointSpeed() / SPEED_KNEE,
            groundContact[3] ? 1.0 : 0.0};

        double shaping = 130 * px / SCALE; // moving forward: about 300 at the end
        shaping -= 5.0 * Math.abs(s[0]);   // keep the head straight
        double reward = 0;
        if (hasPrevShaping) reward = shaping - prevShaping;
        prevShaping = shaping;
        hasPrevShaping = true;
        // NumPy 2: python float - float32 is float32, so the torque costs are float32 sums
        float r = (float) reward;
        float cost = (float) (0.00035 * MOTORS_TORQUE);
        for (float a : action) r -= cost * Math.min(Math.abs(a), 1f);
        reward = r;

        boolean terminated = false;
        if (gameOver || px < 0) {
            reward = -100;
            terminated = true;
        }
        if (px > (TERRAIN_LENGTH - TERRAIN_GRASS) * TERRAIN_STEP) terminated = true;

        float[] observation = new float[24];
        for (int i = 0; i < 14; i++) observation[i] = (float) s[i];
        for (int i = 0; i < 10; i++) observation[14 + i] = (float) lidarFraction[i];
        return new Step<>(observation, reward, terminated, false, Map.of());
    }

    /** Nearest ground hit along one ray: fixtures without category bit 1 (the walker) are skipped. */
    private final class Lidar implements RayCastCallback {
        int ray;

        @Override
        public float reportRayFixture(Fixture fixture, Vector2 point, Vector2 normal, float fraction) {
            if ((fixture.getFilterData().categoryBits & 1) == 0) return -1;
            lidarX[ray] = point.x;
            lidarY[ray] = point.y;
            lidarFraction[ray] = fraction;
            return fraction;
        }
    }

    /** The hull on the ground ends the episode; the lower legs set their contact flags. */
    private final class Contacts implements ContactListener {
        @Override
        public void beginContact(Contact contact) {
            Body a = contact.getFixtureA().getBody(), b = contact.getFixtureB().getBody();
            if (a == hull || b == hull) gameOver = true;
            for (int i = 1; i < 4; i += 2) if (a == legs[i] || b == legs[i]) groundContact[i] = true;
        }

        @Override
        public void endContact(Contact contact) {
            Body a = contact.getFixtureA().getBody(), b = contact.getFixtureB().getBody();
            for (int i = 1; i < 4; i += 2) if (a == legs[i] || b == legs[i]) groundContact[i] = false;
        }

        @Override
        public void preSolve(Contact contact, Manifold oldManifold) {}

        @Override
        public void postSolve(Contact contact, ContactImpulse impulse) {}
    }

    private void destroyWorld() {
        if (world == null) return;
        world.dispose();
        world = null;
        hull = null;
        Arrays.fill(legs, null);
        Arrays.fill(joints, null);
    }

    @Override
    protected void onClose() {
        destroyWorld();
    }

    /** Bodies in the current world, or 0 when there is none; for tests. */
    int bodyCount() {
        return world == null ? 0 : world.getBodyCount();
    }

    /** The hull's x in world units (the terrain ends at 88.67); for tests and agents' reports. */
    public double hullX() {
        return hull == null ? Double.NaN : hull.getPosition().x;
    }

    // ---- drawing ----

    private static final Color SKY = Color.rgb(0xebebff), GROUND = Color.rgb(0x66994c), CLOUD = Color.WHITE;
    private static final Color HULL_FILL = Color.rgb(0x7f33e5), HULL_EDGE = Color.rgb(0x4c4c7f), LIDAR = Color.rgb(0xff0000);

    /** Gymnasium's picture in world units, scrolled with the hull: sky, clouds, terrain, lidar, walker, flag. */
    @Override
    public Scene scene(Annotations annotations) {
        if (world == null) throw new IllegalStateException(id + ": no scene before reset (or after close)");
        double w = VIEWPORT_W / SCALE, h = VIEWPORT_H / SCALE;
        double scroll = hull.getPosition().x - w / 5;
        Scene.Builder b = Scene.builder(new Viewport(scroll, 0, scroll + w, h)).background(SKY);
        for (double[] c : clouds) {
            double[] xs = new double[5], ys = new double[5];
            for (int i = 0; i < 5; i++) {
                xs[i] = c[2 * i];
                ys[i] = c[2 * i + 1];
            }
            b.add(new Shape.Polygon(xs, ys, CLOUD, CLOUD, 0));
        }
        for (int i = 0; i < TERRAIN_LENGTH - 1; i++) {
            if (terrainX[i + 1] < scroll || terrainX[i] > scroll + w) continue;
            b.add(new Shape.Polygon(new double[] {terrainX[i], terrainX[i + 1], terrainX[i + 1], terrainX[i]},
                    new double[] {terrainY[i], terrainY[i + 1], 0, 0}, GROUND, GROUND, 1 / SCALE));
            b.line(terrainX[i], terrainY[i], terrainX[i + 1], terrainY[i + 1], 2 / SCALE, Color.rgb(i % 2 == 0 ? 0x4cff4c : 0x4ccc4c));
        }
        for (double[] p : obstacles) {
            int n = p.length / 2;
            double[] xs = new double[n], ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = p[2 * i];
                ys[i] = p[2 * i + 1];
            }
            b.add(new Shape.Polygon(xs, ys, Color.WHITE, Color.rgb(0x999999), 1 / SCALE));
        }
        Vector2 pos = hull.getPosition();
        for (int i = 0; i < 10; i++) {
            if (lidarFraction[i] < 1.0) b.line(pos.x, pos.y, lidarX[i], lidarY[i], 1 / SCALE, LIDAR);
        }
        for (int k = 0; k < 4; k++) {
            int side = k < 2 ? -1 : +1;
            Color fill = Color.rgb((153 - side * 25) << 16 | (76 - side * 25) << 8 | (127 - side * 25));
            Color edge = Color.rgb((102 - side * 25) << 16 | (51 - side * 25) << 8 | (76 - side * 25));
            double hw = (k % 2 == 0 ? LEG_W : 0.8 * LEG_W) / 2, hh = LEG_H / 2;
            drawBody(b, legs[k], new double[] {-hw, hw, hw, -hw}, new double[] {-hh, -hh, hh, hh}, fill, edge);
        }
        double[] hx = new double[HULL_POLY.length], hy = new double[HULL_POLY.length];
        for (int i = 0; i < hx.length; i++) {
            hx[i] = HULL_POLY[i][0] / SCALE;
            hy[i] = HULL_POLY[i][1] / SCALE;
        }
        drawBody(b, hull, hx, hy, HULL_FILL, HULL_EDGE);
        double flagY1 = TERRAIN_HEIGHT, flagY2 = flagY1 + 50 / SCALE, x = TERRAIN_STEP * 3;
        b.line(x, flagY1, x, flagY2, 2 / SCALE, Color.BLACK);
        b.add(new Shape.Polygon(new double[] {x, x, x + 25 / SCALE}, new double[] {flagY2, flagY2 - 10 / SCALE, flagY2 - 5 / SCALE},
                Color.rgb(0xe60000), Color.BLACK, 1 / SCALE));
        return b.caption(String.format(Locale.ROOT, "x %.1f / %.1f, hull angle %.1f deg", pos.x,
                (TERRAIN_LENGTH - TERRAIN_GRASS) * TERRAIN_STEP, Math.toDegrees(hull.getAngle()))).build();
    }

    private static void drawBody(Scene.Builder b, Body body, double[] localX, double[] localY, Color fill, Color edge) {
        Vector2 p = body.getPosition();
        double a = body.getAngle(), c = Math.cos(a), s = Math.sin(a);
        double[] xs = new double[localX.length], ys = new double[localX.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = p.x + c * localX[i] - s * localY[i];
            ys[i] = p.y + s * localX[i] + c * localY[i];
        }
        b.add(new Shape.Polygon(xs, ys, fill, edge, 1 / SCALE));
    }
}
