package dev.samplinglab.engine.classroom;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running score of a guessing round, per player or team. At every revealed step each player
 * gets:
 *
 * <ul>
 *   <li>a <b>hit</b> when their guess is in the model's top 10: a one-token guess ranks 10 or
 *       better; a guess of several tokens, each of its tokens at its own step ({@link
 *       GuessScore#inTop()}), and
 *   <li><b>log-probability points</b>: ln p of their whole guess under the model (the product over
 *       its tokens), never below {@link GuessScore#FLOOR} (-20); 0 is a certain guess, -2.3 one the
 *       model gives 10 %.
 * </ul>
 *
 * A player who typed nothing at a step gets no hit and the floor. Standings order players by hits,
 * then by points (closer to 0 first), then by name.
 */
public final class Scoreboard {
    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /**
     * One player's totals.
     *
     * @param player the player's or team's name
     * @param steps steps scored
     * @param hits steps whose guess was in the model's top 10
     * @param points summed log-probability points
     */
    public record Entry(String player, int steps, int hits, double points) {
        Entry plus(GuessScore score) {
            boolean scored = score != null && score.scored();
            return new Entry(
                    player,
                    steps + 1,
                    hits + (scored && score.inTop() ? 1 : 0),
                    points + (scored ? score.points() : GuessScore.FLOOR));
        }
    }

    /** Adds {@code player} with no score yet (kept in the order players joined). */
    public void join(String player) {
        entries.putIfAbsent(player, new Entry(player, 0, 0, 0));
    }

    /** Records one step for {@code player}; {@code score} is null when they did not guess. */
    public void record(String player, GuessScore score) {
        join(player);
        entries.computeIfPresent(player, (k, e) -> e.plus(score));
    }

    /** Forgets every score (a new round); the players stay. */
    public void clear() {
        entries.replaceAll((k, e) -> new Entry(k, 0, 0, 0));
    }

    /** Drops {@code player} and their score. */
    public void remove(String player) {
        entries.remove(player);
    }

    /** Players by hits, then points, then name. */
    public List<Entry> standings() {
        List<Entry> out = new ArrayList<>(entries.values());
        out.sort(
                Comparator.comparingInt(Entry::hits)
                        .reversed()
                        .thenComparing(Comparator.comparingDouble(Entry::points).reversed())
                        .thenComparing(Entry::player));
        return out;
    }

    /** The entry of {@code player}, or a zero one. */
    public Entry of(String player) {
        return entries.getOrDefault(player, new Entry(player, 0, 0, 0));
    }
}
