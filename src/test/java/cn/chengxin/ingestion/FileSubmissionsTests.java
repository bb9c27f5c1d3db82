package cn.chengxin.ingestion;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

import cn.chengxin.ingestion.parsing.FileProblem;
import cn.chengxin.ingestion.parsing.FileProblemCode;
import cn.chengxin.ingestion.parsing.RowSource;
import cn.chengxin.ingestion.parsing.SourceRow;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FileSubmissionsTests {

    @Test
    void readsTheResponsiblePersonsOfARowFromTheirColumnsPairingSeveralInOrder() {
        IncomingRecord row = FileSubmissions.toRecord(Map.of("法定代表人证件号码", "A", "法定代表人姓名", "甲",
                "responsiblePersonIds", "B；C", "responsiblePersonNames", "乙;丙"));

        assertThat(row.responsiblePersons()).containsExactly(
                new ResponsiblePersonSent("LEGAL_REPRESENTATIVE", "A", "甲", "legalRepresentativeId",
                        "legalRepresentativeName"),
                new ResponsiblePersonSent("DIRECTLY_RESPONSIBLE", "B", "乙", "responsiblePersonIds[0]",
                        "responsiblePersonNames[0]"),
                new ResponsiblePersonSent("DIRECTLY_RESPONSIBLE", "C", "丙", "responsiblePersonIds[1]",
                        "responsiblePersonNames[1]"));
        assertThat(row.fields()).isEmpty();
    }

    @Test
    void handsOutEveryRowReadBeforeTheFileStopsBeingReadable() {
        Iterator<Submissions.Numbered> rows = FileSubmissions.rows(new BreaksAtLine(4));

        assertThat(rows.hasNext()).isTrue();
        assertThat(rows.next().line()).isEqualTo(2);
        assertThat(rows.next().line()).isEqualTo(3);
        assertThatThrownBy(rows::hasNext).isInstanceOf(FileProblem.class)
                .hasMessage("第 4 行：" + FileProblemCode.CSV_MALFORMED.message());
    }

    @Test
    void readsNothingBeforeItIsAsked() {
        BreaksAtLine source = new BreaksAtLine(2);

        Iterator<Submissions.Numbered> rows = FileSubmissions.rows(source);

        assertThat(source.reads).isZero();
        assertThatThrownBy(rows::next).isInstanceOf(FileProblem.class);
    }

    /** Data rows from line 2; the record starting at {@code brokenLine} has an unterminated quote. */
    private static final class BreaksAtLine implements RowSource {

        private final long brokenLine;
        private long line = 1;
        private int reads;

        BreaksAtLine(long brokenLine) {
            this.brokenLine = brokenLine;
        }

        @Override
        public Optional<SourceRow> next() {
            reads++;
            line++;
            if (line == brokenLine) {
                throw new FileProblem(FileProblemCode.CSV_MALFORMED, line);
            }
            return Optional.of(new SourceRow(line, Map.of("部门记录编号", "R-" + line)));
        }

        @Override
        public long bytesRead() {
            return 0;
        }

        @Override
        public void close() {
        }
    }
}
