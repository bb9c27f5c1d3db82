package cn.chengxin.platform.database;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.chengxin.account.domain.RightsRequestChannel;
import cn.chengxin.account.domain.RightsRequestKind;
import cn.chengxin.account.domain.RightsRequestOutcome;
import cn.chengxin.commitment.domain.CommitmentKind;
import cn.chengxin.commitment.domain.CommitmentStatus;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.exchange.domain.MessageKind;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.inquiry.domain.Requester;
import cn.chengxin.objection.domain.ObjectionStatus;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.repair.domain.RepairStatus;
import cn.chengxin.scoring.domain.ReviewOutcome;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gaps review xli V10: each {@code CHECK … IN (…)} of an enumeration column, as the migrated database holds it
 * ({@code pg_get_constraintdef}), names exactly the values of the Java enum that reads the column back. A value added
 * to the enum without its migration fails here, before a row with it is refused in production; a value dropped from
 * the enum while the table still allows it (a stored row the code can no longer read) fails too.
 */
@IntegrationTest
class EnumChecksIT {

    private static final Pattern LITERAL = Pattern.compile("'([^']*)'::text");

    @Autowired
    JdbcClient jdbc;

    /** One enumeration's check: the table, the constraint and the values the code writes and reads. */
    private record Check(String table, String constraint, Set<String> values) {
    }

    @Test
    void everyEnumerationsCheckNamesTheValuesOfItsEnum() {
        List<Check> checks = List.of(
                new Check("repair.application", "application_status_known", names(RepairStatus.values())),
                new Check("commitment.commitment", "commitment_status_known", names(CommitmentStatus.values())),
                new Check("commitment.commitment", "commitment_kind_known", names(CommitmentKind.values())),
                new Check("inquiry.report", "report_kind_known", names(ReportKind.values())),
                new Check("inquiry.report", "report_requester_known", names(Requester.values())),
                new Check("inquiry.consent", "consent_purpose_known", names(Purpose.values())),
                new Check("objection.objection", "objection_status_known", names(ObjectionStatus.values())),
                new Check("objection.objection", "objection_outcome_known", names(Outcome.values())),
                new Check("scoring.review", "review_outcome_check", names(ReviewOutcome.values())),
                new Check("account.rights_request", "rights_request_kind_known", names(RightsRequestKind.values())),
                new Check("account.rights_request", "rights_request_channel_known",
                        names(RightsRequestChannel.values())),
                new Check("account.rights_request", "rights_request_outcome_known",
                        names(RightsRequestOutcome.values())),
                new Check("subject.subject", "subject_document_type_known", names(DocumentType.values())),
                new Check("subject.further_document", "further_document_type_known", names(DocumentType.values())),
                new Check("exchange.received", "received_kind_known", names(MessageKind.values())),
                new Check("exchange.outbox", "outbox_kind_check", names(MessageKind.values())),
                // Our records' states, or an entry's two as the exchange format names them (OutgoingMessages).
                new Check("exchange.outbox", "outbox_status_known", union(names(RecordStatus.values()),
                        names(MessageKind.values()), Set.of("EFFECTIVE", "EXITED"))));
        for (Check check : checks) {
            String definition = jdbc.sql("""
                            SELECT pg_get_constraintdef(oid) FROM pg_constraint
                            WHERE conrelid = ?::regclass AND conname = ? AND contype = 'c'""")
                    .params(check.table(), check.constraint()).query(String.class).single();
            assertThat(literals(definition)).as(check.table() + " " + check.constraint() + ": " + definition)
                    .isEqualTo(new TreeSet<>(check.values()));
        }
    }

    private static Set<String> literals(String definition) {
        Set<String> found = new TreeSet<>();
        Matcher literal = LITERAL.matcher(definition);
        while (literal.find()) {
            found.add(literal.group(1));
        }
        return found;
    }

    private static Set<String> names(Enum<?>[] values) {
        return new TreeSet<>(Arrays.stream(values).map(Enum::name).toList());
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return new TreeSet<>(Stream.of(sets).flatMap(Set::stream).toList());
    }
}
