package cn.chengxin.ingestion;

import cn.chengxin.ingestion.domain.MaskedNumber;
import cn.chengxin.ingestion.domain.ShownSourceId;

/**
 * Something the department should know of a row that was accepted all the same: its line (file) or index (API, from
 * 1), the field it is about, a stable code, a message in Chinese, and the row as its department knows it (its own key
 * and its number, masked, as a {@link RowError} names its row). A warning changes nothing of what was accepted; it is
 * shown beside the errors so that the department corrects its own system.
 */
public record RowWarning(long line, String field, String code, String message, String sourceRecordId,
                         String maskedNumber) {

    /** The code of a row that named its subject by a former name (曾用名) of its decision date. */
    public static final String SUBJECT_FORMER_NAME = "SUBJECT_FORMER_NAME";
    /** The code of a row that named a responsible person by a former name (曾用名) of its decision date. */
    public static final String RESPONSIBLE_PERSON_FORMER_NAME = "RESPONSIBLE_PERSON_FORMER_NAME";

    /**
     * A row that named its subject by a name the subject bore on the row's decision date and bears no more (gaps
     * review xxv H6): the record is stored under the subject, as the number names it (RULES.md §1: the number is the
     * key, the name goes with it), and the department is told to use the current name from now on. Neither name is
     * quoted: the department has the one it sent, and a person's new name is not its to learn here.
     */
    static RowWarning formerName(long line, IncomingRecord row) {
        return new RowWarning(line, "subjectName", SUBJECT_FORMER_NAME,
                "主体名称是该主体在决定日期时使用、现已变更的曾用名：记录已按证件号码归入该主体；请核对并在今后的报送中使用现名称",
                ShownSourceId.of(row.sourceRecordId()), MaskedNumber.of(row.subjectNumber()));
    }

    /**
     * A row that named a responsible person (of an organisation's record) by a name the person bore on the row's
     * decision date and bears no more (gaps review xxv H6, as {@link #formerName} for the subject): the copy is made for
     * the person the number names; {@code field} is where the name was sent. The row is named by its own key and its
     * subject's number, masked, as its errors are.
     */
    static RowWarning responsibleFormerName(long line, String field, IncomingRecord row) {
        return new RowWarning(line, field, RESPONSIBLE_PERSON_FORMER_NAME,
                "责任人姓名是其在决定日期时使用、现已变更的曾用名：已按证件号码对应该责任人；请核对并在今后的报送中使用现姓名",
                ShownSourceId.of(row.sourceRecordId()), MaskedNumber.of(row.subjectNumber()));
    }
}
