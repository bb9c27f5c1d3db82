package cn.chengxin.measures;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.Department;
import cn.chengxin.account.domain.AdminKind;
import cn.chengxin.catalog.domain.Category;
import cn.chengxin.catalog.domain.Domain;
import cn.chengxin.catalog.domain.FieldType;
import cn.chengxin.catalog.domain.Nature;
import cn.chengxin.catalog.domain.Severity;
import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.catalog.domain.SubjectType;
import cn.chengxin.catalog.domain.UpdateCycle;
import cn.chengxin.commitment.domain.CommitmentKind;
import cn.chengxin.commitment.domain.CommitmentStatus;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.creditfile.RecordStatus;
import cn.chengxin.exchange.domain.PlatformLevel;
import cn.chengxin.exchange.domain.Relation;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.listing.EntryStatus;
import cn.chengxin.listing.ListNotice;
import cn.chengxin.listing.ListType;
import cn.chengxin.objection.domain.DepartmentAnswer;
import cn.chengxin.objection.domain.ObjectionPause;
import cn.chengxin.objection.domain.ObjectionStatus;
import cn.chengxin.objection.domain.Outcome;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleStatus;
import cn.chengxin.portal.tipoff.domain.TipOffStatus;
import cn.chengxin.repair.domain.RepairStatus;
import cn.chengxin.scoring.domain.ScoreModel;
import cn.chengxin.shared.calendar.DayKind;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.subject.domain.BirthDateEvidence;
import cn.chengxin.subject.domain.BirthDateProposal;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.NameChangeEvidence;
import cn.chengxin.subject.domain.NameChangeProposal;
import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.subject.domain.ResponsibleRole;
import cn.chengxin.subject.domain.SubjectKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console and self-service name scenarios, kinds of measures, lists, entry statuses, document types, kinds of
 * subject, the evidence and states of birth-date proposals, the purposes of staff look-ups, the states, outcomes,
 * answers and pauses of objections, the proceedings flagged on records, the states of repair applications, the
 * attributes of catalogue items, the states of records, the kinds and states of commitments, the purposes of consents,
 * the kinds of calendar days, the kinds of list notices, a person's residency, occupational groups and responsible
 * roles, the kinds of reports, the kinds and states of articles,
 * the states of tip-offs, the kinds of departments and API clients, the three administrators, the permissions and the
 * levels of platforms and relations to them from the message bundles, while the domain code words its refusals, notices
 * and audit events with the enums' labels (and reads a document type by its label): in Chinese, both say the same, and
 * English has each.
 */
class ConsoleLabelsTests {

    private record Label(String key, String chinese) {
    }

    @Test
    void everyEnumTheConsoleNamesHasItsChineseLabelAndAnEnglishOne() throws IOException {
        Properties chinese = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        for (Label label : labels()) {
            assertThat(chinese.getProperty(label.key())).as(label.key()).isEqualTo(label.chinese());
            assertThat(english.getProperty(label.key())).as(label.key()).isNotBlank()
                    .matches("\\p{IsLatin}[^\\p{IsHan}]*");
        }
    }

    private static List<Label> labels() {
        List<Label> labels = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            labels.add(new Label("measures.scenario." + s.name(), s.label()));
        }
        for (MeasureKind k : MeasureKind.values()) {
            labels.add(new Label("measures.kind." + k.name(), k.label()));
        }
        for (ListType t : ListType.values()) {
            labels.add(new Label("lists.type." + t.name(), t.label()));
        }
        for (EntryStatus s : EntryStatus.values()) {
            labels.add(new Label("lists.status." + s.name(), s.label()));
        }
        for (DocumentType t : DocumentType.values()) {
            labels.add(new Label("documentType." + t.name(), t.label()));
        }
        for (SubjectKind k : SubjectKind.values()) {
            labels.add(new Label("subjectKind." + k.name(), k.label()));
        }
        for (BirthDateEvidence e : BirthDateEvidence.values()) {
            labels.add(new Label("birthDates.evidence." + e.name(), e.label()));
        }
        for (BirthDateProposal.Status s : BirthDateProposal.Status.values()) {
            labels.add(new Label("birthDates.status." + s.name(), s.label()));
        }
        for (NameChangeEvidence e : NameChangeEvidence.values()) {
            labels.add(new Label("nameChanges.evidence." + e.name(), e.label()));
        }
        for (NameChangeProposal.Status s : NameChangeProposal.Status.values()) {
            labels.add(new Label("nameChanges.status." + s.name(), s.label()));
        }
        for (StaffQueryPurpose p : StaffQueryPurpose.values()) {
            labels.add(new Label("console.subjects.purpose." + p.name(), p.label()));
        }
        for (ObjectionStatus s : ObjectionStatus.values()) {
            labels.add(new Label("objections.status." + s.name(), s.label()));
        }
        for (Outcome o : Outcome.values()) {
            labels.add(new Label("objections.outcome." + o.name(), o.label()));
        }
        for (DepartmentAnswer a : DepartmentAnswer.values()) {
            labels.add(new Label("objectionAnswers.answer." + a.name(), a.label()));
        }
        for (ObjectionPause.Kind k : ObjectionPause.Kind.values()) {
            labels.add(new Label("objections.pauseKind." + k.name(), k.label()));
        }
        for (RecordProceeding.Kind k : RecordProceeding.Kind.values()) {
            labels.add(new Label("objections.proceedingKind." + k.name(), k.label()));
        }
        for (RepairStatus s : RepairStatus.values()) {
            labels.add(new Label("repairs.status." + s.name(), s.label()));
        }
        for (SubjectType t : SubjectType.values()) {
            labels.add(new Label("catalog.subjectType." + t.name(), t.label()));
        }
        for (Nature n : Nature.values()) {
            labels.add(new Label("catalog.nature." + n.name(), n.label()));
        }
        for (Category c : Category.values()) {
            labels.add(new Label("catalog.category." + c.name(), c.label()));
        }
        for (Domain d : Domain.values()) {
            labels.add(new Label("catalog.domain." + d.name(), d.label()));
        }
        for (Severity s : Severity.values()) {
            labels.add(new Label("catalog.severity." + s.name(), s.label()));
        }
        for (Sharing s : Sharing.values()) {
            labels.add(new Label("catalog.sharing." + s.name(), s.label()));
        }
        for (UpdateCycle c : UpdateCycle.values()) {
            labels.add(new Label("catalog.cycle." + c.name(), c.label()));
        }
        for (FieldType t : FieldType.values()) {
            labels.add(new Label("catalog.fieldType." + t.name(), t.label()));
        }
        for (RecordStatus s : RecordStatus.values()) {
            labels.add(new Label("file.status." + s.name(), s.label()));
        }
        for (CommitmentKind k : CommitmentKind.values()) {
            labels.add(new Label("commitments.kind." + k.name(), k.label()));
        }
        for (CommitmentStatus s : CommitmentStatus.values()) {
            labels.add(new Label("commitments.status." + s.name(), s.label()));
        }
        for (Purpose p : Purpose.values()) {
            labels.add(new Label("me.consent.purpose." + p.name(), p.label()));
        }
        for (DayKind k : DayKind.values()) {
            labels.add(new Label("calendar.kind." + k.name(), k.label()));
        }
        for (ListNotice.Kind k : ListNotice.Kind.values()) {
            labels.add(new Label("lists.noticeKind." + k.name(), k.label()));
        }
        for (ResidencyKind k : ResidencyKind.values()) {
            labels.add(new Label("console.subjects.residency." + k.name(), k.label()));
        }
        for (OccupationalGroup g : OccupationalGroup.values()) {
            labels.add(new Label("console.subjects.occupation." + g.name(), g.label()));
        }
        for (ResponsibleRole r : ResponsibleRole.values()) {
            labels.add(new Label("console.subjects.role." + r.name(), r.label()));
        }
        for (ReportKind k : ReportKind.values()) {
            labels.add(new Label("reports.kind." + k.name(), k.title()));
        }
        for (ArticleKind k : ArticleKind.values()) {
            labels.add(new Label("cases.kind." + k.name(), k.label()));
        }
        for (ArticleStatus st : ArticleStatus.values()) {
            labels.add(new Label("content.status." + st.name(), st.label()));
        }
        for (TipOffStatus st : TipOffStatus.values()) {
            labels.add(new Label("tipoffs.status." + st.name(), st.label()));
        }
        for (Department.Kind k : Department.Kind.values()) {
            labels.add(new Label("console.departments.kind." + k.name(), k.label()));
        }
        for (ApiClient.Kind k : ApiClient.Kind.values()) {
            labels.add(new Label("console.apiClients.kind." + k.name(), k.label()));
        }
        for (AdminKind k : AdminKind.values()) {
            labels.add(new Label("console.roles.adminKind." + k.name(), k.label()));
        }
        for (PlatformLevel l : PlatformLevel.values()) {
            labels.add(new Label("exchange.level." + l.name(), l.label()));
        }
        for (Relation r : Relation.values()) {
            labels.add(new Label("exchange.relation." + r.name(), r.label()));
        }
        for (Permission p : Permission.values()) {
            labels.add(new Label("permission." + p.name(), p.label()));
        }
        return labels;
    }

    /**
     * A score model is data the credit office may edit, labels included: Chinese pages show the model's own label, so
     * the Chinese bundle names no dimension or grade; English names those of the preset models.
     */
    @Test
    void thePresetScoreModelsAreNamedInEnglishAndInChineseByTheModelItself() throws IOException {
        Properties chinese = bundle("messages.properties");
        Properties english = bundle("messages_en.properties");
        for (ScoreModel preset : List.of(ScoreModel.weihai(), ScoreModel.fiveLabels())) {
            List<String> keys = new ArrayList<>();
            preset.dimensions().forEach(d -> keys.add("me.score.dimension." + d.code()));
            preset.grades().forEach(g -> keys.add("me.score.grade." + g.grade()));
            for (String key : keys) {
                assertThat(english.getProperty(key)).as(key).isNotBlank();
                assertThat(chinese.getProperty(key)).as(key).isNull();
            }
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(ConsoleLabelsTests.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
