package dev.jgym.agents.planning;

import dev.jgym.core.env.TabularModel;

/**
 * Policy iteration (Sutton &amp; Barto, 2nd ed., section 4.3): evaluate the current policy
 * ({@link PolicyEvaluation}), make it greedy with respect to its values, and repeat until the
 * policy is stable. Starts from action 0 everywhere unless given a start policy. The improvement keeps the old action unless
 * another is better by more than {@link Solution#TIE}, so it cannot cycle between equally good
 * policies.
 *
 * <p>With γ = 1 the starting policy must end episodes (a policy that never reaches a terminal
 * state has no finite value under γ = 1); use γ &lt; 1 for the grid tasks whose action 0 walks
 * into a wall forever.
 */
public final class PolicyIteration {
    private PolicyIteration() {}

    public static Solution solve(TabularModel model, double gamma) {
        return solve(new FlatModel(model), gamma, 1e-12, 1000);
    }

    public static Solution solve(FlatModel m, double gamma, double theta, int maxImprovements) {
        return solve(m, gamma, theta, maxImprovements, new int[m.nS], (policy, v) -> { });
    }

    /**
     * Policy iteration from the policy {@code start}, telling {@code onPolicy} each policy
     * π0 = start, π1, ... with its value v_πk as it is evaluated (Figure 4.2's sequence); the
     * last one told is the stable, optimal policy.
     */
    public static Solution solve(FlatModel m, double gamma, double theta, int maxImprovements, int[] start,
                                 java.util.function.BiConsumer<int[], double[]> onPolicy) {
        if (start.length != m.nS) throw new IllegalArgumentException("a start policy needs " + m.nS + " actions, found " + start.length);
        int[] policy = start.clone();
        for (int step = 1; ; step++) {
            double[] v = PolicyEvaluation.evaluate(m, PolicyEvaluation.deterministic(m, policy), gamma, theta, 10_000_000);
            onPolicy.accept(policy.clone(), v.clone());
            boolean stable = true;
            for (int s = 0; s < m.nS; s++) {
                int best = policy[s];
                double bestQ = m.backup(s, best, v, gamma);
                for (int a = 0; a < m.nA; a++) {
                    double q = m.backup(s, a, v, gamma);
                    if (q > bestQ + Solution.TIE) {
                        best = a;
                        bestQ = q;
                    }
                }
                if (best != policy[s]) {
                    policy[s] = best;
                    stable = false;
                }
            }
            if (stable) return new Solution(v, Solution.actionValues(m, v, gamma), policy, step, m.nA);
            if (step >= maxImprovements) throw new IllegalStateException("policy iteration did not stabilise in " + step + " steps");
        }
    }
}
