package dev.samplinglab.engine.classroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.samplinglab.engine.classroom.Scoreboard.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreboardTest {

    private static GuessScore guess(double prob, int rank) {
        return new GuessScore("x", " x", List.of(new TokenOdds(1, "␣x", prob, rank)), false, false);
    }

    @Test
    void hitsThenPointsOrderTheStandings() {
        Scoreboard board = new Scoreboard();
        board.join("Ada");
        board.join("Bo");
        board.join("Cy");
        // step 1: Ada p 0.5 (#1), Bo p 0.1 (#3), Cy nothing
        board.record("Ada", guess(0.5, 1));
        board.record("Bo", guess(0.1, 3));
        board.record("Cy", null);
        // step 2: Ada p 1e-12 (#400: a miss, floored), Bo p 0.25 (#2), Cy p 0.02 (#9)
        board.record("Ada", guess(1e-12, 400));
        board.record("Bo", guess(0.25, 2));
        board.record("Cy", guess(0.02, 9));

        assertThat(board.standings()).extracting(Entry::player).containsExactly("Bo", "Ada", "Cy");
        Entry bo = board.of("Bo");
        assertThat(bo.steps()).isEqualTo(2);
        assertThat(bo.hits()).isEqualTo(2);
        assertThat(bo.points()).isCloseTo(Math.log(0.1) + Math.log(0.25), within(1e-12));
        Entry ada = board.of("Ada");
        assertThat(ada.hits()).isEqualTo(1);
        assertThat(ada.points()).isCloseTo(Math.log(0.5) + GuessScore.FLOOR, within(1e-12));
        Entry cy = board.of("Cy");
        assertThat(cy.hits()).isEqualTo(1);
        assertThat(cy.points()).isCloseTo(GuessScore.FLOOR + Math.log(0.02), within(1e-12));
    }

    @Test
    void aNewRoundKeepsThePlayersAndForgetsTheScores() {
        Scoreboard board = new Scoreboard();
        board.record("Ada", guess(0.5, 1));
        board.clear();
        assertThat(board.standings()).containsExactly(new Entry("Ada", 0, 0, 0));
        board.remove("Ada");
        assertThat(board.standings()).isEmpty();
    }
}
