package cn.chengxin.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A cursor waits at a gap for the patience, then steps over it and keeps the numbers it stepped over, so that a
 * follower reads them again until they show or a day has passed (gaps review xxxviii S1).
 */
class FeedCursorTests {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Instant T0 = Instant.parse("2026-12-07T00:00:00Z");

    @Test
    void aGapIsWaitedForThenSteppedOverAndKept() {
        FeedCursor cursor = new FeedCursor(PATIENCE);
        assertThat(cursor.advance(List.of(1L, 2L, 5L, 6L), T0)).isFalse();
        assertThat(cursor.position()).isEqualTo(2);
        assertThat(cursor.skipped()).isEmpty();

        assertThat(cursor.advance(List.of(5L, 6L), T0.plusSeconds(9))).isFalse();
        assertThat(cursor.position()).isEqualTo(2);

        assertThat(cursor.advance(List.of(5L, 6L, 9L), T0.plusSeconds(10))).isFalse();
        assertThat(cursor.position()).isEqualTo(6);
        assertThat(cursor.skipped()).containsExactly(new FeedCursor.Skipped(3, 4, T0.plusSeconds(10)));
    }

    /**
     * Gaps that showed together are waited for together: a batch whose re-evaluated subjects' proposals conflict with
     * their open entries burns a number each, and waiting a patience per gap from when the position reached it put
     * the followers (the exchange's upward one, the lifts, the check index) ten seconds behind per burnt number.
     */
    @Test
    void gapsThatShowedTogetherCostOnePatienceNotOneEach() {
        FeedCursor cursor = new FeedCursor(PATIENCE);
        assertThat(cursor.advance(List.of(3L, 6L, 9L), T0)).isFalse();
        assertThat(cursor.position()).isZero();

        assertThat(cursor.advance(List.of(3L, 6L, 9L, 12L), T0.plusSeconds(10))).isFalse();
        assertThat(cursor.position()).as("the three gaps seen at T0 stepped over at once, the new one waited for")
                .isEqualTo(9);
        assertThat(cursor.skipped()).extracting(FeedCursor.Skipped::first).containsExactly(1L, 4L, 7L);

        assertThat(cursor.advance(List.of(12L), T0.plusSeconds(19))).isFalse();
        assertThat(cursor.advance(List.of(12L), T0.plusSeconds(20))).isTrue();
        assertThat(cursor.position()).isEqualTo(12);
    }

    @Test
    void theNumbersSteppedOverAreReadAgainOnceAPatienceUntilTheyShow() {
        FeedCursor cursor = steppedOver(3, 7);
        Instant later = T0.plusSeconds(10);
        assertThat(cursor.toReread(later)).containsExactly(new FeedCursor.Skipped(3, 7, later));
        // Not again within the patience: a rolled-back number costs one look a patience.
        assertThat(cursor.toReread(later.plusSeconds(9))).isEmpty();

        cursor.found(List.of(3L, 5L));
        assertThat(cursor.skipped()).containsExactly(new FeedCursor.Skipped(4, 4, later),
                new FeedCursor.Skipped(6, 7, later));
        assertThat(cursor.toReread(later.plusSeconds(10))).hasSize(2);
        cursor.found(List.of(4L, 6L, 7L));
        assertThat(cursor.skipped()).isEmpty();
        assertThat(cursor.toReread(later.plusSeconds(30))).isEmpty();
    }

    @Test
    void aNumberThatNeverShowsIsForgottenAfterTheHorizon() {
        FeedCursor cursor = steppedOver(3, 3);
        Instant steppedAt = T0.plusSeconds(10);
        assertThat(cursor.toReread(steppedAt.plus(FeedCursor.HORIZON))).hasSize(1);
        assertThat(cursor.toReread(steppedAt.plus(FeedCursor.HORIZON).plusSeconds(11))).isEmpty();
        assertThat(cursor.skipped()).isEmpty();
    }

    @Test
    void resumingKeepsTheGapWaitedForUnlessAnotherMovedThePosition() {
        FeedCursor cursor = new FeedCursor(PATIENCE);
        cursor.resume(2, List.of());
        cursor.advance(List.of(4L), T0);
        List<FeedCursor.Skipped> stored = List.of(new FeedCursor.Skipped(1, 1, T0));
        cursor.resume(2, stored);
        assertThat(cursor.skipped()).isEqualTo(stored);
        // The same position: the wait that began at T0 goes on, and ends at its patience.
        cursor.advance(List.of(4L), T0.plusSeconds(10));
        assertThat(cursor.position()).isEqualTo(4);

        // Moved by another instance: the wait begins again there.
        cursor.resume(5, List.of());
        cursor.advance(List.of(7L), T0.plusSeconds(11));
        cursor.resume(5, List.of());
        cursor.advance(List.of(7L), T0.plusSeconds(20));
        assertThat(cursor.position()).isEqualTo(5);
        cursor.advance(List.of(7L), T0.plusSeconds(21));
        assertThat(cursor.position()).isEqualTo(7);
        assertThat(cursor.skipped()).containsExactly(new FeedCursor.Skipped(6, 6, T0.plusSeconds(21)));
    }

    @Test
    void numbersSteppedOverAgainAfterThePositionMovedBackAreKeptOnce() {
        FeedCursor cursor = steppedOver(3, 7);
        cursor.moveTo(2);
        cursor.advance(List.of(8L), T0.plusSeconds(20));
        cursor.advance(List.of(8L), T0.plusSeconds(30));
        assertThat(cursor.position()).isEqualTo(8);
        assertThat(cursor.skipped()).containsExactly(new FeedCursor.Skipped(3, 7, T0.plusSeconds(10)));
        cursor.moveTo(1);
        cursor.advance(List.of(8L), T0.plusSeconds(40));
        cursor.advance(List.of(8L), T0.plusSeconds(50));
        assertThat(cursor.skipped()).containsExactly(new FeedCursor.Skipped(2, 7, T0.plusSeconds(50)));
    }

    /** A cursor at {@code first - 1} that stepped over {@code first..last} at T0 + patience. */
    private static FeedCursor steppedOver(long first, long last) {
        FeedCursor cursor = new FeedCursor(PATIENCE);
        cursor.moveTo(first - 1);
        cursor.advance(List.of(last + 1), T0);
        cursor.advance(List.of(last + 1), T0.plusSeconds(10));
        assertThat(cursor.skipped()).containsExactly(new FeedCursor.Skipped(first, last, T0.plusSeconds(10)));
        return cursor;
    }
}
