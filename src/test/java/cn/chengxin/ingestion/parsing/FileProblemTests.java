package cn.chengxin.ingestion.parsing;

import org.junit.jupiter.api.Test;

import cn.chengxin.shared.DomainProblem;

import static org.assertj.core.api.Assertions.assertThat;

class FileProblemTests {

    @Test
    void isAnInvalidInputDomainProblemWithAStableCode() {
        FileProblem problem = new FileProblem(FileProblemCode.FILE_ZIP_BOMB);

        assertThat(problem).isInstanceOf(DomainProblem.class);
        assertThat(problem.code()).isEqualTo("FILE_ZIP_BOMB");
        assertThat(problem.kind()).isEqualTo(DomainProblem.Kind.INVALID_INPUT);
        assertThat(problem.getMessage()).isEqualTo(FileProblemCode.FILE_ZIP_BOMB.message());
        assertThat(problem.line()).isEmpty();
        assertThat(problem.getCause()).isNull();
        assertThat(problem.getStackTrace()).isEmpty();
    }

    @Test
    void placesItselfAtALineAndColumn() {
        FileProblem problem = new FileProblem(FileProblemCode.HEADER_DUPLICATE, 1, 3);

        assertThat(problem.line()).hasValue(1);
        assertThat(problem.column()).hasValue(3);
        assertThat(problem.getMessage()).startsWith("第 1 行第 3 列：").contains("重复");
    }

    @Test
    void keepsTheLineItWasGivenFirst() {
        FileProblem problem = new FileProblem(FileProblemCode.CSV_MALFORMED, 7);

        assertThat(problem.atLine(9).line()).hasValue(7);
        assertThat(new FileProblem(FileProblemCode.CSV_MALFORMED).atLine(9).line()).hasValue(9);
    }

    @Test
    void everyCodeHasAChineseMessage() {
        for (FileProblemCode code : FileProblemCode.values()) {
            assertThat(code.message()).as(code.name()).containsPattern("\\p{IsHan}");
        }
    }
}
