package dev.jgym.agents.alphazero;

import dev.jgym.core.multi.TwoPlayerEnv;
import dev.jgym.core.rng.Rng;
import java.util.Arrays;

/**
 * AlphaZero's tree search (Silver et al., 2018, and their published pseudocode), run one
 * simulation at a time so that a caller can gather the leaves of many games into one network
 * batch: {@link #next} descends to a leaf and hands its position out, {@link #expand} takes the
 * network's answer for it.
 *
 * <p>One simulation, on a copy of the game:
 * <ol>
 *   <li>select: from the root, while the node is expanded, take the action maximising PUCT for the
 *       player to move there:
 *       <pre>  Q(s,a) + c_puct P(s,a) sqrt(sum_b N(s,b)) / (1 + N(s,a))</pre>
 *       with Q the mean backed-up value (0 while unvisited) and the sum taken as at least 1, so
 *       the priors order the first visits;
 *   <li>evaluate: a finished game has its exact value (-1 for the player to move after a winning
 *       move, 0 for a draw); otherwise the network gives the leaf's priors p (over legal moves)
 *       and value v, and the leaf is expanded with P = p;
 *   <li>back up: every edge on the path adds 1 to N and the value, seen from the player who chose
 *       it, to W (Q = W / N).
 * </ol>
 * The root is evaluated first (not counted among the simulations) and, in self-play, its priors
 * are mixed with Dirichlet noise: P = (1 - eps) p + eps eta, eta ~ Dir(alpha) over the legal moves,
 * drawn from the game's own stream.
 *
 * <p>The search policy is the root's visit distribution pi(a) = N(root,a) / sum_b N(root,b).
 *
 * <p>With {@code solver} on, the search also proves wins and losses, as MCTS-Solver does
 * (Winands, Bj&ouml;rnsson and Saito, 2008): a node is won for its player to move when one of its
 * moves reaches a node lost for the opponent (a finished game counts as lost for the player to
 * move after a winning move), and lost when every legal move reaches a node won for the opponent.
 * Proofs are checked along the path after each simulation. A simulation that reaches a proven node
 * below the root backs up its exact value (+1 won, -1 lost) without asking the network; selection
 * takes a winning move at once and passes over losing ones while another is left; and
 * {@link #bestMove} and {@link #sampleMove} play a proven win, and never a proven loss while a move
 * not known to lose is left. Without it (the default) the search is the plain one above.
 */
public final class Puct {
    /**
     * @param simulations simulations per move after the root's evaluation
     * @param cPuct the exploration constant
     * @param dirichletAlpha the root noise's concentration (0.3 in chess, 0.03 in Go; about 10 / legal moves)
     * @param dirichletEpsilon the noise's share of the root priors; 0 for none (evaluation, arena)
     */
    public record Settings(int simulations, double cPuct, double dirichletAlpha, double dirichletEpsilon, boolean solver) {
        public Settings {
            if (simulations < 1) throw new IllegalArgumentException("simulations must be >= 1, found " + simulations);
        }

        /** The plain search (no proofs). */
        public Settings(int simulations, double cPuct, double dirichletAlpha, double dirichletEpsilon) {
            this(simulations, cPuct, dirichletAlpha, dirichletEpsilon, false);
        }

        /** The same search without root noise (evaluation and arena play). */
        public Settings noiseless() {
            return new Settings(simulations, cPuct, dirichletAlpha, 0, solver);
        }
    }

    /** A node's proof, for its player to move. */
    private static final byte UNKNOWN = 0, WON = 1, LOST = -1;

    private final Settings settings;
    private final int actions;
    // edges: node i's action a at i * actions + a
    private int[] child = new int[0];
    private float[] prior = new float[0];
    private int[] edgeVisits = new int[0];
    private double[] edgeValue = new double[0];
    private boolean[] expanded = new boolean[0];
    private int[] toMove = new int[0];
    private byte[] proven = new byte[0];
    private long[] legal = new long[0]; // with the solver: each node's legal moves as bits
    private int size;

    private TwoPlayerEnv<?> root;
    private Rng noise;
    private int done;
    // the path of the simulation in flight: nodes and the actions taken from them
    private int[] pathNodes = new int[64];
    private int[] pathActions = new int[64];
    private int depth;
    private int pending = -1;
    private int pendingPlayer;

    public Puct(Settings settings, int actions) {
        if (settings.solver() && actions > Long.SIZE) throw new IllegalArgumentException("the solver handles up to 64 actions, found " + actions);
        this.settings = settings;
        this.actions = actions;
    }

    public Settings settings() {
        return settings;
    }

    /** A fresh tree for the player to move in {@code game} (kept by reference: leave it alone until the move is chosen); root noise from {@code noise}. */
    public void start(TwoPlayerEnv<?> game, Rng noise) {
        if (game.terminated()) throw new IllegalStateException(game.name() + ": no move to search, the game is over");
        this.root = game;
        this.noise = noise;
        this.done = 0;
        this.size = 0;
        this.pending = -1;
        grow(settings.simulations() + 2);
        newNode(game.currentPlayer());
        if (settings.solver()) legal[0] = legalBits(game);
    }

    /** True once the root is evaluated and every simulation backed up. */
    public boolean finished() {
        return expanded[0] && done >= settings.simulations();
    }

    /**
     * Runs simulations until one reaches a leaf the network must evaluate: writes its observation
     * (as the player to move sees it) to {@code obs} at {@code at} and its legal moves to
     * {@code mask} at {@code maskAt}, and returns true; returns false when the search is finished.
     */
    public boolean next(float[] obs, int at, byte[] mask, int maskAt) {
        if (pending >= 0) throw new IllegalStateException("a leaf is waiting for its evaluation");
        while (!finished()) {
            TwoPlayerEnv<?> s = root.copy();
            int node = 0;
            depth = 0;
            while (expanded[node] && !s.terminated() && (node == 0 || proven[node] == UNKNOWN)) {
                int a = select(node, s);
                if (depth == pathNodes.length) {
                    pathNodes = Arrays.copyOf(pathNodes, depth * 2);
                    pathActions = Arrays.copyOf(pathActions, depth * 2);
                }
                pathNodes[depth] = node;
                pathActions[depth] = a;
                depth++;
                s.step(a);
                int c = child[node * actions + a];
                if (c < 0) {
                    c = s.terminated() ? newNode(-1) : newNode(s.currentPlayer());
                    child[node * actions + a] = c;
                    if (settings.solver()) {
                        if (s.terminated()) proven[c] = s.winner() >= 0 ? LOST : UNKNOWN; // after a winning move, lost for the one to move
                        else legal[c] = legalBits(s);
                    }
                }
                node = c;
            }
            if (!s.terminated() && node != 0 && proven[node] != UNKNOWN) {
                backup(proven[node] == WON ? 1 : -1, toMove[node]); // a proven node's exact value
                continue;
            }
            if (s.terminated()) {
                // the exact value for the player to move there: the last mover won, or a draw
                int w = s.winner();
                int next = 1 - toMove[pathNodes[depth - 1]];
                backup(w < 0 ? 0 : w == next ? 1 : -1, next);
                continue;
            }
            int player = s.currentPlayer();
            int[] o = (int[]) s.observe(player);
            for (int i = 0; i < o.length; i++) obs[at + i] = o[i];
            for (int a = 0; a < actions; a++) mask[maskAt + a] = (byte) (s.legal(a) ? 1 : 0);
            pending = node;
            pendingPlayer = player;
            return true;
        }
        return false;
    }

    /** The network's answer for the leaf {@link #next} handed out: priors at {@code at} (0 on illegal moves) and the value for its player to move. */
    public void expand(float[] priors, int at, float value) {
        if (pending < 0) throw new IllegalStateException("no leaf is waiting");
        int node = pending;
        pending = -1;
        System.arraycopy(priors, at, prior, node * actions, actions);
        expanded[node] = true;
        if (node == 0) {
            if (settings.dirichletEpsilon() > 0) addNoise();
            return; // the root's evaluation is not a simulation
        }
        backup(value, pendingPlayer);
    }

    /** P = (1 - eps) P + eps eta over the legal root moves, eta ~ Dir(alpha) from the game's stream (gammas normalised). */
    private void addNoise() {
        double eps = settings.dirichletEpsilon();
        double[] eta = new double[actions];
        double sum = 0;
        for (int a = 0; a < actions; a++) {
            if (!root.legal(a)) continue;
            eta[a] = noise.gamma(settings.dirichletAlpha());
            sum += eta[a];
        }
        for (int a = 0; a < actions; a++) {
            if (root.legal(a)) prior[a] = (float) ((1 - eps) * prior[a] + eps * eta[a] / sum);
        }
    }

    /** The PUCT choice at {@code node} among the legal moves of its position {@code s} (ties: the lower action). */
    int select(int node, TwoPlayerEnv<?> s) {
        int base = node * actions;
        boolean avoid = false; // with the solver: pass over moves proven to lose while another is left
        if (settings.solver()) {
            int win = provenMove(node, LOST);
            if (win >= 0) return win;
            avoid = proven[node] != LOST;
        }
        int total = 0;
        for (int a = 0; a < actions; a++) total += edgeVisits[base + a];
        double sqrt = Math.sqrt(Math.max(1, total));
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < actions; a++) {
            if (!s.legal(a) || avoid && childProof(node, a) == WON) continue;
            int n = edgeVisits[base + a];
            double q = n == 0 ? 0 : edgeValue[base + a] / n;
            double score = q + settings.cPuct() * prior[base + a] * sqrt / (1 + n);
            if (score > bestScore) {
                bestScore = score;
                best = a;
            }
        }
        return best;
    }

    /** Adds the leaf's {@code value} (for {@code player}, to move at the leaf) to every edge of the path, from its chooser's side. */
    private void backup(double value, int player) {
        for (int i = 0; i < depth; i++) {
            int e = pathNodes[i] * actions + pathActions[i];
            edgeVisits[e]++;
            edgeValue[e] += toMove[pathNodes[i]] == player ? value : -value;
        }
        done++;
        if (settings.solver()) {
            for (int i = depth - 1; i >= 0 && prove(pathNodes[i]); i--) {
                // a new proof may prove the node above it
            }
        }
    }

    /** With the solver: proves {@code node} won or lost from its children where it can; true when that is new. */
    private boolean prove(int node) {
        if (proven[node] != UNKNOWN) return false;
        if (provenMove(node, LOST) >= 0) {
            proven[node] = WON;
            return true;
        }
        long moves = legal[node];
        for (int a = 0; a < actions; a++) {
            if ((moves >>> a & 1) != 0 && childProof(node, a) != WON) return false;
        }
        proven[node] = LOST;
        return true;
    }

    /** The proof of the node that move {@code a} from {@code node} reaches, for its player to move (UNKNOWN while it is not in the tree). */
    private byte childProof(int node, int a) {
        int c = child[node * actions + a];
        return c < 0 ? UNKNOWN : proven[c];
    }

    /** The lowest legal move of {@code node} whose node has proof {@code proof}, or -1. */
    private int provenMove(int node, byte proof) {
        long moves = legal[node];
        for (int a = 0; a < actions; a++) if ((moves >>> a & 1) != 0 && childProof(node, a) == proof) return a;
        return -1;
    }

    private static long legalBits(TwoPlayerEnv<?> s) {
        long bits = 0;
        for (int a = 0; a < s.actionSpace().n(); a++) if (s.legal(a)) bits |= 1L << a;
        return bits;
    }

    /** With the solver, whether the root move {@code a} is proven to lose while some move is not. */
    private boolean avoidAtRoot(int a) {
        return settings.solver() && proven[0] != LOST && childProof(0, a) == WON;
    }

    /** Whether the search proved the root won (+1) or lost (-1) for the player to move; 0 when not (or without the solver). */
    public int rootProof() {
        return proven[0];
    }

    /** The root's visit counts (0 for illegal moves); a fresh array. */
    public int[] rootVisits() {
        return Arrays.copyOf(edgeVisits, actions);
    }

    /** The root's mean values Q(root, a) for the player to move (NaN where unvisited); a fresh array. */
    public double[] rootValues() {
        double[] q = new double[actions];
        for (int a = 0; a < actions; a++) q[a] = edgeVisits[a] == 0 ? Double.NaN : edgeValue[a] / edgeVisits[a];
        return q;
    }

    /** The root's priors as the search used them (noise mixed in); a fresh array. */
    public float[] rootPriors() {
        return Arrays.copyOf(prior, actions);
    }

    /** The search's value of the root for the player to move: the visit-weighted mean of Q. */
    public double rootValue() {
        double w = 0;
        int n = 0;
        for (int a = 0; a < actions; a++) {
            w += edgeValue[a];
            n += edgeVisits[a];
        }
        return n == 0 ? 0 : w / n;
    }

    /** The most visited root move (ties: the higher Q, then the lower action). */
    public int bestMove() {
        int win = settings.solver() ? provenMove(0, LOST) : -1;
        if (win >= 0) return win;
        int best = -1;
        for (int a = 0; a < actions; a++) {
            if (!root.legal(a) || avoidAtRoot(a)) continue;
            if (best < 0 || edgeVisits[a] > edgeVisits[best]
                    || (edgeVisits[a] == edgeVisits[best] && edgeVisits[a] > 0 && edgeValue[a] / edgeVisits[a] > edgeValue[best] / edgeVisits[best])) {
                best = a;
            }
        }
        return best;
    }

    /** A root move drawn in proportion to its visit count (temperature 1) from {@code rng}. */
    public int sampleMove(Rng rng) {
        int win = settings.solver() ? provenMove(0, LOST) : -1;
        if (win >= 0) return win;
        int total = 0;
        for (int a = 0; a < actions; a++) if (!avoidAtRoot(a)) total += edgeVisits[a];
        if (total == 0) return bestMove();
        int pick = rng.nextInt(total);
        for (int a = 0; a < actions; a++) {
            if (avoidAtRoot(a)) continue;
            pick -= edgeVisits[a];
            if (pick < 0) return a;
        }
        throw new IllegalStateException("unreachable");
    }

    private int newNode(int player) {
        if (size == toMove.length) grow(size * 2);
        int i = size++;
        Arrays.fill(child, i * actions, (i + 1) * actions, -1);
        Arrays.fill(prior, i * actions, (i + 1) * actions, 0f);
        Arrays.fill(edgeVisits, i * actions, (i + 1) * actions, 0);
        Arrays.fill(edgeValue, i * actions, (i + 1) * actions, 0);
        expanded[i] = false;
        toMove[i] = player;
        proven[i] = UNKNOWN;
        return i;
    }

    private void grow(int nodes) {
        if (toMove.length >= nodes) return;
        child = Arrays.copyOf(child, nodes * actions);
        prior = Arrays.copyOf(prior, nodes * actions);
        edgeVisits = Arrays.copyOf(edgeVisits, nodes * actions);
        edgeValue = Arrays.copyOf(edgeValue, nodes * actions);
        expanded = Arrays.copyOf(expanded, nodes);
        toMove = Arrays.copyOf(toMove, nodes);
        proven = Arrays.copyOf(proven, nodes);
        legal = Arrays.copyOf(legal, nodes);
    }
}
