package cn.chengxin.inquiry;

import java.io.IOException;
import java.io.Reader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.ApiInstitution;
import cn.chengxin.account.InstitutionViolations;
import cn.chengxin.account.NoticeArg;
import cn.chengxin.account.Notices;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.GuardianRelation;
import cn.chengxin.inquiry.domain.MigratedConsent;
import cn.chengxin.inquiry.domain.RowRefusal;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.inquiry.persistence.JdbcMigratedConsents;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.GuardianConsent;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.Masking;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Consents carried over from the older platform (gaps review xliii X6 b; PIPL Art. 15: a consent stands until
 * withdrawn), by {@link ImportConsentsCommand}: each row of its export stored as a consent granted then, to the
 * institution here with the row's unified social credit code (one that may query reports, not banned by the violation
 * register), through the channel {@code migration}; audited {@code consent.migrate} about the person, who sees it in
 * 谁查询了我 and 授权管理 like any consent and withdraws it alike; and each person told once, by one notice (消息通知)
 * listing the institutions. A rerun carries over nothing twice (the old consent's person, institution, purpose and
 * grant are its key) and tells only whom a stopped run did not. Its terms come with it: a single-use consent answers one
 * query and then shows 已使用, as one granted here; a guardian's (监护人代为授权) is kept with the guardian's name and
 * relation ({@code inquiry.migrated_consent}, V940) and shown in 授权管理 with the name masked.
 *
 * <p>Refused rows, with their line and reason: a number failing its standard (the resident identity number's check
 * digit, RULES.md: the reason is the rejection's code, never the number), a person the register does not know (load
 * the person's records first: a consent needs a file to query), a child under 14 at the grant who consented without a
 * guardian (RULES.md §6, PIPL Art. 31: only the guardian's consent stands, as at the window here), an unknown or
 * ambiguous credit code, an institution that may not query or is banned, and what {@link MigratedConsent#row} refuses
 * (an end already past among them).
 */
@Service
public class MigratedConsents {

    static final String CHANNEL = "migration";
    static final String NOTICE = "CONSENTS_MIGRATED";
    private static final int PEOPLE_PER_NOTICE_PASS = 500;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    static final String TITLE = "您在原平台给予的查询授权已迁入本平台";

    private final JdbcInquiry store;
    private final JdbcMigratedConsents migrated;
    private final ApiClients clients;
    private final InstitutionViolations violations;
    private final SubjectRegistry subjects;
    private final AuditLog audit;
    private final Notices notices;
    private final TransactionTemplate transactions;
    private final Clock clock;

    MigratedConsents(JdbcInquiry store, JdbcMigratedConsents migrated, ApiClients clients,
                     InstitutionViolations violations, SubjectRegistry subjects, AuditLog audit, Notices notices,
                     TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.migrated = migrated;
        this.clients = clients;
        this.violations = violations;
        this.subjects = subjects;
        this.audit = audit;
        this.notices = notices;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What an import did: consents carried over, carried over before (a rerun), rows refused, people told now. */
    public record Imported(int migrated, int already, List<RowRefusal> refused, int peopleTold) {
    }

    /** Carries over the old system's export (CSV, UTF-8, a header line {@link MigratedConsent#COLUMNS}). */
    public Imported importCsv(Reader csv) throws IOException {
        Instant now = clock.instant();
        Map<String, List<ApiInstitution>> byCode = new HashMap<>();
        clients.liveInstitutions(Permission.API_REPORT_QUERY).stream()
                .filter(i -> i.kind() == ApiClient.Kind.INSTITUTION && i.creditCode() != null)
                .forEach(i -> byCode.computeIfAbsent(i.creditCode().toUpperCase(Locale.ROOT), c -> new ArrayList<>())
                        .add(i));
        int done = 0;
        int already = 0;
        List<RowRefusal> refused = new ArrayList<>();
        for (ImportCsv.Line line : ImportCsv.read(csv, MigratedConsent.COLUMNS,
                MigratedConsent.REQUIRED_COLUMNS)) {
            if (line.refusal() != null) {
                refused.add(line.refusal());
                continue;
            }
            MigratedConsent.Row row = MigratedConsent.row(line.number(), line.fields(), now);
            if (row.refusal() != null) {
                refused.add(row.refusal());
                continue;
            }
            MigratedConsent c = row.consent();
            String fault = null;
            UUID subjectId = null;
            ApiInstitution institution = null;
            try {
                IdentityDocument document = subjects.validate(DocumentType.RESIDENT_ID, c.identityNumber());
                subjectId = subjects.find(document).orElse(null);
                if (subjectId == null) {
                    fault = "identity_number: no such person in the register (load the person's records first)";
                } else if (!c.byGuardian() && GuardianConsent.required(subjects.profile(subjectId)
                        .map(SubjectProfile::birthDate).orElse(null), day(c.grantedAt()))) {
                    fault = "guardian_name: empty, and the person was under 14 at the grant (RULES.md §6: only a"
                            + " guardian's consent stands)";
                }
            } catch (RuntimeException invalid) {
                if (!(invalid instanceof DomainProblem problem)) {
                    throw invalid;
                }
                fault = "identity_number: " + problem.code();
            }
            if (fault == null) {
                List<ApiInstitution> found = byCode.getOrDefault(c.creditCode(), List.of());
                if (found.size() != 1) {
                    fault = found.isEmpty() ? "institution_credit_code: no institution here that may query reports"
                            : "institution_credit_code: held by " + found.size() + " institutions here";
                } else if (violations.bans(found.get(0))) {
                    fault = "institution_credit_code: the institution is banned (违规机构名单)";
                } else {
                    institution = found.get(0);
                }
            }
            if (fault != null) {
                refused.add(new RowRefusal(line.number(), fault));
            } else if (carriedOver(subjectId, institution, c)) {
                done++;
            } else {
                already++;
            }
        }
        return new Imported(done, already, List.copyOf(refused), tellUntold());
    }

    /** Those of the person's consents that came from the older platform: 授权管理 marks them 自原平台迁入. */
    public Set<UUID> migratedAmong(List<Consent> consents) {
        return migrated.migratedAmong(consents.stream().map(Consent::id).toList());
    }

    /** A guardian who consented on the older platform, as 授权管理 shows them: the name masked (RULES.md §10). */
    public record Guardian(String maskedName, GuardianRelation relation) {
    }

    /** The guardians of those of the person's consents a guardian gave on the older platform, by consent. */
    public Map<UUID, Guardian> guardiansAmong(List<Consent> consents) {
        Map<UUID, Guardian> guardians = new HashMap<>();
        migrated.guardiansAmong(consents.stream().map(Consent::id).toList()).forEach((id, g) ->
                guardians.put(id, new Guardian(Masking.personName(g.name()), g.relation())));
        return guardians;
    }

    /**
     * Carries one consent over, unless carried over before (a file imported again): false then. The person was found
     * before this transaction; a join approved since moved the joined subject's consents already, so the consent is
     * the kept subject's, and a join approving now waits for it (98号 三(一); RULES.md §1).
     */
    private boolean carriedOver(UUID found, ApiInstitution institution, MigratedConsent c) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            UUID subjectId = subjects.keptSubjectHoldingJoins(found);
            if (migrated.exists(subjectId, institution.id(), c.purpose(), c.grantedAt())) {
                return false;
            }
            carryOver(subjectId, institution, c);
            return true;
        }));
    }

    /** In the caller's transaction. */
    private void carryOver(UUID subjectId, ApiInstitution institution, MigratedConsent c) {
        Consent consent = new Consent(Ids.newId(), subjectId, institution.id(), institution.name(),
                institution.organisation(), c.purpose(), c.singleUse(), c.grantedAt(), c.expiresAt(), null, 0, null);
        String pseudonym = subjects.pseudonymOf(subjectId).orElseThrow();
        AuditDetail detail = AuditDetail.of(c.byGuardian() ? "CONSENT_MIGRATED_GUARDIAN" : "CONSENT_MIGRATED_TERMS")
                .with("organisation", consent.organisation())
                .withLabel("purpose", "me.consent.purpose." + consent.purpose().name())
                .with("granted", day(consent.grantedAt())).with("until", day(consent.expiresAt()))
                .withLabel("uses", c.singleUse() ? "counterConsents.once" : "counterConsents.many");
        store.insertConsent(consent, CHANNEL);
        migrated.insert(consent.id(), subjectId, institution.id(), c);
        audit.record(AuditEntry.of(AuditCategory.PROCESSING, "consent.migrate").subject(pseudonym)
                .consent(consent.id().toString())
                .detail(!c.byGuardian() ? detail : detail.with("guardian", Masking.personName(c.guardianName()))
                        .withLabel("relation", "consent.guardianRelation." + c.guardianRelation().name())));
    }

    /**
     * Tells each person with carried-over consents not told yet, by one notice listing the institutions, and marks
     * them told in the same transaction; a few hundred people at a time. Returns how many people were told.
     */
    int tellUntold() {
        int told = 0;
        while (true) {
            Integer pass = transactions.execute(tx -> {
                List<UUID> people = migrated.untoldSubjects(PEOPLE_PER_NOTICE_PASS);
                if (people.isEmpty()) {
                    return 0;
                }
                Map<UUID, Set<String>> organisations = new LinkedHashMap<>();
                List<UUID> consents = new ArrayList<>();
                for (JdbcMigratedConsents.Untold u : migrated.untoldOf(people)) {
                    organisations.computeIfAbsent(u.subjectId(), s -> new LinkedHashSet<>()).add(u.organisation());
                    consents.add(u.consentId());
                }
                notices.notifyAll(NOTICE, "/me/consents", NOTICE, organisations.entrySet().stream()
                        .map(e -> new Notices.Addressed(e.getKey(), TITLE, body(e.getValue()),
                                List.of(NoticeArg.text(String.join("、", e.getValue())))))
                        .toList());
                migrated.markTold(consents, clock.instant());
                return organisations.size();
            });
            if (pass == null || pass == 0) {
                return told;
            }
            told += pass;
        }
    }

    static String body(Set<String> organisations) {
        return "您此前在原平台授权以下机构查询您的信用报告，授权已随平台迁移转入本平台，按原用途和有效期继续有效："
                + String.join("、", organisations) + "。可在“授权管理”查看或随时撤回；如您未曾授权，请撤回并反映。";
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, CHINA);
    }
}
