package cn.chengxin.measures;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.MeasureNames;
import cn.chengxin.listing.RuleName;
import cn.chengxin.measures.domain.MeasureReach;
import cn.chengxin.measures.persistence.JdbcMeasures;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.jdbc.AfterCommit;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The measures catalogue, cached: the check path reads it on every call. Every instance reads it again as often as
 * the check index follows the lists, so that a measure turned off on one instance is off on all within a second. A
 * revision or a switch is proposed by one person and applied once another approves it (双人复核, issue #5).
 */
@Service
public class MeasureCatalogue implements MeasureNames {

    private final JdbcMeasures store;
    private final AuditLog audit;
    private final StaffDirectory directory;
    /** Asked when it is needed: the listing module asks this catalogue for the measures its notices name. */
    private final ObjectProvider<Listing> listing;
    private final Clock clock;
    private final CachedMeasures cached;

    MeasureCatalogue(JdbcMeasures store, AuditLog audit, StaffDirectory directory, ObjectProvider<Listing> listing,
                     Clock clock, CachedMeasures cached) {
        this.clock = clock;
        this.cached = cached;
        this.listing = listing;
        this.store = store;
        this.audit = audit;
        this.directory = directory;
    }

    public List<Measure> all() {
        return cached.all();
    }

    /** A dozen rows: read whole, rather than followed by a change feed. */
    @Scheduled(fixedDelayString = "${chengxin.measures.index-refresh:PT0.25S}")
    void refresh() {
        cached.read();
    }

    /**
     * Proposes turning a measure on or off (the credit office), audited: it waits for another person's approval
     * ({@link #approve}) before any check follows it (issue #5: what decides punishments is changed by two people).
     */
    @Transactional
    public MeasureChange proposeSwitch(String code, boolean enabled) {
        stored(code);
        MeasureChange change = proposed(code, MeasureChange.Kind.SWITCH, null, enabled);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, enabled ? "measures.enable.propose"
                : "measures.disable.propose").by(AuditLog.currentActor()).detail(MeasureDetails.change(
                AuditDetail.of(enabled ? "MEASURE_ENABLE_PROPOSED" : "MEASURE_DISABLE_PROPOSED"), change)));
        return change;
    }

    /**
     * Proposes a revision of what a measure says — its name, legal basis, implementing departments (or every
     * department, {@code allDepartments}, chosen explicitly: RULES.md §7), the lists it follows, its scenarios, whether it rewards a clean record, the kinds of subject it
     * reaches and the list rules it is limited to (none: every rule of its lists) — refused with every reason when the
     * measure could not stand ({@link Measure#problems()}), names a department the platform does not have, or a rule
     * that is not one of its lists'. Its kind and its switch stay, and whether it reaches responsible persons. Audited
     * with what would change; it waits for another person's approval ({@link #approve}) before any check follows it.
     */
    @Transactional
    public MeasureChange proposeRevision(String code, String name, String legalBasis, Set<String> departments,
                                        boolean allDepartments, Set<ListType> listTypes, Set<Scenario> scenarios,
                                        boolean cleanRecord, Set<SubjectKind> subjectKinds, Set<String> ruleCodes) {
        Measure before = stored(code);
        return proposeRevision(code, name, legalBasis, departments, allDepartments, listTypes, scenarios, cleanRecord,
                subjectKinds, ruleCodes, before.reachesResponsiblePersons(), before.responsiblePersonsBasis());
    }

    /**
     * The revision above, which keeps whether the measure reaches responsible persons as it is, saying that too: whether
     * it falls on the responsible persons of an organisation with an entry it follows, and on what legal basis
     * ({@link Measure#reachesResponsiblePersons()}, 法释〔2015〕17号 第三条第二款; review xxv H2). Extended to them, it
     * reaches them only for entries that take effect from the day after approval.
     */
    @Transactional
    public MeasureChange proposeRevision(String code, String name, String legalBasis, Set<String> departments,
                                        boolean allDepartments, Set<ListType> listTypes, Set<Scenario> scenarios,
                                        boolean cleanRecord, Set<SubjectKind> subjectKinds, Set<String> ruleCodes,
                                        boolean reachesResponsiblePersons, String responsiblePersonsBasis) {
        // Named and quoted in every check's answer and notice (RULES.md §10: no identity number in clear there).
        TypedText.requireNoIdentityNumber("name", "措施名称", name);
        TypedText.requireNoIdentityNumber("legalBasis", "措施依据", legalBasis);
        TypedText.requireNoIdentityNumber("responsiblePersonsBasis", "适用于单位负责人的依据", responsiblePersonsBasis);
        Measure before = stored(code);
        Measure after = new Measure(code, strip(name), before.kind(), strip(legalBasis), departments, allDepartments,
                listTypes, scenarios, cleanRecord, before.enabled(), subjectKinds, ruleCodes, null,
                reachesResponsiblePersons, strip(responsiblePersonsBasis));
        requireValid(after);
        MeasureChange change = proposed(code, MeasureChange.Kind.REVISION, after, null);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "measures.revise.propose").by(AuditLog.currentActor())
                .detail(MeasureDetails.revision(AuditDetail.of("MEASURE_REVISION_PROPOSED"), change,
                        changes(before, after))));
        return change;
    }

    /** The changes waiting for a second person's decision, oldest first. */
    public List<MeasureChange> pendingChanges() {
        return store.pendingChanges();
    }

    /** How many changes proposed by someone else wait for {@code reviewerId}'s decision (工作台, finding K6). */
    public long changesAwaiting(String reviewerId) {
        return pendingChanges().stream().filter(c -> !reviewerId.equals(c.proposedBy())).count();
    }

    /**
     * The checker's approval: the change is applied, audited as before with what changed; this instance's checks
     * follow it at once, the others within a second. What it adds to a measure (switched on, another list, rule,
     * kind of subject or scenario) reaches only the entries that take effect from the day after; what it takes away
     * reaches every entry at once ({@link MeasureReach}). Never by whoever proposed it; of two reviewers at once, one
     * decides. A revision is asked again, as the departments may have changed while it waited.
     */
    @Transactional
    public void approve(UUID changeId, String note) {
        TypedText.requireNoIdentityNumber("note", "审核意见", note);
        Actor by = AuditLog.currentActor();
        MeasureChange change = pending(changeId);
        if (change.proposedBy().equals(by.actorId())) {
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "measures.change.approve").by(by)
                    .result(AuditResult.DENIED).detail(MeasureDetails.change(AuditDetail.of("MEASURE_OWN_CHANGE"),
                            change)));
            throw new MeasuresProblem("MEASURE_SELF_APPROVAL", DomainProblem.Kind.FORBIDDEN,
                    "不能审核自己提出的措施变更（双人复核）");
        }
        Measure before = stored(change.measureCode());
        if (change.kind() == MeasureChange.Kind.REVISION) {
            requireValid(change.revision());
        }
        decide(change, MeasureChange.Status.APPROVED, by, note == null || note.isBlank() ? null : note.strip());
        if (change.kind() == MeasureChange.Kind.SWITCH) {
            store.enable(change.measureCode(), change.enabled());
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, change.enabled() ? "measures.enable"
                    : "measures.disable").by(by).detail(MeasureDetails.change(
                    AuditDetail.of(change.enabled() ? "MEASURE_ENABLED" : "MEASURE_DISABLED"), change)));
        } else {
            store.revise(change.revision());
            audit.record(AuditEntry.of(AuditCategory.PROCESSING, "measures.revise").by(by)
                    .detail(MeasureDetails.revision(AuditDetail.of("MEASURE_REVISED"), change,
                            changes(before, change.revision()))));
        }
        // What it reaches now, kept with the day from which what it adds applies (H7, RULES.md §7): entries already
        // in force keep the measures their notice named; what it takes away applies at once.
        store.addVersion(change.id(), MeasureReach.appliesFrom(LocalDate.now(clock)), stored(change.measureCode()));
        // This instance's checks follow it at once once it is committed; the others at their next refresh.
        AfterCommit.run(cached::approved);
    }

    /** The checker sends a change back with a reason: the measure stays as it is. */
    @Transactional
    public void reject(UUID changeId, String note) {
        if (note == null || note.isBlank()) {
            throw new MeasuresProblem("REVIEW_NOTE_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "退回须写明理由");
        }
        TypedText.requireNoIdentityNumber("note", "退回理由", note);
        Actor by = AuditLog.currentActor();
        MeasureChange change = pending(changeId);
        decide(change, MeasureChange.Status.REJECTED, by, note.strip());
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "measures.change.reject").by(by)
                .detail(MeasureDetails.change(AuditDetail.of("MEASURE_CHANGE_REJECTED"), change)));
    }

    private MeasureChange proposed(String code, MeasureChange.Kind kind, Measure revision, Boolean enabled) {
        Actor by = AuditLog.currentActor();
        MeasureChange change = new MeasureChange(Ids.newId(), code, kind, revision, enabled, by.actorId(),
                by.actorName(), clock.instant(), MeasureChange.Status.PENDING, null, null, null, null);
        if (!store.propose(change)) {
            throw new MeasuresProblem("MEASURE_CHANGE_PENDING", DomainProblem.Kind.CONFLICT,
                    "该措施有待审核的变更，审核完成前不能再修改或启停");
        }
        return change;
    }

    private MeasureChange pending(UUID changeId) {
        return store.change(changeId).filter(c -> c.status() == MeasureChange.Status.PENDING)
                .orElseThrow(MeasureCatalogue::decided);
    }

    private void decide(MeasureChange change, MeasureChange.Status outcome, Actor by, String note) {
        if (!store.decide(change.id(), outcome, by.actorId(), by.actorName(), clock.instant(), note)) {
            throw decided();
        }
    }

    private static MeasuresProblem decided() {
        return new MeasuresProblem("MEASURE_CHANGE_NOT_PENDING", DomainProblem.Kind.CONFLICT,
                "该措施变更不在待审核状态（可能已由他人处理）");
    }

    private Measure stored(String code) {
        return store.measures().stream().filter(m -> m.code().equals(code)).findFirst().orElseThrow(() ->
                new MeasuresProblem("MEASURE_UNKNOWN", DomainProblem.Kind.NOT_FOUND, "没有这项措施：" + code));
    }

    private void requireValid(Measure measure) {
        List<String> problems = new ArrayList<>(measure.problems());
        Set<String> known = directory.departments().stream().map(Department::code).collect(Collectors.toSet());
        measure.departments().stream().filter(d -> !known.contains(d)).sorted()
                .forEach(d -> problems.add("没有这个部门：" + d));
        if (!measure.ruleCodes().isEmpty()) {
            Map<String, ListType> rules = listing.getObject().ruleNames().stream()
                    .collect(Collectors.toMap(RuleName::code, RuleName::listType));
            measure.ruleCodes().stream().sorted().forEach(r -> {
                if (!rules.containsKey(r)) {
                    problems.add("没有这个认定规则：" + r);
                } else if (!measure.listTypes().contains(rules.get(r))) {
                    problems.add("认定规则 " + r + " 属于" + rules.get(r).label() + "，不在所选的适用名单中");
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new MeasuresProblem("MEASURE_INVALID", DomainProblem.Kind.INVALID_INPUT, String.join("；", problems));
        }
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    /**
     * What a revision changed, field by field ({@code field: before → after}, by the catalogue's field names, which are
     * the API's), for the audit log (the log is the measure's history); empty when nothing did.
     */
    private static String changes(Measure before, Measure after) {
        List<String> changed = new ArrayList<>();
        change(changed, "name", before.name(), after.name());
        change(changed, "legalBasis", before.legalBasis(), after.legalBasis());
        change(changed, "departments", sorted(before.departments()), sorted(after.departments()));
        change(changed, "allDepartments", before.allDepartments(), after.allDepartments());
        change(changed, "lists", sorted(before.listTypes()), sorted(after.listTypes()));
        change(changed, "scenarios", sorted(before.scenarios()), sorted(after.scenarios()));
        change(changed, "cleanRecord", before.cleanRecord(), after.cleanRecord());
        change(changed, "subjectKinds", sorted(before.subjectKinds()), sorted(after.subjectKinds()));
        change(changed, "rules", sorted(before.ruleCodes()), sorted(after.ruleCodes()));
        change(changed, "responsiblePersons", before.reachesResponsiblePersons(), after.reachesResponsiblePersons());
        change(changed, "responsiblePersonsBasis", before.responsiblePersonsBasis(), after.responsiblePersonsBasis());
        return String.join("; ", changed);
    }

    private static void change(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field + ": " + before + " → " + after);
        }
    }

    private static List<String> sorted(Set<?> values) {
        return values.stream().map(String::valueOf).sorted().toList();
    }

    /** Whether the department may check in this scenario: some enabled measure there is implemented by it. */
    public boolean mayCheck(String department, Scenario scenario) {
        return cached.mayCheck(department, scenario);
    }

    /**
     * {@inheritDoc} The measures the checks apply to such an entry that took effect at {@code effectiveFrom}, as the
     * catalogue stands: those that reached it on its day and still do ({@link MeasureReach}). A change approved after
     * the notice applies from a later day, so the notice names what the checks answer unless a measure is narrowed
     * or switched off since (then it stops at once).
     */
    @Override
    public String forEntry(ListType type, String ruleCode, SubjectKind subject, Instant effectiveFrom) {
        LocalDate day = effectiveFrom == null ? LocalDate.MAX : LocalDate.ofInstant(effectiveFrom, clock.getZone());
        return all().stream().filter(m -> m.enabled() && m.listTypes().contains(type) && m.follows(ruleCode)
                        && m.subjectKinds().contains(subject) && m.reach().reaches(type, ruleCode, subject, null, day))
                .map(Measure::name).collect(Collectors.joining("；"));
    }
}
