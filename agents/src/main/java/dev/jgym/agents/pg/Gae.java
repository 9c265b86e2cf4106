package dev.jgym.agents.pg;

/**
 * Generalized advantage estimation (Schulman et al., 2016, eq. 16) over a rollout of T steps of N
 * envs, stored step-major (index t * N + i):
 * <pre>
 *   delta_t = r_t + gamma V(s_{t+1}) - V(s_t)              (0 instead of gamma V(s_{t+1}) when s_{t+1} is terminal)
 *   A_t     = delta_t + gamma lambda A_{t+1}                  (A_{t+1} = 0 when the episode ended at t)
 *   R_t     = A_t + V(s_t)                                    (the value target: the lambda-return)
 * </pre>
 * On a time-limit truncation at t the episode ends (no A_{t+1}) but s_{t+1} is not terminal: the
 * advantage bootstraps from the value of the final observation, {@code finalValues[t * N + i]},
 * not from zero. After the last step, V(s_T) is {@code lastValues[i]} (the observations the next
 * rollout starts from).
 */
final class Gae {
    private Gae() {}

    static void compute(int steps, int envs, float[] rewards, float[] values, boolean[] terminated, boolean[] truncated,
                        float[] finalValues, float[] lastValues, double gamma, double lambda, float[] advantages, float[] returns) {
        for (int i = 0; i < envs; i++) {
            double next = 0; // A_{t+1}
            for (int t = steps - 1; t >= 0; t--) {
                int k = t * envs + i;
                double bootstrap;
                boolean ended = terminated[k] || truncated[k];
                if (terminated[k]) bootstrap = 0;
                else if (truncated[k]) bootstrap = finalValues[k];
                else bootstrap = t == steps - 1 ? lastValues[i] : values[k + envs];
                double delta = rewards[k] + gamma * bootstrap - values[k];
                double a = delta + (ended ? 0 : gamma * lambda * next);
                advantages[k] = (float) a;
                returns[k] = (float) (a + values[k]);
                next = a;
            }
        }
    }
}
