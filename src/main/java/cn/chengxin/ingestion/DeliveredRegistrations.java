package cn.chengxin.ingestion;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import cn.chengxin.catalog.domain.BaseCatalogue;
import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.creditfile.RecordAction;
import cn.chengxin.creditfile.StoreOutcome;
import cn.chengxin.subject.DeliveredFact;
import cn.chengxin.subject.domain.OccupationalGroup;
import cn.chengxin.subject.domain.RegisteredMembership;
import cn.chengxin.subject.domain.RegisteredResidence;
import cn.chengxin.subject.domain.ResidencyKind;
import cn.chengxin.subject.domain.SubjectProblem;

/**
 * The registry's residency and occupational groups as departments deliver them (gaps review xxviii J1; issue #2: the
 * registry keeps "occupational group memberships (the key groups in RULES.md §1); residency (户籍 / 常住)"): a record of
 * P_RESIDENCY (the public security bureau's household or residence-permit registration: kind, region, since, until)
 * or of P_OCCUPATION (a key occupational group: group, since, until, issuing authority) is stored in the credit file
 * like any record, and, in the same transaction, written to the person's residences or memberships: a new record adds
 * one, a correction corrects it, a revocation removes it. Scoring rescores the chunk's subjects once it commits
 * ({@code RecordsChanged}), so a resident is scored, and one whose residence ended is not, without waiting for the
 * nightly run. A row whose residence or membership the registry would not take is refused before it is stored.
 */
final class DeliveredRegistrations {

    static final String KIND = "kind";
    static final String REGION = "region_code";
    static final String GROUP = "group";
    static final String SINCE = "since";
    static final String UNTIL = "until";
    static final String ISSUED_BY = "issued_by";

    private DeliveredRegistrations() {
    }

    /** Why the row's residence or membership cannot be registered, as the row's problem; empty when it can. */
    static Optional<RowError> refusal(RowValidator.Valid v, LocalDate today) {
        if (v.action() == RecordAction.REVOKE || !feeds(v.item().code())) {
            return Optional.empty();
        }
        try {
            fact(v.item().code(), v.content(), today);
            return Optional.empty();
        } catch (SubjectProblem p) {
            String field = switch (p.code()) {
                case "RESIDENCE_REGION_INVALID" -> REGION;
                case "REGISTRY_CHOICE_UNKNOWN" -> BaseCatalogue.RESIDENCY.equals(v.item().code()) ? KIND : GROUP;
                default -> UNTIL;
            };
            return Optional.of(new RowError(v.line(), "fields." + field, p.code(), p.getMessage()));
        }
    }

    /**
     * Hands the residences and memberships of the chunk's stored records to the registry's writers (replays and
     * refusals give none: a replay's fact was written when it was stored, in the same transaction).
     */
    static void facts(List<NewRecord> records, List<StoreOutcome> outcomes,
                      Consumer<List<DeliveredFact<RegisteredResidence>>> toResidences,
                      Consumer<List<DeliveredFact<RegisteredMembership>>> toMemberships) {
        List<DeliveredFact<RegisteredResidence>> residences = new ArrayList<>();
        List<DeliveredFact<RegisteredMembership>> memberships = new ArrayList<>();
        for (int i = 0; i < outcomes.size(); i++) {
            NewRecord r = records.get(i);
            if (!feeds(r.itemCode()) || outcomes.get(i).kind() != StoreOutcome.Kind.STORED) {
                continue;
            }
            Object fact = r.action() == RecordAction.REVOKE ? null : fact(r.itemCode(), r.content(), LocalDate.MAX);
            if (BaseCatalogue.RESIDENCY.equals(r.itemCode())) {
                residences.add(new DeliveredFact<>(r.subjectId(), outcomes.get(i).recordKey(),
                        (RegisteredResidence) fact));
            } else {
                memberships.add(new DeliveredFact<>(r.subjectId(), outcomes.get(i).recordKey(),
                        (RegisteredMembership) fact));
            }
        }
        if (!residences.isEmpty()) {
            toResidences.accept(residences);
        }
        if (!memberships.isEmpty()) {
            toMemberships.accept(memberships);
        }
    }

    /** Whether records of the item feed the registry. */
    static boolean feeds(String itemCode) {
        return BaseCatalogue.RESIDENCY.equals(itemCode) || BaseCatalogue.OCCUPATION.equals(itemCode);
    }

    /**
     * The residence or membership a record's content states (the row validator has checked its fields against the
     * item: the choices are labels, the dates are dates).
     *
     * @throws SubjectProblem when the registry would not take it
     */
    static Object fact(String itemCode, Map<String, String> content, LocalDate today) {
        LocalDate since = date(content.get(SINCE));
        LocalDate until = date(content.get(UNTIL));
        if (BaseCatalogue.RESIDENCY.equals(itemCode)) {
            return RegisteredResidence.of(ResidencyKind.ofLabel(content.get(KIND)).orElseThrow(() -> unknown(KIND)),
                    content.get(REGION), since, until, today);
        }
        return RegisteredMembership.of(OccupationalGroup.ofLabel(content.get(GROUP))
                .orElseThrow(() -> unknown(GROUP)), since, until, content.get(ISSUED_BY));
    }

    /** A choice the registry has no value for (the credit office changed the item's choices). */
    private static SubjectProblem unknown(String field) {
        return new SubjectProblem("REGISTRY_CHOICE_UNKNOWN", SubjectProblem.Kind.INVALID_INPUT,
                "字段 " + field + " 的取值不是信用主体库认可的" + (KIND.equals(field) ? "登记类别（户籍、常住）" : "重点职业人群"));
    }

    private static LocalDate date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException notInOneForm) {
            throw new IllegalStateException("a validated date field is not a date: " + value, notInOneForm);
        }
    }
}
