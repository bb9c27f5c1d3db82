package cn.chengxin.ingestion.parsing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LimitsTests {

    private static final String FIVE_ROWS = "姓名\n甲\n乙\n丙\n丁\n戊\n";

    @TempDir
    Path dir;

    @Test
    void defaultsAreThoseOfTheUploadRules() {
        assertThat(Limits.defaults()).isEqualTo(new Limits(200L * 1024 * 1024, 2_000_000, 1024L * 1024 * 1024, 100));
        assertThatIllegalArgumentException().isThrownBy(() -> new Limits(0, 1, 1, 1));
    }

    @Test
    void refusesTheRowAfterTheLastAllowedOne() throws IOException {
        Path file = Uploads.write(dir, "five.csv", FIVE_ROWS, StandardCharsets.UTF_8);

        try (RowSource source = RowSources.open(file, FileFormat.CSV, Uploads.limits(1024, 3))) {
            assertThat(source.next()).isPresent();
            assertThat(source.next()).isPresent();
            assertThat(source.next()).isPresent();
            FileProblem problem = catchThrowableOfType(FileProblem.class, source::next);

            assertThat(problem.code()).isEqualTo("FILE_TOO_MANY_ROWS");
            assertThat(problem.line()).hasValue(5);
            assertThat(catchThrowableOfType(FileProblem.class, source::next)).isSameAs(problem);
        }
    }

    @Test
    void allowsExactlyTheLimit() throws IOException {
        Path file = Uploads.write(dir, "five.csv", FIVE_ROWS, StandardCharsets.UTF_8);

        assertThat(Uploads.readAll(file, FileFormat.CSV, Uploads.limits(1024, 5))).hasSize(5);
    }

    @Test
    void refusesAFileOverTheSizeLimitBeforeReadingIt() throws IOException {
        Path csv = Uploads.write(dir, "big.csv", FIVE_ROWS, StandardCharsets.UTF_8);
        Path jsonl = Uploads.write(dir, "big.jsonl", "{\"a\":1}\n".repeat(10), StandardCharsets.UTF_8);

        assertThat(Uploads.problemReading(csv, FileFormat.CSV, Uploads.limits(10, 100)).code())
                .isEqualTo("FILE_TOO_LARGE");
        assertThat(Uploads.problemReading(jsonl, FileFormat.JSON_LINES, Uploads.limits(10, 100)).code())
                .isEqualTo("FILE_TOO_LARGE");
    }

    @Test
    void theMeterStopsAStreamThatGrowsPastTheLimit() throws IOException {
        // The guard behind the size check: a stream longer than the file said it was is stopped while read.
        InputStream in = new MeteredInputStream(new ByteArrayInputStream(text(100)), 64, Long.MAX_VALUE,
                FileProblemCode.CSV_MALFORMED);

        CarriedFileProblem thrown = catchThrowableOfType(CarriedFileProblem.class, () -> in.readAllBytes());

        assertThat(thrown.problem().code()).isEqualTo("FILE_TOO_LARGE");
    }

    @Test
    void theMeterBoundsOneRecord() throws IOException {
        MeteredInputStream in = new MeteredInputStream(new ByteArrayInputStream(text(100)), 1000, 30,
                FileProblemCode.CSV_MALFORMED);
        in.readNBytes(new byte[25], 0, 25);
        in.startRecord();
        in.readNBytes(new byte[25], 0, 25);

        CarriedFileProblem thrown = catchThrowableOfType(CarriedFileProblem.class, () -> in.readNBytes(10));

        assertThat(thrown.problem().code()).isEqualTo("CSV_MALFORMED");
        assertThat(in.count()).isEqualTo(60);
    }

    private static byte[] text(int length) {
        return "a".repeat(length).getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aClosedSourceCannotBeRead() throws IOException {
        Path file = Uploads.write(dir, "five.csv", FIVE_ROWS, StandardCharsets.UTF_8);
        RowSource source = RowSources.open(file, FileFormat.CSV, Limits.defaults());
        source.close();
        source.close();

        assertThatIllegalStateException().isThrownBy(source::next);
    }
}
