package dev.jgym.experiments.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jgym.experiments.Configs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit codes, one-line mistakes, reproducible outputs. */
class MainTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {}

    static Outcome jgym(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A small but real experiment: 3 agents, 40 runs (2.5 blocks of 16), 300 steps. */
    private Path smallConfig(String name) throws IOException {
        String json = Files.readString(Configs.path("bandits/testbed-figure-2.2.json"))
                .replace("\"runs\": 2000", "\"runs\": 40").replace("\"steps\": 1000", "\"steps\": 300")
                .replace("\"summary_window\": 100", "\"summary_window\": 50");
        Path file = dir.resolve(name);
        Files.writeString(file, json);
        return file;
    }

    @Test
    @DisplayName("same config twice, and --threads 1 vs --threads 2: byte-identical metrics.csv and summary.json")
    void reproducibleAcrossRunsAndThreadCounts() throws IOException {
        Path config = smallConfig("small.json");
        Outcome a = jgym("train", config.toString(), "--out", dir.resolve("a").toString(), "--threads", "1", "--quiet");
        Outcome b = jgym("train", config.toString(), "--out", dir.resolve("b").toString(), "--threads", "2", "--quiet");
        Outcome c = jgym("train", config.toString(), "--out", dir.resolve("c").toString(), "--threads", "2", "--quiet");
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertEquals(0, c.code(), c.err());
        for (String file : new String[] {"metrics.csv", "summary.json", "config.json"}) {
            byte[] one = Files.readAllBytes(dir.resolve("a").resolve(file));
            assertArrayEquals(one, Files.readAllBytes(dir.resolve("b").resolve(file)), file + ": 1 vs 2 threads");
            assertArrayEquals(one, Files.readAllBytes(dir.resolve("c").resolve(file)), file + ": run twice");
        }
        String csv = Files.readString(dir.resolve("a/metrics.csv"));
        assertTrue(csv.startsWith("agent,step,reward,optimal,regret\n"), csv.substring(0, 60));
        assertEquals(1 + 3 * 300, csv.lines().count(), "a header and one line per agent and step");
        for (String png : new String[] {"reward.png", "optimal.png", "regret.png"}) {
            byte[] bytes = Files.readAllBytes(dir.resolve("a").resolve(png));
            assertTrue(bytes.length > 1000 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', png + " is a PNG");
        }
    }

    @Test
    @DisplayName("different seeds give different metrics (the seed is used)")
    void seedMatters() throws IOException {
        Path config = smallConfig("s1.json");
        Path other = dir.resolve("s2.json");
        Files.writeString(other, Files.readString(config).replace("\"seed\": 2018", "\"seed\": 2019"));
        assertEquals(0, jgym("train", config.toString(), "--out", dir.resolve("s1").toString(), "--quiet").code());
        assertEquals(0, jgym("train", other.toString(), "--out", dir.resolve("s2").toString(), "--quiet").code());
        assertFalse(Files.readString(dir.resolve("s1/metrics.csv")).equals(Files.readString(dir.resolve("s2/metrics.csv"))));
    }

    private Outcome trainWith(String from, String to) throws IOException {
        Path config = smallConfig("bad.json");
        String json = Files.readString(config);
        assertTrue(json.contains(from), "the test's edit applies: " + from);
        Files.writeString(config, json.replace(from, to));
        return jgym("train", config.toString(), "--out", dir.resolve("bad").toString(), "--quiet");
    }

    private void assertOneLineMistake(Outcome o, String... parts) {
        assertEquals(2, o.code(), "exit code for a user mistake; stderr: " + o.err());
        assertEquals(1, o.err().lines().count(), "exactly one line: " + o.err());
        assertTrue(o.err().startsWith("jgym: "), o.err());
        assertFalse(o.err().contains("Exception") || o.err().contains("\tat "), "no stack trace: " + o.err());
        for (String p : parts) assertTrue(o.err().contains(p), "message has <" + p + ">: " + o.err());
    }

    @Test
    void wrongTypeNamesFileFieldAndValue() throws IOException {
        assertOneLineMistake(trainWith("\"runs\": 40", "\"runs\": \"40x\""), "bad.json: $.runs: expected an integer, found \"40x\"");
    }

    @Test
    void wrongTypeInsideAgentSettings() throws IOException {
        assertOneLineMistake(trainWith("\"epsilon\": 0.01", "\"epsilon\": \"0.01x\""), "bad.json: $.agents[1].settings.epsilon: expected a number");
    }

    @Test
    void unknownKeyIsRejected() throws IOException {
        assertOneLineMistake(trainWith("\"steps\": 300", "\"steps\": 300, \"stepz\": 1"), "bad.json: $: unknown key \"stepz\"");
    }

    @Test
    void unknownAgentSettingIsRejected() throws IOException {
        assertOneLineMistake(trainWith("\"epsilon\": 0.1}", "\"epsilon\": 0.1, \"epsilonn\": 2}"),
                "bad.json: $.agents[2].settings: unknown key \"epsilonn\"");
    }

    @Test
    void missingFieldIsNamed() throws IOException {
        assertOneLineMistake(trainWith("\"seed\": 2018,", ""), "bad.json: $.seed: missing (required)");
    }

    @Test
    void unknownEnvIdSuggestsTheClosest() throws IOException {
        assertOneLineMistake(trainWith("GaussianBandit-v0", "GausianBandit-v0"),
                "bad.json: $.env.id: unknown env id \"GausianBandit-v0\" (did you mean GaussianBandit-v0?");
    }

    @Test
    void unknownAgentType() throws IOException {
        assertOneLineMistake(trainWith("\"type\": \"epsilon-greedy\", \"settings\": {\"epsilon\": 0.0}",
                "\"type\": \"epsilon-greedie\", \"settings\": {\"epsilon\": 0.0}"), "unknown agent type \"epsilon-greedie\"");
    }

    @Test
    void missingFile() {
        assertOneLineMistake(jgym("train", dir.resolve("nope.json").toString()), "nope.json: no such file");
    }

    @Test
    void malformedJsonSaysWhere() throws IOException {
        Path file = dir.resolve("broken.json");
        Files.writeString(file, "{\n  \"name\": \"x\",\n  \"runs\": 3,,\n}");
        assertOneLineMistake(jgym("train", file.toString()), "broken.json: not valid JSON at line 3");
    }

    @Test
    void badCommandLine() {
        assertOneLineMistake(jgym("trian"), "unknown command \"trian\"");
        assertOneLineMistake(jgym("train", "x.json", "--threads", "zero"), "train: --threads: expected an integer, found \"zero\"");
        assertOneLineMistake(jgym("check", "CartPol-v1"), "unknown env id \"CartPol-v1\"");
    }

    @Test
    void envsListsEveryRegisteredEnvWithItsSpaces() {
        Outcome o = jgym("envs");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("GaussianBandit-v0") && o.out().contains("Discrete(10)"), o.out());
        assertTrue(o.out().contains("BernoulliBandit-v0") && o.out().contains("NonstationaryBandit-v0"), o.out());
    }

    @Test
    void checkPassesOnARegisteredEnv() {
        Outcome o = jgym("check", "GaussianBandit-v0");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("GaussianBandit-v0: ok"), o.out());
    }

    @Test
    @DisplayName("show draws the env's scene in the terminal after reset and after every random step")
    void showDrawsScenes() {
        Outcome o = jgym("show", "BernoulliBandit-v0", "--steps", "2", "--width", "40", "--seed", "3");
        assertEquals(0, o.code(), o.err());
        String plain = dev.jgym.core.scene.AnsiRenderer.strip(o.out());
        assertTrue(plain.contains("step 1: action ") && plain.contains("step 2: action "), plain);
        assertTrue(o.out().contains("\u001b[48;2;"), "24-bit colours");
        assertOneLineMistake(jgym("show", "BernoulliBandit-v0", "--steps", "-1"), "--steps: expected an integer in [1, 100000], found -1");
    }

    @Test
    @DisplayName("--help and -h on every command and subcommand: its usage on stdout, exit 0; `jgym help train` too")
    void helpOnEveryCommand() {
        List<List<String>> paths = new java.util.ArrayList<>();
        collect(Main.commandLine(), new java.util.ArrayList<>(), paths);
        assertTrue(paths.size() >= 16, "commands found: " + paths);
        for (List<String> path : paths) {
            for (String flag : new String[] {"--help", "-h"}) {
                List<String> args = new java.util.ArrayList<>(path);
                args.add(flag);
                Outcome o = jgym(args.toArray(String[]::new));
                assertEquals(0, o.code(), args + ": " + o.err());
                assertTrue(o.out().startsWith("Usage: jgym" + (path.isEmpty() ? "" : " " + String.join(" ", path))), args + ": " + o.out());
                assertTrue(o.err().isEmpty(), args + ": " + o.err());
            }
        }
        Outcome help = jgym("help", "train");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("--resume") && help.out().contains("--force"), help.out());
        for (String launcherOnly : new String[] {"sweep", "view", "test", "bench", "setup"}) {
            assertTrue(jgym("--help").out().contains(launcherOnly), "jgym --help lists " + launcherOnly);
        }
    }

    private static void collect(picocli.CommandLine cl, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        for (var e : cl.getSubcommands().entrySet()) {
            if (e.getKey().equals("help")) continue;
            path.add(e.getKey());
            collect(e.getValue(), path, into);
            path.remove(path.size() - 1);
        }
    }

    @Test
    @DisplayName("a mistyped option gets a suggestion; misuse is one line and exit 2")
    void suggestions() {
        assertOneLineMistake(jgym("train", "x.json", "--outt", "d"), "train: unknown option --outt; did you mean --out?");
        assertOneLineMistake(jgym("replay", "verfy", "x.jgr"), "unknown command \"verfy\"; did you mean verify?");
        assertOneLineMistake(jgym("show", "CartPole-v1", "--width", "100000"), "--width: expected an integer in [10, 1000], found 100000");
    }

    @Test
    @DisplayName("jgym solve scores every column (a win with the fourth stone is 22 - 4 = 18); jgym arena ranks players; bad input is one line")
    void solveAndArena() {
        Outcome o = jgym("solve", "connect4", "445566");
        assertEquals(0, o.code(), o.err());
        String[] scores = o.out().lines().toList().get(1).trim().split("\\s+");
        assertEquals("18", scores[3], o.out());
        assertEquals("18", scores[7], o.out());
        assertOneLineMistake(jgym("solve", "connect4", "448"), "solve: move 3 ('8'): expected a column 1-7");
        assertOneLineMistake(jgym("solve", "chess"), "expected the game connect4");
        Outcome r = jgym("solve", "connect4", "--rate", "solver", "--rate", "random", "--positions", "40", "--plies", "20-24");
        assertEquals(0, r.code(), r.err());
        List<String> rows = r.out().lines().toList();
        assertTrue(rows.get(0).startsWith("40 random open positions of 20-24 plies (seed 1)"), r.out());
        assertTrue(rows.get(1).startsWith("solver: perfect in 40 of 40 (100.0%)"), r.out());
        assertTrue(rows.get(2).startsWith("random: perfect in ") && !rows.get(2).contains("(100.0%)"), r.out());
        assertOneLineMistake(jgym("solve", "connect4", "44", "--rate", "random"), "give no moves with it");
        assertOneLineMistake(jgym("solve", "connect4", "--rate", "random", "--plies", "30-20"), "--plies: expected MIN-MAX");
        assertOneLineMistake(jgym("solve", "connect4", "--rate", "minimax:x"), "--rate", "minimax:x");
        Outcome a = jgym("arena", "tictactoe", "random", "minimax:9", "--games", "6");
        assertEquals(0, a.code(), a.err());
        assertTrue(a.out().lines().toList().get(1).contains("minimax:9"), "perfect play ranks first: " + a.out());
        assertOneLineMistake(jgym("arena", "tictactoe", "random", "alphabeta"), "unknown player \"alphabeta\"");
    }
}
