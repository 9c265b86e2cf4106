package dev.jgym.desktop;

import com.badlogic.gdx.ApplicationAdapter;
import com.badlogic.gdx.Gdx;
import com.badlogic.gdx.Input;
import com.badlogic.gdx.InputAdapter;
import com.badlogic.gdx.graphics.GL20;
import com.badlogic.gdx.graphics.glutils.ShapeRenderer;
import com.badlogic.gdx.math.Rectangle;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import java.util.List;
import java.util.Locale;

/**
 * The human-play window: forwards keys and time to a {@link HumanSession} and draws its scene
 * under a HUD that names the keys. With a {@link KeyScript} (tests) the keys come from the script,
 * through the same handler, and time advances {@value #SCRIPT_FRAME_SECONDS} s per frame.
 */
final class HumanPlayApp extends ApplicationAdapter {
    static final double SCRIPT_FRAME_SECONDS = 0.05;
    private static final float HUD_HEIGHT = 52, MARGIN = 8;
    private static final Color PANEL = Color.rgb(0x20242c), TEXT = Color.rgb(0xf0f0f0);
    private static final int SCRIPT_FRAME_LIMIT = 1_000_000;

    private final HumanSession session;
    private final List<KeyScript.Press> script;
    private GdxSceneRenderer renderer;
    private InputAdapter input;
    private int pressIndex, pressFrame, frames;

    HumanPlayApp(HumanSession session, List<KeyScript.Press> script) {
        this.session = session;
        this.script = script;
    }

    /** The name {@link dev.jgym.core.env.KeyControls} uses for a libgdx key code: {@code LEFT}, {@code A}, {@code 7}. */
    static String keyName(int keycode) {
        if (keycode >= Input.Keys.NUMPAD_0 && keycode <= Input.Keys.NUMPAD_9) return Integer.toString(keycode - Input.Keys.NUMPAD_0);
        String name = Input.Keys.toString(keycode);
        return name == null ? "" : name.toUpperCase(Locale.ROOT);
    }

    /** The libgdx key code of a key name ({@code LEFT} is libgdx's {@code "Left"}). */
    static int keyCode(String name) {
        int code = Input.Keys.valueOf(name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT));
        if (code < 0) throw new IllegalArgumentException("no libgdx key named " + name);
        return code;
    }

    @Override
    public void create() {
        renderer = new GdxSceneRenderer();
        renderer.resize(Gdx.graphics.getWidth(), Gdx.graphics.getHeight());
        input = new InputAdapter() {
            @Override
            public boolean keyDown(int key) {
                if (key == Input.Keys.ESCAPE) {
                    Gdx.app.exit();
                    return true;
                }
                session.keyDown(keyName(key));
                return true;
            }

            @Override
            public boolean keyUp(int key) {
                session.keyUp(keyName(key));
                return true;
            }
        };
        Gdx.input.setInputProcessor(input);
    }

    @Override
    public void resize(int width, int height) {
        if (renderer != null) renderer.resize(width, height);
    }

    @Override
    public void render() {
        if (script != null) playScript();
        else session.advance(Math.min(Gdx.graphics.getDeltaTime(), 0.25)); // a stalled frame does not fast-forward the game
        if (session.finished()) {
            Gdx.app.exit();
            return;
        }
        int w = Gdx.graphics.getWidth(), h = Gdx.graphics.getHeight();
        Gdx.gl.glClearColor(0.08f, 0.09f, 0.11f, 1);
        Gdx.gl.glClear(GL20.GL_COLOR_BUFFER_BIT);
        Scene scene = session.scene();
        Rectangle area = new Rectangle(MARGIN, MARGIN, w - 2 * MARGIN, h - HUD_HEIGHT - 2 * MARGIN);
        if (scene != null && area.width > 4 && area.height > 4) renderer.draw(scene, area);
        ShapeRenderer s = renderer.shapes();
        s.begin(ShapeRenderer.ShapeType.Filled);
        s.setColor(PANEL.red() / 255f, PANEL.green() / 255f, PANEL.blue() / 255f, 1);
        s.rect(0, h - HUD_HEIGHT, w, HUD_HEIGHT);
        s.end();
        renderer.batch().begin();
        List<String> hud = session.hud();
        for (int i = 0; i < hud.size(); i++) renderer.text(hud.get(i), MARGIN, h - 15 - 22 * i, i == 0 ? 19 : 16, TEXT, Shape.Anchor.LEFT);
        renderer.batch().end();
    }

    /** One frame of the script: press, hold, release; time moves on by a fixed step. */
    private void playScript() {
        if (++frames > SCRIPT_FRAME_LIMIT) {
            Gdx.app.exit();
            return;
        }
        if (pressIndex < script.size()) {
            KeyScript.Press p = script.get(pressIndex);
            if (pressFrame == 0) for (String k : p.keys()) input.keyDown(keyCode(k));
            if (pressFrame == p.frames()) for (String k : p.keys()) input.keyUp(keyCode(k));
            if (++pressFrame > p.frames() + 2) {
                pressIndex++;
                pressFrame = 0;
            }
        } else if (session.waitingForKeys()) {
            Gdx.app.exit(); // the script is over and the env waits for a key that will not come
            return;
        }
        session.advance(SCRIPT_FRAME_SECONDS);
    }

    @Override
    public void dispose() {
        if (renderer != null) renderer.dispose();
    }
}
