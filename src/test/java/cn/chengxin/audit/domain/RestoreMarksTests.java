package cn.chengxin.audit.domain;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The restore marks' file (gaps review xxxiii N2): replaced whole, and refused when it cannot be believed. */
class RestoreMarksTests {

    private static final Instant AT = Instant.parse("2026-12-06T07:00:00Z");

    @TempDir
    Path dir;

    @Test
    void marksWrittenAreReadBackAndAFileReplacedLeavesNothingBeside() throws Exception {
        Path file = dir.resolve("keys/restore-marks.txt");
        assertThat(RestoreMarks.read(file)).as("no file, no marks").isEmpty();

        new RestoreMarks(AT, Map.of("exchange.message_version", 40_000L, "audit.log_size", 9L), Set.of()).write(file);
        RestoreMarks later = new RestoreMarks(AT.plusSeconds(5), Map.of("exchange.message_version", 40_007L,
                "audit.log_size", 12L), Set.of("2026-12-01-drill"));
        later.write(file);

        assertThat(RestoreMarks.read(file)).contains(later);
        assertThat(Files.list(file.getParent())).extracting(p -> p.getFileName().toString())
                .containsExactly("restore-marks.txt");
    }

    @Test
    void aFileChangedCutShortOrOfAnotherKindIsRefused() throws Exception {
        Path file = dir.resolve("restore-marks.txt");
        new RestoreMarks(AT, Map.of("exchange.message_version", 40_000L), Set.of()).write(file);
        String text = Files.readString(file);

        Files.writeString(file, text.replace("=40000", "=4000"));
        assertThatThrownBy(() -> RestoreMarks.read(file)).as("a mark lowered by hand")
                .isInstanceOf(RestoreMarks.Corrupt.class).hasMessageContaining("checksum");

        Files.writeString(file, text.substring(0, text.indexOf("sm3=")));
        assertThatThrownBy(() -> RestoreMarks.read(file)).as("cut short").isInstanceOf(RestoreMarks.Corrupt.class);

        Files.write(file, new byte[0]);
        assertThatThrownBy(() -> RestoreMarks.read(file)).as("empty").isInstanceOf(RestoreMarks.Corrupt.class);

        Files.write(file, "mark.x=1\nsm3=00\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> RestoreMarks.read(file)).isInstanceOf(RestoreMarks.Corrupt.class);
    }

    @Test
    void marksOnlyRiseAndADatabaseBelowThemIsBehind() {
        RestoreMarks marks = new RestoreMarks(AT, Map.of("exchange.message_version", 100L, "audit.log_size", 50L),
                Set.of());

        RestoreMarks raised = marks.raisedTo(Map.of("exchange.message_version", 90L, "audit.log_size", 60L,
                "listing.change_seq", 3L), AT.plusSeconds(5));

        assertThat(raised.marks()).containsEntry("exchange.message_version", 100L).containsEntry("audit.log_size", 60L)
                .containsEntry("listing.change_seq", 3L);
        assertThat(raised.behind(Map.of("exchange.message_version", 90L, "audit.log_size", 60L)))
                .containsExactly(new RestoreMarks.Behind("exchange.message_version", 90, 100),
                        new RestoreMarks.Behind("listing.change_seq", 0, 3));
        RestoreMarks confirmed = raised.confirmedAs("2026-12-06-restore-1", Map.of("exchange.message_version", 1_000_100L),
                AT.plusSeconds(9));
        assertThat(confirmed.behind(Map.of("exchange.message_version", 1_000_100L))).isEmpty();
        assertThat(confirmed.confirmed()).containsExactly("2026-12-06-restore-1");
        assertThat(RestoreMarks.CONFIRMATION.matcher("2026-12-06-restore-1").matches()).isTrue();
        assertThat(RestoreMarks.CONFIRMATION.matcher("restore of the morning").matches()).isFalse();
    }
}
