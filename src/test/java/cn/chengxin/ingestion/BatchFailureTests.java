package cn.chengxin.ingestion;

import cn.chengxin.ingestion.parsing.FileProblem;
import cn.chengxin.ingestion.parsing.FileProblemCode;
import cn.chengxin.shared.DomainProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BatchFailureTests {

    @Test
    void aFileThatStopsBeingReadableGivesItsCodeLineAndReason() {
        BatchFailure failure = BatchFailure.of(new FileProblem(FileProblemCode.CSV_MALFORMED, 5_000));

        assertThat(failure).isEqualTo(new BatchFailure("CSV_MALFORMED", 5_000L,
                "第 5000 行：" + FileProblemCode.CSV_MALFORMED.message()));
    }

    @Test
    void aProblemWithTheWholeFileHasNoLine() {
        assertThat(BatchFailure.of(new FileProblem(FileProblemCode.FILE_UNREADABLE)).line()).isNull();
    }

    @Test
    void neverShowsAnIdentityNumberQuotedByAnotherModule() {
        BatchFailure failure = BatchFailure.of(new IngestionProblem("SUBJECT_CONFLICT", DomainProblem.Kind.CONFLICT,
                "主体 11010519491231002X 与 110105491231002 已登记"));

        assertThat(failure.reason()).isEqualTo("主体 1101**********002X 与 1101*******1002 已登记");
        assertThat(failure.code()).isEqualTo("SUBJECT_CONFLICT");
    }

    @Test
    void anUnexpectedErrorIsNamedWithoutItsText() {
        BatchFailure failure = BatchFailure.of(new IllegalStateException("row 11010519491231002X"));

        assertThat(failure.code()).isEqualTo("INTERNAL_ERROR");
        assertThat(failure.reason()).startsWith("系统内部错误").doesNotContain("1101");
    }
}
