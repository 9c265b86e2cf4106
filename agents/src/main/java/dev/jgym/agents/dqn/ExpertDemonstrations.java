package dev.jgym.agents.dqn;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgym.core.config.Json;
import dev.jgym.core.config.UserError;
import dev.jgym.core.env.Env;
import dev.jgym.replays.Divergence;
import dev.jgym.replays.Replay;
import dev.jgym.replays.ReplayEpisode;
import dev.jgym.replays.ReplayFiles;
import dev.jgym.replays.ReplayReader;
import dev.jgym.replays.Resimulation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An expert's state-action pairs (s_t, a_t), read from {@code .jgr} replays. A replay stores seeds
 * and actions, not observations, so each episode is re-simulated through the registry
 * ({@link Resimulation}) and s_t is the observation the env gave before the t-th recorded action;
 * every step's checksum, reward and flags are held against the recording on the way, so a pair
 * comes only from a replay that re-simulates bit for bit.
 *
 * <p>Refused with one line each: a path that does not exist, a folder without replays, a file that
 * is not a replay or is damaged (truncated, corrupt), a replay of another env or other env options,
 * a replay that diverges, and fewer episodes than asked for.
 *
 * @param observations the pairs' states, row after row ({@code pairs * obsDim} values)
 * @param actions the pairs' actions
 * @param episodes episodes used
 * @param meanReturn the mean env return of those episodes (as recorded)
 * @param files the replay files they came from
 */
public record ExpertDemonstrations(float[] observations, int[] actions, int episodes, double meanReturn, List<Path> files) {

    public int pairs() {
        return actions.length;
    }

    /**
     * Reads the first {@code episodes} episodes of the given replays (files or folders).
     *
     * @param source the config file, for messages
     * @param envId the env the learner trains in; every replay must be of it, with the same options
     */
    public static ExpertDemonstrations load(List<String> paths, int episodes, String envId, Map<String, Object> options, int obsDim,
                                            String source) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            Path p = Path.of(paths.get(i));
            String field = source + ": $.imitation.expert[" + i + "]";
            if (Files.isDirectory(p)) {
                List<Path> found = ReplayFiles.find(p);
                if (found.isEmpty()) throw new UserError(field + ": the folder " + p + " holds no .jgr replays (record some with `jgym replay record <run-dir>`)");
                files.addAll(found);
            } else if (Files.isRegularFile(p)) {
                files.add(p);
            } else {
                throw new UserError(field + ": no such file or folder: " + p + " (record expert replays with `jgym replay record <run-dir>`)");
            }
        }
        JsonNode wantOptions = Json.MAPPER.valueToTree(new TreeMap<>(options));
        float[] obs = new float[1024 * obsDim];
        int[] acts = new int[1024];
        int n = 0, used = 0;
        double returns = 0;
        List<Path> usedFiles = new ArrayList<>();
        for (Path file : files) {
            if (used == episodes) break;
            Replay replay = ReplayReader.read(file);
            String name = "replay " + file;
            if (!replay.complete()) throw new UserError(name + ": " + replay.problem() + "; an expert replay must be complete");
            if (!replay.header().envId().equals(envId)) {
                throw new UserError(name + ": recorded on " + replay.header().envId() + ", but " + source + " trains " + envId + " ($.env.id)");
            }
            JsonNode haveOptions = Json.MAPPER.valueToTree(new TreeMap<>(replay.header().options()));
            if (!haveOptions.equals(wantOptions)) {
                throw new UserError(name + ": recorded with env options " + haveOptions + ", but " + source + " has " + wantOptions + " ($.env.options)");
            }
            usedFiles.add(file);
            try (Env<Object, Object> env = Resimulation.makeEnv(replay)) {
                for (ReplayEpisode episode : replay.episodes()) {
                    if (used == episodes) break;
                    try (Resimulation sim = new Resimulation(episode, env)) {
                        check(name, sim.start());
                        while (sim.hasNext()) {
                            if (n == acts.length) {
                                acts = Arrays.copyOf(acts, 2 * n);
                                obs = Arrays.copyOf(obs, 2 * n * obsDim);
                            }
                            float[] o = observation(name, sim.observation(), obsDim);
                            int step = sim.position();
                            Object a = episode.action(step);
                            if (!(a instanceof Integer action)) throw new UserError(name + ": step " + (step + 1) + ": expected a Discrete action, found " + a);
                            System.arraycopy(o, 0, obs, n * obsDim, obsDim); // before the step: an env may reuse its array
                            check(name, sim.step());
                            acts[n++] = action;
                        }
                    }
                    returns += episode.returnUpTo(episode.length());
                    used++;
                }
            }
        }
        if (used < episodes) {
            throw new UserError(source + ": $.imitation.episodes: expected at most " + used + " (the expert replays hold " + used
                    + " episode(s)), found " + episodes);
        }
        return new ExpertDemonstrations(Arrays.copyOf(obs, n * obsDim), Arrays.copyOf(acts, n), used, returns / used, List.copyOf(usedFiles));
    }

    private static void check(String name, Divergence d) {
        if (d != null) throw new UserError(name + ": does not re-simulate: diverges at " + d.message() + " (`jgym replay verify` shows it)");
    }

    private static float[] observation(String name, Object o, int obsDim) {
        if (!(o instanceof float[] f) || f.length != obsDim) {
            throw new UserError(name + ": expected observations of " + obsDim + " floats, found " + (o == null ? "null" : o.getClass().getSimpleName()));
        }
        return f;
    }
}
