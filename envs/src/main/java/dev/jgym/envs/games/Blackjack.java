package dev.jgym.envs.games;

import dev.jgym.core.config.Check;
import dev.jgym.core.config.Json;
import dev.jgym.core.env.BaseEnv;
import dev.jgym.core.env.Env;
import dev.jgym.core.env.Reset;
import dev.jgym.core.env.Step;
import dev.jgym.core.scene.Annotations;
import dev.jgym.core.scene.Color;
import dev.jgym.core.scene.Scene;
import dev.jgym.core.scene.Shape;
import dev.jgym.core.scene.Viewport;
import dev.jgym.core.space.Discrete;
import dev.jgym.core.space.TupleSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Blackjack (Sutton &amp; Barto, 2nd ed., Example 5.1; Gymnasium's Blackjack-v1): get a card sum
 * closer to 21 than the dealer's without going over.
 *
 * <p>Cards come from an infinite deck (drawn with replacement): ace = 1, 2-9 at face value, 10,
 * jack, queen, king = 10, so a ten-valued card has probability 4/13. An ace counts 11 when that
 * does not take the hand over 21 (a usable ace).
 * <p>Action space {@code Discrete(2)}: 0 stick, 1 hit.
 * <p>Observation {@code Tuple(Discrete(32), Discrete(11), Discrete(2))}: the player's sum (4-21
 * at the start, up to 31 after a bust), the dealer's showing card (1-10, 1 = ace), usable ace (0/1).
 * <p>Reward: +1 win, -1 loss, 0 draw. After the player sticks the dealer draws until its sum is
 * 17 or more (standing on a soft 17); a bust scores 0 points.
 * <ul>
 *   <li>{@code sab} (Blackjack-v1 default: true): S&amp;B's rules. A natural (ace and a ten-card in
 *       the first two) beats a dealer without one (+1); two naturals draw; {@code natural} is ignored.
 *   <li>{@code natural} (false; only without sab): a won hand that is a natural pays +1.5.
 *   <li>neither: the natural is an ordinary 21.
 *   <li>{@code start} (absent by default): a fixed start state {@code [player sum, dealer showing,
 *       usable ace]}, as S&amp;B Example 5.4 starts every episode from {@code [13, 2, 1]}. The
 *       player is dealt a hand with that sum (with a usable ace: an ace and sum − 11, so
 *       {@code [21, d, 1]} is a natural; without: two cards of 2-10, or 10, 9, 2 for 21), the
 *       dealer the showing card and one card drawn from the env stream.
 * </ul>
 * <p>Start: two cards each, the dealer's first face up (or the {@code start} state).
 * <p>Episode end: terminated when the player sticks or busts. No time limit.
 * <p>Info: none.
 * <p>Versions: v1 as Gymnasium's Blackjack-v1 (v1 fixed the natural handling); the registry's
 * defaults are Gymnasium's ({@code sab: true, natural: false}).
 */
public final class Blackjack extends BaseEnv<List<Object>, Integer> {
    public static final String ID = "Blackjack-v1";
    public static final int STICK = 0, HIT = 1;
    private static final int[] DECK = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 10, 10};

    /** The options of Blackjack; every one may be left out. */
    public record Options(Boolean natural, Boolean sab, List<Integer> start) {
        public Options {
            natural = natural == null ? Boolean.FALSE : natural;
            sab = sab == null ? Boolean.FALSE : sab;
            if (start != null) {
                Check.that(start.size() == 3 && !start.contains(null), "start",
                        "expected [player sum, dealer showing, usable ace], found " + start);
                Check.that(start.get(2) == 0 || start.get(2) == 1, "start", "expected usable ace 0 or 1, found " + start.get(2));
                int low = start.get(2) == 1 ? 12 : 4;
                Check.that(start.get(0) >= low && start.get(0) <= 21, "start",
                        "expected a player sum in " + low + "-21" + (low == 12 ? " with a usable ace" : "") + ", found " + start.get(0));
                Check.that(start.get(1) >= 1 && start.get(1) <= 10, "start",
                        "expected a dealer card in 1-10 (1 = ace), found " + start.get(1));
                start = List.copyOf(start);
            }
        }

        /** Options without a fixed start. */
        public Options(Boolean natural, Boolean sab) {
            this(natural, sab, null);
        }
    }

    private final Options options;
    private final TupleSpace observationSpace = TupleSpace.of(new Discrete(32), new Discrete(11), new Discrete(2));
    private final Discrete actionSpace = new Discrete(2);
    private final List<Integer> player = new ArrayList<>();
    private final List<Integer> dealer = new ArrayList<>();
    private boolean over;
    private double lastReward;

    public Blackjack(Options options) {
        this.options = options;
    }

    public static Blackjack fromOptions(Map<String, ?> options) {
        return new Blackjack(Json.bind(options, Options.class, ID));
    }

    @Override
    public TupleSpace observationSpace() {
        return observationSpace;
    }

    @Override
    public Discrete actionSpace() {
        return actionSpace;
    }

    private int draw() {
        return DECK[rng.nextInt(DECK.length)];
    }

    @Override
    protected Reset<List<Object>> onReset(Map<String, ?> resetOptions) {
        expectNoOptions(ID, resetOptions);
        dealer.clear();
        player.clear();
        if (options.start() == null) {
            dealer.add(draw());
            dealer.add(draw());
            player.add(draw());
            player.add(draw());
        } else {
            for (int c : hand(options.start().get(0), options.start().get(2) == 1)) player.add(c);
            dealer.add(options.start().get(1));
            dealer.add(draw());
        }
        over = false;
        lastReward = 0;
        return new Reset<>(observe());
    }

    /** A hand with the given sum: an ace and sum − 11 when the ace is usable, else cards of 2-10. */
    static int[] hand(int sum, boolean usableAce) {
        if (usableAce) return new int[] {1, sum - 11};
        if (sum == 21) return new int[] {10, 9, 2};
        int first = Math.min(10, sum - 2);
        return new int[] {first, sum - first};
    }

    /** Starts from given hands (for rule tests): the env stream is still used for later draws. */
    void deal(int[] playerCards, int[] dealerCards) {
        player.clear();
        dealer.clear();
        for (int c : playerCards) player.add(c);
        for (int c : dealerCards) dealer.add(c);
        over = false;
    }

    @Override
    public Step<List<Object>> step(Integer action) {
        if (action == null || !actionSpace.contains(action)) {
            throw new IllegalArgumentException(ID + ": action " + action + " is not in the action space " + actionSpace);
        }
        double reward;
        if (action == HIT) {
            player.add(draw());
            over = isBust(player);
            reward = over ? -1.0 : 0.0;
        } else {
            over = true;
            while (sum(dealer) < 17) dealer.add(draw());
            reward = Integer.compare(score(player), score(dealer));
            if (options.sab() && isNatural(player) && !isNatural(dealer)) {
                reward = 1.0;
            } else if (!options.sab() && options.natural() && isNatural(player) && reward == 1.0) {
                reward = 1.5;
            }
        }
        lastReward = reward;
        return new Step<>(observe(), reward, over, false, over ? Env.successInfo(reward > 0) : Map.of()); // a won hand is the goal
    }

    static boolean usableAce(List<Integer> hand) {
        return hand.contains(1) && raw(hand) + 10 <= 21;
    }

    private static int raw(List<Integer> hand) {
        int s = 0;
        for (int c : hand) s += c;
        return s;
    }

    /** The hand's total, an ace counted 11 when usable. */
    static int sum(List<Integer> hand) {
        return usableAce(hand) ? raw(hand) + 10 : raw(hand);
    }

    static boolean isBust(List<Integer> hand) {
        return sum(hand) > 21;
    }

    static int score(List<Integer> hand) {
        return isBust(hand) ? 0 : sum(hand);
    }

    static boolean isNatural(List<Integer> hand) {
        return hand.size() == 2 && hand.contains(1) && hand.contains(10);
    }

    private List<Object> observe() {
        return List.of(sum(player), dealer.get(0), usableAce(player) ? 1 : 0);
    }

    /** The dealer's cards so far (for tests): the showing card first. */
    List<Integer> dealerCards() {
        return List.copyOf(dealer);
    }

    public Options options() {
        return options;
    }

    @Override
    public Scene scene(Annotations annotations) {
        if (dealer.isEmpty()) throw new IllegalStateException(ID + ": scene() before reset()");
        Scene.Builder b = Scene.builder(new Viewport(0, 0, 12, 8)).background(Color.rgb(0x076324));
        b.text(0.4, 7.3, "Dealer", 0.6, Color.WHITE, Shape.Anchor.LEFT);
        for (int i = 0; i < dealer.size(); i++) {
            boolean hidden = i > 0 && !over;
            card(b, 0.4 + i * 1.5, 4.6, hidden ? "?" : name(dealer.get(i)), hidden);
        }
        b.text(0.4, 3.5, "Player", 0.6, Color.WHITE, Shape.Anchor.LEFT);
        for (int i = 0; i < player.size(); i++) card(b, 0.4 + i * 1.5, 0.8, name(player.get(i)), false);
        b.text(11.6, 3.5, "sum " + sum(player) + (usableAce(player) ? " (usable ace)" : ""), 0.5, Color.WHITE, Shape.Anchor.RIGHT);
        if (over) {
            String result = lastReward > 0 ? "win " : lastReward < 0 ? "loss " : "draw ";
            b.text(11.6, 7.3, result + (lastReward == 1.5 ? "+1.5" : String.format("%+d", (int) lastReward))
                    + ", dealer " + sum(dealer), 0.5, Color.YELLOW, Shape.Anchor.RIGHT);
        }
        return b.caption(ID + ": player " + sum(player) + ", dealer shows " + name(dealer.get(0))).build();
    }

    private static void card(Scene.Builder b, double x, double y, String label, boolean hidden) {
        b.outlinedRect(x, y, 1.2, 1.8, hidden ? Color.rgb(0x2050a0) : Color.WHITE, Color.BLACK, 0.05);
        if (!hidden) b.text(x + 0.6, y + 0.9, label, 0.6, Color.BLACK, Shape.Anchor.CENTER);
    }

    private static String name(int card) {
        return card == 1 ? "A" : Integer.toString(card);
    }
}
