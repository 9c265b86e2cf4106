package dev.jgym.desktop;

/**
 * Entry point of the desktop viewer ({@code jgym view}). The libgdx replay viewer arrives with
 * the replay-viewer issue; until then this module only proves that libgdx resolves and builds.
 */
public final class DesktopMain {
    private DesktopMain() {}

    public static void main(String[] args) {
        System.err.println("jgym: the desktop viewer is not built yet (see the replay-viewer issue)");
        System.exit(2);
    }
}
