package dev.jgym.envs.games.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.jgym.core.env.Env;
import dev.jgym.core.env.EnvRegistry;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.rng.Rng;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Golden trajectories of TicTacToe-v0 and ConnectFour-v0: 200 episodes of an agent that picks any
 * action (legal or not, from its own stream) in each form; every observation, reward, flag and info
 * entry is folded into one 64-bit digest. The digests were computed with the env as it was before
 * it was rebuilt over the two-player {@code BoardGame} (commit 62f1ecf), so they pin its
 * transition behaviour, the opponents' use of the env stream included.
 */
class BoardGameEnvGoldenTest {
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = ';', value = {
        "TicTacToe-v0;   {};                                                        243a69b7188cb52b",
        "TicTacToe-v0;   {\"agent_plays\":\"random\"};                              729e66acd3f6f41c",
        "TicTacToe-v0;   {\"opponent\":\"minimax\",\"agent_plays\":\"second\"};     4b9605670aaf92f7",
        "TicTacToe-v0;   {\"opponent\":\"none\"};                                   d6451116f58dfee8",
        "TicTacToe-v0;   {\"opponent\":\"minimax\",\"depth\":2,\"agent_plays\":\"random\"}; d8e3228da4b032c9",
        "ConnectFour-v0; {};                                                        419b4b0ce9a7e1b3",
        "ConnectFour-v0; {\"agent_plays\":\"random\"};                              80dc2cbd3e650074",
        "ConnectFour-v0; {\"opponent\":\"minimax\",\"depth\":2,\"agent_plays\":\"random\"}; 8af7a48f0bf2403b",
        "ConnectFour-v0; {\"opponent\":\"minimax\",\"agent_plays\":\"second\"};   d4e35f1a7f9cfb8f",
        "ConnectFour-v0; {\"opponent\":\"none\"};                                   ae50ca77ff781d3b",
    })
    void sameTrajectoriesAsBefore(String id, String optionsJson, String expected) throws Exception {
        @SuppressWarnings("unchecked")
        Map<String, Object> options = new com.fasterxml.jackson.databind.ObjectMapper().readValue(optionsJson, Map.class);
        Env<int[], Integer> env = EnvRegistry.make(id, options);
        int n = ((dev.jgym.core.space.Discrete) env.actionSpace()).n();
        Rng agent = new Rng(99);
        long h = 17;
        Reset<int[]> r = env.reset(7L, Map.of());
        h = fold(h, Arrays.hashCode(r.observation()), r.info());
        for (int episode = 0; episode < 200; episode++) {
            Step<int[]> s;
            do {
                // mostly legal moves, sometimes any action (illegal ones lose the game)
                byte[] mask = ((BoardGameEnv) env.unwrapped()).actionMask();
                int a = agent.nextInt(10) == 0 ? agent.nextInt(n) : ((dev.jgym.core.space.Discrete) env.actionSpace()).sample(agent, mask);
                s = env.step(a);
                h = fold(h, Arrays.hashCode(s.observation()) * 31 + Double.hashCode(s.reward()) + (s.terminated() ? 7 : 0) + (s.truncated() ? 11 : 0), s.info());
            } while (!s.done());
            r = env.reset();
            h = fold(h, Arrays.hashCode(r.observation()), r.info());
        }
        String digest = Long.toHexString(h);
        System.out.println(id + " " + optionsJson + " golden digest " + digest);
        assertEquals(expected, digest, id + " " + optionsJson);
    }

    private static long fold(long h, int value, Map<String, ?> info) {
        h = Rng.mix64(h ^ value);
        for (Map.Entry<String, ?> e : new TreeMap<>(info).entrySet()) {
            Object v = e.getValue();
            int vh = v instanceof byte[] b ? Arrays.hashCode(b) : v instanceof double[] d ? Arrays.hashCode(d) : v.hashCode();
            h = Rng.mix64(h ^ (e.getKey().hashCode() * 31L + vh));
        }
        return h;
    }
}
