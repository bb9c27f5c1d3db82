package cn.chengxin.ingestion;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.creditfile.StoreOutcome;
import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.subject.domain.RegisteredMembership;
import cn.chengxin.subject.domain.RegisteredResidence;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.subject.domain.SubjectProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A residency or occupation record's content as the registry's residence or membership (gaps review xxviii J1). */
class DeliveredRegistrationsTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @Test
    void aHouseholdRowIsAnOpenResidenceAndAPermitRowWithAnEndAClosedOne() {
        assertThat(DeliveredRegistrations.fact("P_RESIDENCY", Map.of("kind", "户籍", "region_code", " 411702 ",
                "since", "2010-05-01"), TODAY))
                .isEqualTo(new RegisteredResidence(ResidencyKind.HOUSEHOLD, "411702", LocalDate.of(2010, 5, 1), null));
        assertThat(DeliveredRegistrations.fact("P_RESIDENCY", Map.of("kind", "常住", "region_code", "411702",
                "since", "2020-01-01", "until", "2026-12-05"), TODAY))
                .isEqualTo(new RegisteredResidence(ResidencyKind.HABITUAL, "411702", LocalDate.of(2020, 1, 1),
                        TODAY));
    }

    @Test
    void aResidenceOfAnUnknownRegionOrThatEndsBeforeItStartsOrTomorrowIsRefused() {
        assertThatThrownBy(() -> DeliveredRegistrations.fact("P_RESIDENCY", Map.of("kind", "户籍",
                "region_code", "991702", "since", "2010-05-01"), TODAY))
                .isInstanceOfSatisfying(SubjectProblem.class,
                        p -> assertThat(p.code()).isEqualTo("RESIDENCE_REGION_INVALID"));
        assertThatThrownBy(() -> DeliveredRegistrations.fact("P_RESIDENCY", Map.of("kind", "户籍",
                "region_code", "41170", "since", "2010-05-01"), TODAY))
                .isInstanceOfSatisfying(SubjectProblem.class,
                        p -> assertThat(p.code()).isEqualTo("RESIDENCE_REGION_INVALID"));
        assertThatThrownBy(() -> DeliveredRegistrations.fact("P_RESIDENCY", Map.of("kind", "户籍",
                "region_code", "411702", "since", "2010-05-01", "until", "2010-04-30"), TODAY))
                .isInstanceOfSatisfying(SubjectProblem.class,
                        p -> assertThat(p.code()).isEqualTo("REGISTRY_PERIOD_INVALID"));
        assertThatThrownBy(() -> DeliveredRegistrations.fact("P_RESIDENCY", Map.of("kind", "户籍",
                "region_code", "411702", "since", "2010-05-01", "until", "2026-12-06"), TODAY))
                .isInstanceOfSatisfying(SubjectProblem.class,
                        p -> assertThat(p.code()).isEqualTo("REGISTRY_PERIOD_INVALID"));
        assertThatThrownBy(() -> DeliveredRegistrations.fact("P_RESIDENCY", Map.of("kind", "暂住",
                "region_code", "411702", "since", "2010-05-01"), TODAY))
                .isInstanceOfSatisfying(SubjectProblem.class,
                        p -> assertThat(p.code()).isEqualTo("REGISTRY_CHOICE_UNKNOWN"));
    }

    @Test
    void anOccupationRowIsAMembershipWhoseEndMayStillBeToCome() {
        assertThat(DeliveredRegistrations.fact("P_OCCUPATION", Map.of("group", "执业药师", "since", "2019-03-01",
                "until", "2029-02-28", "issued_by", " 河南省药品监督管理局 "), TODAY))
                .isEqualTo(new RegisteredMembership(OccupationalGroup.LICENSED_PHARMACIST, LocalDate.of(2019, 3, 1),
                        LocalDate.of(2029, 2, 28), "河南省药品监督管理局"));
    }

    @Test
    void onlyStoredVersionsAreWrittenAndARevocationTakesTheFactAway() {
        UUID person = UUID.randomUUID();
        UUID key = UUID.randomUUID();
        Map<String, String> household = Map.of("kind", "户籍", "region_code", "411702", "since", "2010-05-01");
        List<NewRecord> records = List.of(record(person, "P_RESIDENCY", RecordAction.ADD, household),
                record(person, "P_RESIDENCY", RecordAction.REVOKE, household),
                record(person, "P_RESIDENCY", RecordAction.ADD, household),
                record(person, "P_COURT_DEFAULTER", RecordAction.ADD, Map.of()));
        List<StoreOutcome> outcomes = List.of(new StoreOutcome(StoreOutcome.Kind.STORED, key, null, null),
                new StoreOutcome(StoreOutcome.Kind.STORED, key, null, null),
                new StoreOutcome(StoreOutcome.Kind.DUPLICATE, UUID.randomUUID(), null, null),
                new StoreOutcome(StoreOutcome.Kind.STORED, UUID.randomUUID(), null, null));
        java.util.List<Object> calls = new java.util.ArrayList<>();
        DeliveredRegistrations.facts(records, outcomes, calls::add, calls::add);
        assertThat(calls).hasSize(1);
        @SuppressWarnings("unchecked")
        List<cn.chengxin.subject.DeliveredFact<RegisteredResidence>> residences =
                (List<cn.chengxin.subject.DeliveredFact<RegisteredResidence>>) calls.get(0);
        assertThat(residences).extracting(f -> f.recordKey(), f -> f.fact() == null)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(key, false),
                        org.assertj.core.groups.Tuple.tuple(key, true));
    }

    private static NewRecord record(UUID person, String item, RecordAction action, Map<String, String> content) {
        return new NewRecord(person, item, 1, "PUBLIC_SECURITY", "R1", 1, action, null, LocalDate.of(2025, 4, 1),
                content, null, null, "f", null, null, null);
    }
}
