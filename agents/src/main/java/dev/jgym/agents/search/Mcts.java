package dev.jgym.agents.search;

import dev.jgym.core.multi.Player;
import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.core.rng.Rng;
import java.util.Arrays;

/**
 * Monte Carlo tree search with UCT (Kocsis and Szepesvári, 2006; the four steps as in Browne et
 * al., "A Survey of Monte Carlo Tree Search Methods", 2012, algorithm 2) for any zero-sum
 * {@link TwoPlayerEnv} whose returns lie in [-1, 1]. Each playout, on a copy of the game:
 * <ol>
 *   <li>select: from the root, while every legal move of a node has a child, go to the child
 *       maximising UCB1 for the player to move there:
 *       <pre>  Q(child) / N(child) + c sqrt(ln N(node) / N(child))</pre>
 *   <li>expand: add one untried legal move (chosen uniformly) as a child;
 *   <li>simulate: play uniformly random legal moves to the end;
 *   <li>back up: every node on the path adds 1 to N and, to Q, the outcome for the player who
 *       made the move into it: its return from that move on, mapped from [-1, 1] to [0, 1]
 *       (win 1, draw 1/2, loss 0 in a game scored +1/-1).
 * </ol>
 *
 * <p>With {@code solver} on, it is MCTS-Solver (Winands, Björnsson and Saito, 2008), extended to
 * exact values (draws too): a move that ends the game has a proven value; a node is proven once
 * one of its moves is proven to give the mover the best outcome (+1), or every legal move has a
 * proven value (then it is the best of them). Proven children count at their exact value in UCB1,
 * a playout that reaches a proven node backs up its value without a rollout, and the search stops
 * early when the root is proven. Without it, random rollouts alone can be fooled by a single
 * refutation deep in the tree (see {@code MctsTest}).
 *
 * <p>The move played: a move proven to win if there is one; else the most visited move not
 * proven to lose (ties: the higher mean, then the lower action). A fresh tree is grown each move.
 *
 * <p>Deterministic: every random choice comes from the player's own {@link Rng}, so the same
 * stream and positions give the same moves.
 */
public final class Mcts implements Player {
    /**
     * @param playouts    playouts per move (at least 1)
     * @param exploration c in UCB1; sqrt(2) is the classic choice for outcomes in [0, 1]
     * @param solver      back up proven values (MCTS-Solver)
     */
    public record Settings(int playouts, double exploration, boolean solver) {
        public Settings {
            if (playouts < 1) throw new IllegalArgumentException("playouts must be >= 1, found " + playouts);
            if (!(exploration >= 0)) throw new IllegalArgumentException("exploration must be >= 0, found " + exploration);
        }

        /** {@code playouts} with c = sqrt(2) and the solver on. */
        public static Settings of(int playouts) {
            return new Settings(playouts, Math.sqrt(2), true);
        }

        /** Plain UCT: {@code playouts} with c = sqrt(2), no proven values. */
        public static Settings plain(int playouts) {
            return new Settings(playouts, Math.sqrt(2), false);
        }
    }

    private final Settings settings;
    private final Rng rng;

    // the tree, in flat arrays: node i's children are child[i * actions + a] (-1: not yet added)
    private int actions;
    private int[] child = new int[0];
    private int[] mover = new int[0];
    /** The reward the mover got on the move into the node. */
    private double[] stepReward = new double[0];
    private int[] visits = new int[0];
    private double[] value = new double[0];
    /** The node's exact value for its mover in [-1, 1] (NaN: not proven). */
    private double[] proven = new double[0];
    private int size;

    private long simulations;
    private int[] rootVisits = new int[0];
    private double[] rootValues = new double[0];

    public Mcts(Settings settings, Rng rng) {
        this.settings = settings;
        this.rng = rng;
    }

    @Override
    public String name() {
        return (settings.solver() ? "mcts-" : "uct-") + settings.playouts();
    }

    /** Playouts run since this player was made (for simulations/s). */
    public long simulations() {
        return simulations;
    }

    /** Visits of each root action at the last move (0 for illegal ones); a copy. */
    public int[] rootVisits() {
        return rootVisits.clone();
    }

    /** Mean outcome in [0, 1] of each root action at the last move for the player to move (exact if proven, NaN if unvisited); a copy. */
    public double[] rootValues() {
        return rootValues.clone();
    }

    @Override
    public int act(TwoPlayerEnv<?> game) {
        if (game.terminated()) throw new IllegalStateException(game.name() + ": no move to choose, the game is over");
        grow(game.actionSpace().n(), settings.playouts() + 1);
        size = 0;
        newNode(1 - game.currentPlayer(), 0);
        int[] path = new int[64];
        double[] before = new double[2 * 64];
        int[] legal = new int[actions];
        for (int p = 0; p < settings.playouts() && Double.isNaN(proven[0]); p++) {
            TwoPlayerEnv<?> state = game.copy();
            double g0 = 0, g1 = 0;
            int node = 0, depth = 0;
            // select, then expand one move
            while (!state.terminated() && Double.isNaN(proven[node])) {
                int untried = 0, n = 0;
                for (int a = 0; a < actions; a++) {
                    if (!state.legal(a)) continue;
                    legal[n++] = a;
                    if (child[node * actions + a] < 0) untried++;
                }
                int action;
                if (untried > 0) {
                    int pick = rng.nextInt(untried);
                    action = -1;
                    for (int i = 0; i < n; i++) {
                        if (child[node * actions + legal[i]] < 0 && pick-- == 0) {
                            action = legal[i];
                            break;
                        }
                    }
                } else {
                    action = bestUcb(node, legal, n);
                }
                if (depth + 2 >= path.length) {
                    path = Arrays.copyOf(path, path.length * 2);
                    before = Arrays.copyOf(before, before.length * 2);
                }
                path[depth] = node;
                before[2 * depth] = g0;
                before[2 * depth + 1] = g1;
                depth++;
                int who = state.currentPlayer();
                state.step(action);
                g0 += state.reward(0);
                g1 += state.reward(1);
                int next = child[node * actions + action];
                if (next < 0) {
                    next = newNode(who, state.reward(who));
                    child[node * actions + action] = next;
                    if (settings.solver() && state.terminated()) proven[next] = stepReward[next];
                    node = next;
                    break;
                }
                node = next;
            }
            path[depth] = node;
            before[2 * depth] = g0;
            before[2 * depth + 1] = g1;
            if (!Double.isNaN(proven[node])) {
                // its exact value for its mover stands in for a rollout (zero-sum: the other gets minus it)
                double[] b = {before[2 * (depth - 1)], before[2 * (depth - 1) + 1]};
                int m = mover[node];
                g0 = m == 0 ? b[0] + proven[node] : b[0] - proven[node];
                g1 = m == 1 ? b[1] + proven[node] : b[1] - proven[node];
            } else {
                // simulate
                while (!state.terminated()) {
                    int n = 0;
                    for (int a = 0; a < actions; a++) {
                        if (state.legal(a)) legal[n++] = a;
                    }
                    state.step(legal[rng.nextInt(n)]);
                    g0 += state.reward(0);
                    g1 += state.reward(1);
                }
            }
            // back up: node path[i] was entered by its mover's move made at path depth i - 1
            visits[0]++;
            for (int i = 1; i <= depth; i++) {
                int v = path[i];
                double ret = mover[v] == 0 ? g0 - before[2 * (i - 1)] : g1 - before[2 * (i - 1) + 1];
                visits[v]++;
                value[v] += (ret + 1) / 2;
            }
            if (settings.solver()) {
                for (int i = depth - 1; i >= 0 && prove(path[i], game, path, i); i--) {
                    // a proof may make the parent provable too
                }
            }
            simulations++;
        }
        return chooseAtRoot(game);
    }

    /**
     * Tries to prove {@code node} from its children: the player to move there picks its best
     * proven move when one gives it +1 or when all legal moves are proven. Legal moves are those
     * of the position at the node, found by replaying the path from the root.
     */
    private boolean prove(int node, TwoPlayerEnv<?> root, int[] path, int depth) {
        if (!Double.isNaN(proven[node])) return false;
        double best = Double.NEGATIVE_INFINITY;
        boolean all = true;
        int chooser = -1;
        for (int a = 0; a < actions; a++) {
            int c = child[node * actions + a];
            if (c < 0) continue;
            chooser = mover[c];
            if (Double.isNaN(proven[c])) {
                all = false;
                continue;
            }
            best = Math.max(best, proven[c]);
        }
        if (chooser < 0) return false;
        if (!(best >= 1) && (!all || expanded(node) < legalMoves(root, path, depth))) return false;
        double future = chooser == mover[node] ? best : -best;
        proven[node] = node == 0 ? future : stepReward[node] + future;
        return true;
    }

    private int expanded(int node) {
        int n = 0;
        for (int a = 0; a < actions; a++) if (child[node * actions + a] >= 0) n++;
        return n;
    }

    /** The number of legal moves at path[depth]: replays the path's moves from the root. */
    private int legalMoves(TwoPlayerEnv<?> root, int[] path, int depth) {
        TwoPlayerEnv<?> s = root.copy();
        for (int i = 0; i < depth; i++) {
            for (int a = 0; a < actions; a++) {
                if (child[path[i] * actions + a] == path[i + 1]) {
                    s.step(a);
                    break;
                }
            }
        }
        int n = 0;
        for (int a = 0; a < actions; a++) if (s.legal(a)) n++;
        return n;
    }

    private double mean(int c) {
        return Double.isNaN(proven[c]) ? value[c] / visits[c] : (proven[c] + 1) / 2;
    }

    private int bestUcb(int node, int[] legal, int n) {
        double logN = Math.log(visits[node]);
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            int c = child[node * actions + legal[i]];
            double score = mean(c) + settings.exploration() * Math.sqrt(logN / visits[c]);
            if (score > bestScore) {
                bestScore = score;
                best = legal[i];
            }
        }
        return best;
    }

    private int chooseAtRoot(TwoPlayerEnv<?> game) {
        rootVisits = new int[actions];
        rootValues = new double[actions];
        int best = -1, won = -1;
        for (int a = 0; a < actions; a++) {
            int c = child[a];
            rootVisits[a] = c < 0 ? 0 : visits[c];
            rootValues[a] = c < 0 || visits[c] == 0 ? Double.NaN : mean(c);
            if (c < 0 || !game.legal(a)) continue;
            if (proven[c] >= 1 && won < 0) won = a;
            if (best >= 0 && proven[child[best]] <= -1 && !(proven[c] <= -1)) {
                best = a; // a move not proven lost beats one that is
                continue;
            }
            if (best >= 0 && proven[c] <= -1 && !(proven[child[best]] <= -1)) continue;
            if (best < 0 || rootVisits[a] > rootVisits[best] || (rootVisits[a] == rootVisits[best] && rootValues[a] > rootValues[best])) best = a;
        }
        if (won >= 0) return won;
        if (best < 0) {
            for (int a = 0; a < actions && best < 0; a++) if (game.legal(a)) best = a;
        }
        return best;
    }

    private int newNode(int moverOfNode, double reward) {
        int i = size++;
        Arrays.fill(child, i * actions, (i + 1) * actions, -1);
        mover[i] = moverOfNode;
        stepReward[i] = reward;
        visits[i] = 0;
        value[i] = 0;
        proven[i] = Double.NaN;
        return i;
    }

    private void grow(int actionCount, int nodes) {
        actions = actionCount;
        if (mover.length >= nodes && child.length >= nodes * actions) return;
        child = new int[nodes * actions];
        mover = new int[nodes];
        stepReward = new double[nodes];
        visits = new int[nodes];
        value = new double[nodes];
        proven = new double[nodes];
    }
}
