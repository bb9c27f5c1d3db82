package cn.chengxin.measures.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import cn.chengxin.listing.ListType;
import cn.chengxin.measures.Scenario;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * Which list entries a measure reaches, by the day each took effect: the approved states of what it reaches, oldest
 * first, each with the day from which it applies (RULES.md §7: the notice names the measures, and each rests on its
 * legal basis; 国办发〔2020〕49号 过罚相当).
 *
 * <p>An entry keeps the measures its effective notice named: those in force on the day it took effect. A change that
 * adds a measure (switches it on) or widens it — to another list, rule, kind of subject or scenario — applies only to
 * entries that take effect from the day after its approval ({@link #appliesFrom}): an entry that took effect on the
 * approval day had its notice before the change existed. A change that narrows a measure or switches it off applies at
 * once, to every entry (it favours the person). So a measure reaches an entry only as the state in force on the
 * entry's day and every state approved since allow: one switched off and on again, or dropped from a list and added
 * back, does not return to the entries listed meanwhile or before — their notice is not revived by a later decision.
 * Which departments implement a measure is no part of it: the notice names the measure, not who carries it out.
 *
 * <p>{@code versions} empty: nothing was recorded (a measure built in memory), and it reaches as it now says.
 */
public record MeasureReach(List<Version> versions) {

    /** Nothing recorded: the measure reaches every entry as it now says. */
    public static final MeasureReach UNRECORDED = new MeasureReach(List.of());

    public MeasureReach {
        versions = List.copyOf(versions);
    }

    /**
     * One approved state of what a measure reaches; {@code appliesFrom} null: as it stood when the days began to be
     * kept (V212), for every entry whenever it took effect.
     */
    public record Version(LocalDate appliesFrom, boolean enabled, Set<ListType> listTypes, Set<String> ruleCodes,
                          Set<Scenario> scenarios, Set<SubjectKind> subjectKinds, boolean responsiblePersons) {

        public Version {
            listTypes = Set.copyOf(listTypes);
            ruleCodes = Set.copyOf(ruleCodes);
            scenarios = Set.copyOf(scenarios);
            subjectKinds = Set.copyOf(subjectKinds);
        }

        /** A state that does not reach an organisation's responsible persons. */
        public Version(LocalDate appliesFrom, boolean enabled, Set<ListType> listTypes, Set<String> ruleCodes,
                       Set<Scenario> scenarios, Set<SubjectKind> subjectKinds) {
            this(appliesFrom, enabled, listTypes, ruleCodes, scenarios, subjectKinds, false);
        }

        /** Whether it reaches an entry on {@code list} by {@code ruleCode} in {@code scenario} (null: in any). */
        boolean reaches(ListType list, String ruleCode, SubjectKind subject, Scenario scenario) {
            return enabled && listTypes.contains(list) && follows(ruleCodes, ruleCode) && subjectKinds.contains(subject)
                    && (scenario == null || scenarios.contains(scenario));
        }
    }

    /**
     * Whether a measure limited to {@code ruleCodes} (none: every rule of its lists) follows an entry of
     * {@code ruleCode} (null: an entry under no rule, which no rule limit admits).
     */
    public static boolean follows(Set<String> ruleCodes, String ruleCode) {
        return ruleCodes.isEmpty() || ruleCode != null && ruleCodes.contains(ruleCode);
    }

    /**
     * The first day of effect of the entries a change approved on {@code approvedOn} reaches, if it widens: the next
     * day, so that every entry it reaches has its effective notice after the change (an entry takes effect at 00:00
     * and is told then).
     */
    public static LocalDate appliesFrom(LocalDate approvedOn) {
        return approvedOn.plusDays(1);
    }

    /**
     * Whether the measure reaches an entry on {@code list} by {@code ruleCode}, of a subject of {@code subject} kind,
     * in {@code scenario} (null: in some scenario, as the notice names it), that took effect on {@code effectiveDay}
     * (null: unknown, before any change was recorded): the state in force that day and every state since reach it. On
     * every check's path, for each entry a measure would follow: an entry that took effect since the last change (most
     * of them) costs one comparison.
     */
    public boolean reaches(ListType list, String ruleCode, SubjectKind subject, Scenario scenario,
                           LocalDate effectiveDay) {
        return reaches(v -> v.reaches(list, ruleCode, subject, scenario), effectiveDay);
    }

    /**
     * Whether the measure reaches the responsible persons of an organisation with an entry on {@code list} by
     * {@code ruleCode} that took effect on {@code effectiveDay}, in {@code scenario} (法释〔2015〕17号 第三条第二款): as
     * {@link #reaches} for a person, and each of those states extended it to responsible persons — added since, it
     * reaches only the entries that take effect from its day, as any widening.
     */
    public boolean reachesResponsiblePersons(ListType list, String ruleCode, Scenario scenario,
                                             LocalDate effectiveDay) {
        return reaches(v -> v.responsiblePersons() && v.reaches(list, ruleCode, SubjectKind.PERSON, scenario),
                effectiveDay);
    }

    private boolean reaches(Predicate<Version> reaching, LocalDate effectiveDay) {
        int last = versions.size() - 1;
        if (last < 0 || inForceOn(versions.get(last), effectiveDay)) {
            return last < 0 || reaching.test(versions.get(last));
        }
        for (int i = last; i >= 0; i--) {
            Version version = versions.get(i);
            if (!reaching.test(version)) {
                return false;
            }
            if (inForceOn(version, effectiveDay)) {
                return true;
            }
        }
        return false; // it took effect before the measure was recorded at all: the measure came after it
    }

    private static boolean inForceOn(Version version, LocalDate day) {
        return version.appliesFrom() == null || day != null && !version.appliesFrom().isAfter(day);
    }

    /** What of a measure reaches only entries that took effect from a day. */
    public enum Aspect {
        /** The measure itself: switched on since. */
        MEASURE,
        LIST,
        RULE,
        /** Every rule of its lists, and entries under none, except the rules it followed before. */
        OTHER_RULES,
        SUBJECT_KIND,
        SCENARIO,
        /** The responsible persons of an organisation with such an entry. */
        RESPONSIBLE_PERSONS
    }

    /** {@code aspect} {@code value} (an enum's or a rule's code; none for MEASURE and OTHER_RULES) from {@code from}. */
    public record Since(Aspect aspect, String value, LocalDate from) {
    }

    /**
     * What the measure reaches now only for entries that took effect from a day, and that day, for the catalogue page
     * (适用于…起生效的名单): a state of it that reaches every entry, whenever it took effect, is not named.
     */
    public List<Since> widenings() {
        List<Since> since = new ArrayList<>();
        if (versions.isEmpty()) {
            return since;
        }
        Version now = versions.get(versions.size() - 1);
        add(since, Aspect.MEASURE, null, Version::enabled);
        now.listTypes().stream().sorted().forEach(l -> add(since, Aspect.LIST, l.name(), v -> v.listTypes().contains(l)));
        if (now.ruleCodes().isEmpty()) {
            add(since, Aspect.OTHER_RULES, null, v -> v.ruleCodes().isEmpty());
        } else {
            now.ruleCodes().stream().sorted().forEach(r -> add(since, Aspect.RULE, r, v -> follows(v.ruleCodes(), r)));
        }
        now.subjectKinds().stream().sorted().forEach(k -> add(since, Aspect.SUBJECT_KIND, k.name(),
                v -> v.subjectKinds().contains(k)));
        now.scenarios().stream().sorted().forEach(s -> add(since, Aspect.SCENARIO, s.name(),
                v -> v.scenarios().contains(s)));
        if (now.responsiblePersons()) {
            add(since, Aspect.RESPONSIBLE_PERSONS, null, Version::responsiblePersons);
        }
        return since;
    }

    /** The day of the earliest state of the unbroken run of the latest ones that have {@code it}, if it has one. */
    private void add(List<Since> since, Aspect aspect, String value, Predicate<Version> it) {
        int first = versions.size() - 1;
        if (!it.test(versions.get(first))) {
            return;
        }
        while (first > 0 && it.test(versions.get(first - 1))) {
            first--;
        }
        LocalDate from = versions.get(first).appliesFrom();
        if (from != null) {
            since.add(new Since(aspect, value, from));
        }
    }
}
