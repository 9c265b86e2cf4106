package dev.jgym.envs.box2d;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Body;
import com.badlogic.gdx.physics.box2d.BodyDef;
import com.badlogic.gdx.physics.box2d.Contact;
import com.badlogic.gdx.physics.box2d.ContactImpulse;
import com.badlogic.gdx.physics.box2d.ContactListener;
import com.badlogic.gdx.physics.box2d.EdgeShape;
import com.badlogic.gdx.physics.box2d.FixtureDef;
import com.badlogic.gdx.physics.box2d.Manifold;
import com.badlogic.gdx.physics.box2d.PolygonShape;
import com.badlogic.gdx.physics.box2d.World;
import com.badlogic.gdx.physics.box2d.joints.RevoluteJointDef;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;
import dev.jgym.core.space.Box;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.Space;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Lunar Lander: land a rocket on the pad between the two flags, with Gymnasium 1.x's
 * {@code LunarLander-v3} ({@code gymnasium/envs/box2d/lunar_lander.py}) on libgdx's Box2D: the
 * same world units (SCALE 30 pixels per unit, 50 steps per second, Box2D step with 180 velocity
 * and 60 position iterations), bodies, fixtures, joints, engine impulses, terrain and reward.
 *
 * <p>Action space, option {@code continuous: false}: {@code Discrete(4)}
 * <table>
 *   <tr><th>action</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>do nothing</td></tr>
 *   <tr><td>1</td><td>fire the left orientation engine (pushes the lander's right)</td></tr>
 *   <tr><td>2</td><td>fire the main engine</td></tr>
 *   <tr><td>3</td><td>fire the right orientation engine</td></tr>
 * </table>
 * Option {@code continuous: true}: {@code Box(-1, 1, [2])}, [main, lateral]. The main engine is off
 * for main &lt;= 0 and throttles from 50% to 100% over (0, 1]; the side engines are off for
 * |lateral| &lt;= 0.5, else the left (lateral &lt; -0.5) or right (&gt; 0.5) one fires at
 * |lateral| (50% to 100%). An action outside the space is an error (Gymnasium clips it).
 *
 * <p>Observation {@code Box(8)}, float32 (bounds as Gymnasium's v3; useful range about [-1, 1]):
 * <table>
 *   <tr><th>index</th><th>value</th><th>min</th><th>max</th></tr>
 *   <tr><td>0</td><td>x, 0 at the pad's centre, +-1 at the screen's edges</td><td>-2.5</td><td>2.5</td></tr>
 *   <tr><td>1</td><td>y, 0 when the legs stand on the pad's height</td><td>-2.5</td><td>2.5</td></tr>
 *   <tr><td>2</td><td>x velocity (units of 5 world units/s)</td><td>-10</td><td>10</td></tr>
 *   <tr><td>3</td><td>y velocity (units of 7.5 world units/s)</td><td>-10</td><td>10</td></tr>
 *   <tr><td>4</td><td>angle (rad)</td><td>-2 pi</td><td>2 pi</td></tr>
 *   <tr><td>5</td><td>angular velocity (units of 2.5 rad/s)</td><td>-10</td><td>10</td></tr>
 *   <tr><td>6</td><td>1 when the left leg touches the ground, else 0</td><td>0</td><td>1</td></tr>
 *   <tr><td>7</td><td>1 when the right leg touches the ground, else 0</td><td>0</td><td>1</td></tr>
 * </table>
 *
 * <p>Reward: the change of the shaping {@code -100 |(x, y)| - 100 |(vx, vy)| - 100 |angle| +
 * 10 (leg 1 contact) + 10 (leg 2 contact)} since the last step, minus 0.3 times the main engine's
 * power and 0.03 times the side engine's power; on the ending step -100 for a crash or leaving
 * the screen, +100 for coming to rest. A mean of 200 counts as solved.
 *
 * <p>Start: the lander at the top centre (10, 13.33) world units, legs out, pushed by a random
 * force uniform in [-1000, 1000] on each axis for the first step. The terrain is 11 chunk heights
 * uniform in [0, 6.67), flattened around the pad at height 3.33 and smoothed (x 0.33 of three
 * neighbours). Reset makes a new Box2D world (Gymnasium's v3 fix for leftover state) and takes
 * one no-op step, which the first observation comes from.
 *
 * <p>Episode end: terminated when the lander's body touches the ground, |x| &gt;= 1, or the lander's
 * body falls asleep (Box2D found it at rest); truncated at 1000 steps by the spec's time limit.
 *
 * <p>Options: {@code continuous} (false), {@code gravity} (-10, in (-12, 0)), {@code enable_wind}
 * (false), {@code wind_power} (15, in [0, 20]), {@code turbulence_power} (1.5, in [0, 2]). With wind,
 * a force {@code tanh(sin(0.02 k) + sin(0.01 pi k)) * wind_power} and a torque of the same form
 * (own index) times {@code turbulence_power} push the lander while no leg touches the ground;
 * the indices start uniform in [-9999, 9999) at reset.
 *
 * <p>Randomness: terrain (12 draws), start force (2), wind indices (2, with wind), and per step
 * the engines' dispersion (2), all from the env stream. Gymnasium's exhaust particles are
 * decoration only (bodies that collide with the ground only, never with the lander, made only
 * when rendering); here they are not Box2D bodies but drawn in the {@link #scene} from a small
 * ballistic model, so drawing never changes the physics.
 *
 * <p>Versions: v3 as Gymnasium 1.x. Bit-equality with Gymnasium is not possible (its Box2D is
 * another float32 build and its stream is NumPy's); the constants and the order of operations
 * are the same. The world and its bodies belong to the env: a reset disposes the old world,
 * {@link #close()} the current one.
 */
public final class LunarLander extends BaseEnv<float[], Object> {
    static final String ID = "LunarLander-v3";
    static final String CONTINUOUS_ID = "LunarLanderContinuous-v3";

    static final int FPS = 50;
    static final double SCALE = 30.0;              // pixels per world unit
    static final double MAIN_ENGINE_POWER = 13.0;
    static final double SIDE_ENGINE_POWER = 0.6;
    static final double INITIAL_RANDOM = 1000.0;   // start force bound on each axis
    static final double[][] LANDER_POLY = {{-14, 17}, {-17, 0}, {-17, -10}, {17, -10}, {17, 0}, {14, 17}};
    static final double LEG_AWAY = 20, LEG_DOWN = 18, LEG_W = 2, LEG_H = 8;
    static final double LEG_SPRING_TORQUE = 40;
    static final double SIDE_ENGINE_HEIGHT = 14, SIDE_ENGINE_AWAY = 12;
    static final double MAIN_ENGINE_Y_LOCATION = 4;
    static final double VIEWPORT_W = 600, VIEWPORT_H = 400;
    static final double W = VIEWPORT_W / SCALE, H = VIEWPORT_H / SCALE;
    static final int CHUNKS = 11;
    static final int VELOCITY_ITERATIONS = 6 * 30, POSITION_ITERATIONS = 2 * 30;

    /** Options of LunarLander-v3 (Gymnasium's constructor arguments, same names and defaults). */
    public record Settings(
            @JsonProperty("continuous") Boolean continuous,
            @JsonProperty("gravity") Double gravity,
            @JsonProperty("enable_wind") Boolean enableWind,
            @JsonProperty("wind_power") Double windPower,
            @JsonProperty("turbulence_power") Double turbulencePower) {
        public Settings {
            if (continuous == null) continuous = false;
            if (gravity == null) gravity = -10.0;
            if (enableWind == null) enableWind = false;
            if (windPower == null) windPower = 15.0;
            if (turbulencePower == null) turbulencePower = 1.5;
            Check.that(gravity > -12.0 && gravity < 0.0, "gravity",
                    "expected a number in (-12, 0) (Gymnasium's range, both ends excluded), found " + gravity);
            Check.inRange("wind_power", windPower, 0.0, 20.0);
            Check.inRange("turbulence_power", turbulencePower, 0.0, 2.0);
        }
    }

    private static final Discrete DISCRETE_ACTIONS = new Discrete(4);
    private static final Box CONTINUOUS_ACTIONS = new Box(new float[] {-1, -1}, new float[] {1, 1});
    private static final Box OBSERVATIONS = new Box(
            new float[] {-2.5f, -2.5f, -10f, -10f, (float) (-2 * Math.PI), -10f, -0f, -0f},
            new float[] {2.5f, 2.5f, 10f, 10f, (float) (2 * Math.PI), 10f, 1f, 1f});

    private final String id;
    private final boolean continuous, enableWind;
    private final double gravity, windPower, turbulencePower;

    private World world;
    private Body moon, lander;
    private final Body[] legs = new Body[2];
    private final boolean[] legContact = new boolean[2];
    private boolean gameOver;
    private double prevShaping;
    private boolean hasPrevShaping;
    private int windIdx, torqueIdx;
    private double helipadX1, helipadX2, helipadY;
    private final double[] chunkX = new double[CHUNKS], smoothY = new double[CHUNKS];
    private final Particles particles = new Particles();
    private final ContactListener contacts = new Contacts();

    public LunarLander() {
        this(new Settings(null, null, null, null, null));
    }

    public LunarLander(Settings settings) {
        this(settings.continuous() ? CONTINUOUS_ID : ID, settings);
    }

    private LunarLander(String id, Settings settings) {
        this.id = id;
        this.continuous = settings.continuous();
        this.gravity = settings.gravity();
        this.enableWind = settings.enableWind();
        this.windPower = settings.windPower();
        this.turbulencePower = settings.turbulencePower();
        Box2DNatives.load();
    }

    static LunarLander fromOptions(Map<String, ?> options) {
        return new LunarLander(ID, Json.bind(options, Settings.class, ID));
    }

    static LunarLander continuousFromOptions(Map<String, ?> options) {
        return new LunarLander(CONTINUOUS_ID, Json.bind(options, Settings.class, CONTINUOUS_ID));
    }

    /** True for the {@code Box(2)} throttle actions, false for {@code Discrete(4)}. */
    public boolean continuous() {
        return continuous;
    }

    @Override
    @SuppressWarnings("unchecked")
    public Space<Object> actionSpace() {
        return (Space<Object>) (Space<?>) (continuous ? CONTINUOUS_ACTIONS : DISCRETE_ACTIONS);
    }

    @Override
    public Box observationSpace() {
        return OBSERVATIONS;
    }

    @Override
    protected Reset<float[]> onReset(Map<String, ?> options) {
        expectNoOptions(id, options);
        destroyWorld();
        world = new World(new Vector2(0f, (float) gravity), true);
        world.setContactListener(contacts);
        gameOver = false;
        hasPrevShaping = false;
        legContact[0] = legContact[1] = false;
        particles.clear();

        // terrain: 12 heights, flattened at the pad, smoothed over three neighbours (index -1 wraps, as Python's)
        double[] height = new double[CHUNKS + 1];
        for (int i = 0; i < height.length; i++) height[i] = rng.uniform(0, H / 2);
        for (int i = 0; i < CHUNKS; i++) chunkX[i] = W / (CHUNKS - 1) * i;
        helipadX1 = chunkX[CHUNKS / 2 - 1];
        helipadX2 = chunkX[CHUNKS / 2 + 1];
        helipadY = H / 4;
        for (int i = CHUNKS / 2 - 2; i <= CHUNKS / 2 + 2; i++) height[i] = helipadY;
        for (int i = 0; i < CHUNKS; i++) {
            smoothY[i] = 0.33 * (height[Math.floorMod(i - 1, height.length)] + height[i] + height[i + 1]);
        }

        BodyDef def = new BodyDef();
        def.type = BodyDef.BodyType.StaticBody;
        moon = world.createBody(def);
        EdgeShape edge = new EdgeShape();
        try {
            edge.set(0f, 0f, (float) W, 0f);
            FixtureDef base = new FixtureDef();
            base.shape = edge;
            moon.createFixture(base);
            for (int i = 0; i < CHUNKS - 1; i++) {
                edge.set((float) chunkX[i], (float) smoothY[i], (float) chunkX[i + 1], (float) smoothY[i + 1]);
                FixtureDef f = new FixtureDef();
                f.shape = edge;
                f.density = 0f;
                f.friction = 0.1f;
                moon.createFixture(f);
            }
        } finally {
            edge.dispose();
        }

        double initialX = VIEWPORT_W / SCALE / 2, initialY = VIEWPORT_H / SCALE;
        def = new BodyDef();
        def.type = BodyDef.BodyType.DynamicBody;
        def.position.set((float) initialX, (float) initialY);
        def.angle = 0f;
        lander = world.createBody(def);
        PolygonShape hull = new PolygonShape();
        try {
            float[] vertices = new float[LANDER_POLY.length * 2];
            for (int i = 0; i < LANDER_POLY.length; i++) {
                vertices[2 * i] = (float) (LANDER_POLY[i][0] / SCALE);
                vertices[2 * i + 1] = (float) (LANDER_POLY[i][1] / SCALE);
            }
            hull.set(vertices);
            FixtureDef f = new FixtureDef();
            f.shape = hull;
            f.density = 5f;
            f.friction = 0.1f;
            f.filter.categoryBits = 0x0010;
            f.filter.maskBits = 0x001; // collide only with the ground
            f.restitution = 0f;
            lander.createFixture(f);
        } finally {
            hull.dispose();
        }

        double fx = rng.uniform(-INITIAL_RANDOM, INITIAL_RANDOM);
        double fy = rng.uniform(-INITIAL_RANDOM, INITIAL_RANDOM);
        lander.applyForceToCenter((float) fx, (float) fy, true);

        if (enableWind) {
            windIdx = rng.nextInt(-9999, 9999);
            torqueIdx = rng.nextInt(-9999, 9999);
        }

        for (int k = 0; k < 2; k++) {
            int i = k == 0 ? -1 : +1;
            def = new BodyDef();
            def.type = BodyDef.BodyType.DynamicBody;
            def.position.set((float) (initialX - i * LEG_AWAY / SCALE), (float) initialY);
            def.angle = (float) (i * 0.05);
            Body leg = world.createBody(def);
            PolygonShape box = new PolygonShape();
            try {
                box.setAsBox((float) (LEG_W / SCALE), (float) (LEG_H / SCALE));
                FixtureDef f = new FixtureDef();
                f.shape = box;
                f.density = 1f;
                f.restitution = 0f;
                f.filter.categoryBits = 0x0020;
                f.filter.maskBits = 0x001;
                leg.createFixture(f);
            } finally {
                box.dispose();
            }
            RevoluteJointDef joint = new RevoluteJointDef();
            joint.bodyA = lander;
            joint.bodyB = leg;
            joint.localAnchorA.set(0f, 0f);
            joint.localAnchorB.set((float) (i * LEG_AWAY / SCALE), (float) (LEG_DOWN / SCALE));
            joint.enableMotor = true;
            joint.enableLimit = true;
            joint.maxMotorTorque = (float) LEG_SPRING_TORQUE;
            joint.motorSpeed = (float) (0.3 * i); // low enough not to jump back into the sky
            if (i == -1) {
                joint.lowerAngle = (float) (0.9 - 0.5);
                joint.upperAngle = 0.9f;
            } else {
                joint.lowerAngle = -0.9f;
                joint.upperAngle = (float) (-0.9 + 0.5);
            }
            world.createJoint(joint);
            legs[k] = leg;
        }
        return new Reset<>(simulate(0, 0.0, 0.0).observation());
    }

    @Override
    public Step<float[]> step(Object action) {
        if (world == null) throw new IllegalStateException(id + ": step before reset (or after close)");
        if (continuous) {
            if (!(action instanceof float[] a) || !CONTINUOUS_ACTIONS.contains(a)) throw badAction(action, CONTINUOUS_ACTIONS);
            return simulate(-1, a[0], a[1]);
        }
        if (!(action instanceof Integer a) || !DISCRETE_ACTIONS.contains(a)) throw badAction(action, DISCRETE_ACTIONS);
        return simulate(a, 0.0, 0.0);
    }

    private IllegalArgumentException badAction(Object action, Object space) {
        String shown = action instanceof float[] f ? Arrays.toString(f) : String.valueOf(action);
        return new IllegalArgumentException(id + ": action " + shown + " is not in the action space " + space);
    }

    /**
     * One step of Gymnasium's {@code step}: wind, engine impulses, Box2D step, observation, reward.
     * {@code discrete} is the discrete action, or -1 for the continuous {@code (main, lateral)}.
     */
    private Step<float[]> simulate(int discrete, double main, double lateral) {
        if (enableWind && !(legContact[0] || legContact[1])) {
            // tanh(sin(2 k x) + sin(pi k x)), k = 0.01: never periodic
            double windMag = StrictMath.tanh(StrictMath.sin(0.02 * windIdx) + StrictMath.sin(Math.PI * 0.01 * windIdx)) * windPower;
            windIdx++;
            lander.applyForceToCenter((float) windMag, 0f, true);
            double torqueMag = StrictMath.tanh(StrictMath.sin(0.02 * torqueIdx) + StrictMath.sin(Math.PI * 0.01 * torqueIdx)) * turbulencePower;
            torqueIdx++;
            lander.applyTorque((float) torqueMag, true);
        }

        double angle = lander.getAngle();
        double tipX = StrictMath.sin(angle), tipY = StrictMath.cos(angle); // the lander's up axis
        double sideX = -tipY, sideY = tipX;
        double dispersion0 = rng.uniform(-1.0, 1.0) / SCALE;
        double dispersion1 = rng.uniform(-1.0, 1.0) / SCALE;

        double mPower = 0.0;
        if (continuous ? main > 0.0 : discrete == 2) {
            mPower = continuous ? (Math.min(main, 1.0) + 1.0) * 0.5 : 1.0; // 0.5..1.0
            // the main engine sits 4 pixels below the centre, +-2 dispersion
            double ox = tipX * (MAIN_ENGINE_Y_LOCATION / SCALE + 2 * dispersion0) + sideX * dispersion1;
            double oy = -tipY * (MAIN_ENGINE_Y_LOCATION / SCALE + 2 * dispersion0) - sideY * dispersion1;
            Vector2 pos = lander.getPosition();
            double px = pos.x + ox, py = pos.y + oy;
            particles.emit(3.5, px, py, ox * MAIN_ENGINE_POWER * mPower, oy * MAIN_ENGINE_POWER * mPower, mPower);
            lander.applyLinearImpulse((float) (-ox * MAIN_ENGINE_POWER * mPower), (float) (-oy * MAIN_ENGINE_POWER * mPower),
                    (float) px, (float) py, true);
        }

        double sPower = 0.0;
        if (continuous ? Math.abs(lateral) > 0.5 : discrete == 1 || discrete == 3) {
            double direction;
            if (continuous) {
                direction = Math.signum(lateral);
                sPower = Math.min(Math.max(Math.abs(lateral), 0.5), 1.0);
            } else {
                direction = discrete - 2; // 1 left, 3 right
                sPower = 1.0;
            }
            double ox = tipX * dispersion0 + sideX * (3 * dispersion1 + direction * SIDE_ENGINE_AWAY / SCALE);
            double oy = -tipY * dispersion0 - sideY * (3 * dispersion1 + direction * SIDE_ENGINE_AWAY / SCALE);
            // Gymnasium's 17 (not SIDE_ENGINE_HEIGHT) moves the thrust point with the lander's angle: kept as is
            Vector2 pos = lander.getPosition();
            double px = pos.x + ox - tipX * 17 / SCALE, py = pos.y + oy + tipY * SIDE_ENGINE_HEIGHT / SCALE;
            particles.emit(0.7, px, py, ox * SIDE_ENGINE_POWER * sPower, oy * SIDE_ENGINE_POWER * sPower, sPower);
            lander.applyLinearImpulse((float) (-ox * SIDE_ENGINE_POWER * sPower), (float) (-oy * SIDE_ENGINE_POWER * sPower),
                    (float) px, (float) py, true);
        }

        world.step(1.0f / FPS, VELOCITY_ITERATIONS, POSITION_ITERATIONS);
        particles.advance(gravity);

        Vector2 pos = lander.getPosition();
        Vector2 vel = lander.getLinearVelocity();
        double[] s = {
            (pos.x - VIEWPORT_W / SCALE / 2) / (VIEWPORT_W / SCALE / 2),
            (pos.y - (helipadY + LEG_DOWN / SCALE)) / (VIEWPORT_H / SCALE / 2),
            vel.x * (VIEWPORT_W / SCALE / 2) / FPS,
            vel.y * (VIEWPORT_H / SCALE / 2) / FPS,
            lander.getAngle(),
            20.0 * lander.getAngularVelocity() / FPS,
            legContact[0] ? 1.0 : 0.0,
            legContact[1] ? 1.0 : 0.0};

        double reward = 0;
        // ten points per leg on the ground: losing contact after landing costs them back
        double shaping = -100 * Math.sqrt(s[0] * s[0] + s[1] * s[1])
                - 100 * Math.sqrt(s[2] * s[2] + s[3] * s[3])
                - 100 * Math.abs(s[4])
                + 10 * s[6]
                + 10 * s[7];
        if (hasPrevShaping) reward = shaping - prevShaping;
        prevShaping = shaping;
        hasPrevShaping = true;
        reward -= mPower * 0.30; // less fuel spent is better, about -30 for a heuristic landing
        reward -= sPower * 0.03;

        boolean terminated = false;
        if (gameOver || Math.abs(s[0]) >= 1.0) {
            terminated = true;
            reward = -100;
        }
        if (!lander.isAwake()) {
            terminated = true;
            reward = +100;
        }
        float[] observation = new float[8];
        for (int i = 0; i < 8; i++) observation[i] = (float) s[i];
        // coming to rest is the goal (a landing, +100); a crash or flying off ends the episode without it
        return new Step<>(observation, reward, terminated, false, terminated ? Env.successInfo(!lander.isAwake()) : Map.of());
    }

    /** Body-ground contacts: the lander's hull ends the episode, a leg sets its contact flag. */
    private final class Contacts implements ContactListener {
        @Override
        public void beginContact(Contact contact) {
            Body a = contact.getFixtureA().getBody(), b = contact.getFixtureB().getBody();
            if (a == lander || b == lander) gameOver = true;
            for (int i = 0; i < 2; i++) if (a == legs[i] || b == legs[i]) legContact[i] = true;
        }

        @Override
        public void endContact(Contact contact) {
            Body a = contact.getFixtureA().getBody(), b = contact.getFixtureB().getBody();
            for (int i = 0; i < 2; i++) if (a == legs[i] || b == legs[i]) legContact[i] = false;
        }

        @Override
        public void preSolve(Contact contact, Manifold oldManifold) {}

        @Override
        public void postSolve(Contact contact, ContactImpulse impulse) {}
    }

    private void destroyWorld() {
        if (world == null) return;
        world.dispose(); // deletes every body, fixture and joint of the world natively
        world = null;
        moon = lander = null;
        legs[0] = legs[1] = null;
    }

    @Override
    protected void onClose() {
        destroyWorld();
    }

    /** Bodies in the current world (4: moon, lander, two legs), or 0 when there is none; for tests. */
    int bodyCount() {
        return world == null ? 0 : world.getBodyCount();
    }

    // ---- drawing ----

    private static final Color HULL_FILL = Color.rgb(0x8066e6), HULL_EDGE = Color.rgb(0x4d4d80);
    private static final Color FLAG = Color.rgb(0xcccc00);

    /** Gymnasium's picture in world units: black sky above a white moon, lander, legs, flags, exhaust. */
    @Override
    public Scene scene(Annotations annotations) {
        if (world == null) throw new IllegalStateException(id + ": no scene before reset (or after close)");
        Scene.Builder b = Scene.builder(new Viewport(0, 0, W, H)).background(Color.WHITE);
        for (int i = 0; i < CHUNKS - 1; i++) {
            b.add(new Shape.Polygon(new double[] {chunkX[i], chunkX[i + 1], chunkX[i + 1], chunkX[i]},
                    new double[] {smoothY[i], smoothY[i + 1], H, H}, Color.BLACK, Color.BLACK, 1 / SCALE));
        }
        particles.draw(b);
        double[] hullX = new double[LANDER_POLY.length], hullY = new double[LANDER_POLY.length];
        for (int i = 0; i < LANDER_POLY.length; i++) {
            hullX[i] = LANDER_POLY[i][0] / SCALE;
            hullY[i] = LANDER_POLY[i][1] / SCALE;
        }
        drawBody(b, lander, hullX, hullY);
        double hw = LEG_W / SCALE, hh = LEG_H / SCALE;
        for (Body leg : legs) drawBody(b, leg, new double[] {-hw, hw, hw, -hw}, new double[] {-hh, -hh, hh, hh});
        for (double x : new double[] {helipadX1, helipadX2}) {
            double y1 = helipadY, y2 = y1 + 50 / SCALE;
            b.line(x, y1, x, y2, 2 / SCALE, Color.WHITE);
            b.add(new Shape.Polygon(new double[] {x, x, x + 25 / SCALE}, new double[] {y2, y2 - 10 / SCALE, y2 - 5 / SCALE}, FLAG, FLAG, 1 / SCALE));
        }
        double[] q = annotations.get(Annotations.ACTION_VALUES);
        if (q != null && q.length == 4) {
            b.text(0.3, H - 0.6, String.format(Locale.ROOT, "Q noop %.1f  left %.1f  main %.1f  right %.1f", q[0], q[1], q[2], q[3]),
                    0.4, Color.LIGHT_GREY, Shape.Anchor.LEFT);
        }
        Vector2 pos = lander.getPosition();
        return b.caption(String.format(Locale.ROOT, "x %.2f y %.2f angle %.1f deg%s%s", (pos.x - W / 2) / (W / 2),
                (pos.y - (helipadY + LEG_DOWN / SCALE)) / (H / 2), Math.toDegrees(lander.getAngle()),
                legContact[0] ? " L" : "", legContact[1] ? " R" : "")).build();
    }

    private static void drawBody(Scene.Builder b, Body body, double[] localX, double[] localY) {
        Vector2 p = body.getPosition();
        double a = body.getAngle(), c = Math.cos(a), s = Math.sin(a);
        double[] xs = new double[localX.length], ys = new double[localX.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = p.x + c * localX[i] - s * localY[i];
            ys[i] = p.y + s * localX[i] + c * localY[i];
        }
        b.add(new Shape.Polygon(xs, ys, HULL_FILL, HULL_EDGE, 1 / SCALE));
    }

    /**
     * Exhaust particles, decoration only: Gymnasium's particle bodies (radius 2 px, density 3.5 for
     * the main engine, 0.7 for the side ones, pushed by the engine's impulse, life = engine power,
     * minus 0.15 per frame) as points falling under gravity, kept in arrays and never in the world.
     */
    private static final class Particles {
        private static final int CAPACITY = 64;
        private static final double RADIUS = 2 / SCALE;
        private final double[] x = new double[CAPACITY], y = new double[CAPACITY];
        private final double[] vx = new double[CAPACITY], vy = new double[CAPACITY], ttl = new double[CAPACITY];
        private int count;

        void clear() {
            count = 0;
        }

        void emit(double density, double px, double py, double ix, double iy, double life) {
            if (count == CAPACITY) return;
            double mass = density * Math.PI * RADIUS * RADIUS;
            x[count] = px;
            y[count] = py;
            vx[count] = ix / mass;
            vy[count] = iy / mass;
            ttl[count] = life;
            count++;
        }

        void advance(double gravity) {
            double dt = 1.0 / FPS;
            int kept = 0;
            for (int i = 0; i < count; i++) {
                double life = ttl[i] - 0.15;
                if (life < 0) continue;
                vy[i] += gravity * dt;
                x[kept] = x[i] + vx[i] * dt;
                y[kept] = Math.max(0, y[i] + vy[i] * dt);
                vx[kept] = vx[i];
                vy[kept] = vy[i];
                ttl[kept] = life;
                kept++;
            }
            count = kept;
        }

        void draw(Scene.Builder b) {
            for (int i = 0; i < count; i++) {
                int r = (int) (Math.max(0.2, 0.15 + ttl[i]) * 255), g = (int) (Math.max(0.2, 0.5 * ttl[i]) * 255);
                b.circle(x[i], y[i], RADIUS, Color.rgb(Math.min(255, r) << 16 | Math.min(255, g) << 8 | Math.min(255, g)));
            }
        }
    }
}
