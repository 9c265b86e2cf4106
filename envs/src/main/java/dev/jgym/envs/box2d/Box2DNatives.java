package dev.jgym.envs.box2d;

import com.badlogic.gdx.math.Vector2;
import com.badlogic.gdx.physics.box2d.Box2D;
import com.badlogic.gdx.physics.box2d.World;
import com.badlogic.gdx.utils.GdxNativesLoader;

/**
 * Loads libgdx's Box2D natives headless, once per JVM, from any thread.
 *
 * <p>{@code GdxNativesLoader.load()} first (libgdx's own natives: without them
 * {@code BufferUtils.getBufferAddress} fails with {@code UnsatisfiedLinkError}), then
 * {@code Box2D.init()}. The first {@code World} fills JNI method ids and Box2D's block-size table
 * without a lock, so one throw-away world is made here, under this class's lock, before any env
 * can make its own on another thread. No OpenGL is touched.
 */
final class Box2DNatives {
    private static volatile boolean loaded;

    private Box2DNatives() {}

    static void load() {
        if (loaded) return;
        synchronized (Box2DNatives.class) {
            if (loaded) return;
            GdxNativesLoader.load();
            Box2D.init();
            new World(new Vector2(0, -10), true).dispose();
            loaded = true;
        }
    }
}
