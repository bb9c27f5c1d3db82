package cn.chengxin.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.domain.BreachIncident;
import cn.chengxin.account.persistence.JdbcBreachIncidents;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.DomainProblem.Kind;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.web.ControlCharacters;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.subject.domain.SubjectKind;
import cn.chengxin.subject.domain.TypedText;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 个人信息安全事件告知 (PIPL Art. 57; gaps review xlvi AA8): when personal information leaks, is tampered with or lost,
 * the office tells the persons concerned what happened — the categories of information, the cause, the possible harm,
 * the remedies taken, what the person can do and whom to contact. A security administrator opens the incident with
 * those fields and when and to whom it was reported; uploads files of the persons' identity numbers, resolved by the
 * registry's blind index as the list migrations' files are ({@link SubjectRegistry#findAll}) and never kept, only
 * counted; another security administrator approves the notice (maker-checker, RULES.md §10); then it is sent to each
 * person's 消息通知 and, where their account has a phone, as a text through the notices' outbox. Each person is
 * notified once: a row per person and incident, marked in the transaction that writes the person's notice, so a second
 * sending or one resumed after a crash notifies only those not yet notified. Every step is audited with its counts.
 */
@Service
public class BreachNotices {

    /** Persons notified per transaction: a crash loses at most one chunk's work, which the next sending redoes. */
    static final int CHUNK = 500;

    private static final int LOOKUP = 1000;

    private final JdbcBreachIncidents store;
    private final SubjectRegistry subjects;
    private final Notices notices;
    private final AuditLog audit;
    private final Clock clock;
    private final TransactionTemplate transaction;

    BreachNotices(JdbcBreachIncidents store, SubjectRegistry subjects, Notices notices, AuditLog audit, Clock clock,
                  PlatformTransactionManager transactions) {
        this.store = store;
        this.subjects = subjects;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** What Art. 57 ¶1 says the notice holds, and when and to whom the incident was reported. */
    public record Opening(String categories, String cause, String harm, String remedies, String personCanDo,
                          String contact, Instant foundAt, Instant reportedAt, String reportedTo) {
    }

    /**
     * What an upload of identity numbers came to: persons new to the incident, numbers not found, lines not one.
     * Serializable: the console shows it after the redirect, from the session kept in the database.
     */
    public record Upload(int added, int unmatched, int invalid) implements java.io.Serializable {
    }

    public List<BreachIncident> incidents() {
        return store.all();
    }

    /** Opens an incident with the notice's fields; every field is required and holds no identity number. */
    @Transactional
    public BreachIncident open(Opening o) {
        String[][] fields = {{"categories", "涉及的个人信息种类", o.categories()}, {"cause", "事件原因", o.cause()},
                {"harm", "可能造成的危害", o.harm()}, {"remedies", "已采取的补救措施", o.remedies()},
                {"personCanDo", "个人可以采取的减轻危害的措施", o.personCanDo()}, {"contact", "联系方式", o.contact()},
                {"reportedTo", "报告的履行个人信息保护职责的部门", o.reportedTo()}};
        for (String[] f : fields) {
            if (!BreachIncident.acceptable(f[2]) || ControlCharacters.in(f[2])) {
                throw new AccountProblem("INCIDENT_FIELD", Kind.INVALID_INPUT, "请填写" + f[1] + "（不超过 "
                        + BreachIncident.MAX_TEXT + " 字）：《个人信息保护法》第五十七条");
            }
            // The notice goes to many people: it may name nobody's number (RULES.md §10).
            TypedText.requireNoIdentityNumber(f[0], f[1], f[2]);
        }
        Instant now = clock.instant();
        if (!BreachIncident.timesHold(o.foundAt(), o.reportedAt(), now)) {
            throw new AccountProblem("INCIDENT_TIMES", Kind.INVALID_INPUT,
                    "请填写发现时间和报告时间：均不晚于现在，报告时间不早于发现时间");
        }
        Actor by = AuditLog.currentActor();
        UUID id = Ids.newId();
        long number = store.insert(id, o.categories().strip(), o.cause().strip(), o.harm().strip(),
                o.remedies().strip(), o.personCanDo().strip(), o.contact().strip(), o.foundAt(), o.reportedAt(),
                o.reportedTo().strip(), by.actorId(), by.actorName(), now);
        BreachIncident incident = store.find(id).orElseThrow();
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.incident.open")
                .detail(AuditDetail.of("INCIDENT_OPENED").with("number", incident.reference())
                        .with("reportedTo", incident.reportedTo())));
        return incident;
    }

    /**
     * Adds the persons concerned from a file of identity numbers, one a line (the first field of a comma- or
     * tab-separated line; blank lines skipped): each valid personal number found in the registry adds its subject once,
     * the rest are only counted. Refused once the notice is approved: what was approved is what is sent.
     */
    @Transactional
    public Upload addPersons(UUID id, InputStream file) {
        BreachIncident incident = store.lock(id).orElseThrow(BreachNotices::unknown);
        if (incident.approved()) {
            throw new AccountProblem("INCIDENT_APPROVED", Kind.CONFLICT,
                    "告知已经批准：批准后不能再增加涉及的个人");
        }
        if (file == null) {
            throw new AccountProblem("INCIDENT_FILE", Kind.INVALID_INPUT, "请选择涉及个人的身份证件号码文件");
        }
        int unmatched = 0;
        int invalid = 0;
        int read = 0;
        int added = 0;
        List<IdentityDocument> pending = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String number = firstField(line);
                if (number.isEmpty()) {
                    continue;
                }
                read++;
                IdentityDocument document = document(number);
                if (document == null) {
                    invalid++;
                    continue;
                }
                pending.add(document);
                if (pending.size() == LOOKUP) {
                    int[] counts = resolve(id, pending);
                    added += counts[0];
                    unmatched += counts[1];
                    pending.clear();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        int[] counts = resolve(id, pending);
        added += counts[0];
        unmatched += counts[1];
        if (read == 0) {
            throw new AccountProblem("INCIDENT_FILE", Kind.INVALID_INPUT, "文件中没有身份证件号码：每行一个号码");
        }
        store.addRecipients(id, List.of(), unmatched, invalid);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.incident.persons")
                .detail(AuditDetail.of("INCIDENT_PERSONS").with("number", incident.reference()).with("read", read)
                        .with("added", added).with("unmatched", unmatched).with("invalid", invalid)));
        return new Upload(added, unmatched, invalid);
    }

    /** Adds the subjects these documents name; returns {persons added, numbers not found}. */
    private int[] resolve(UUID id, List<IdentityDocument> documents) {
        if (documents.isEmpty()) {
            return new int[] {0, 0};
        }
        Map<String, SubjectRegistry.Found> found = subjects.findAll(documents);
        Set<UUID> concerned = new LinkedHashSet<>();
        int unmatched = 0;
        for (IdentityDocument d : documents) {
            SubjectRegistry.Found f = found.get(subjects.pseudonymOf(d));
            if (f == null) {
                unmatched++;
            } else {
                concerned.add(f.id());
            }
        }
        return new int[] {store.addRecipients(id, concerned, 0, 0), unmatched};
    }

    /** A personal identity number, or null for a line that is none (a header, a typing error, an organisation's code). */
    private IdentityDocument document(String number) {
        try {
            IdentityDocument document = subjects.validate(null, number);
            return document.subjectKind() == SubjectKind.PERSON ? document : null;
        } catch (InvalidIdentityException e) {
            return null;
        }
    }

    private static String firstField(String line) {
        String s = line.startsWith("\uFEFF") ? line.substring(1) : line;
        int end = s.length();
        for (char c : new char[] {',', '\t', ';'}) {
            int at = s.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return s.substring(0, end).strip();
    }

    /**
     * A second security administrator approves the notice as worded, for the persons added so far. The opener may not
     * (RULES.md §10); the refusal is audited.
     */
    @Transactional
    public void approve(UUID id) {
        Actor by = AuditLog.currentActor();
        BreachIncident incident = store.lock(id).orElseThrow(BreachNotices::unknown);
        if (incident.approved()) {
            throw new AccountProblem("INCIDENT_APPROVED", Kind.CONFLICT, "告知已经批准（可能已由他人批准）");
        }
        if (!BreachIncident.mayApprove(incident.openedBy(), by.actorId())) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.incident.approve").result(AuditResult.DENIED)
                    .detail(AuditDetail.of("INCIDENT_OWN_APPROVAL").with("number", incident.reference())));
            throw new AccountProblem("INCIDENT_SELF_APPROVAL", Kind.FORBIDDEN,
                    "不能批准自己登记的安全事件告知：须由另一名安全管理员批准");
        }
        if (incident.matched() == 0) {
            throw new AccountProblem("INCIDENT_NO_PERSONS", Kind.CONFLICT,
                    "尚未上传涉及的个人，或上传的号码都不在平台：没有可以告知的人");
        }
        if (!store.approve(id, by.actorId(), by.actorName(), clock.instant())) {
            throw new AccountProblem("INCIDENT_APPROVED", Kind.CONFLICT, "告知已经批准（可能已由他人批准）");
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.incident.approve")
                .detail(AuditDetail.of("INCIDENT_APPROVED").with("number", incident.reference())
                        .with("persons", incident.matched()).with("opener", incident.openedByName())));
    }

    /**
     * Sends the approved notice to every person concerned not yet notified, {@link #CHUNK} at a time, each chunk's
     * notices and its marks in one transaction; returns how many were notified now (0 on a second sending).
     */
    public int send(UUID id) {
        BreachIncident incident = store.find(id).orElseThrow(BreachNotices::unknown);
        if (!incident.approved()) {
            throw new AccountProblem("INCIDENT_NOT_APPROVED", Kind.CONFLICT,
                    "告知须经另一名安全管理员批准后才能发送");
        }
        int sent = 0;
        for (int chunk = sendChunk(incident); chunk > 0; chunk = sendChunk(incident)) {
            sent += chunk;
        }
        int now = sent;
        transaction.executeWithoutResult(t -> audit.record(AuditEntry.of(AuditCategory.SECURITY,
                "account.incident.send").detail(AuditDetail.of("INCIDENT_SENT").with("number", incident.reference())
                .with("sent", now).with("total", store.find(id).orElseThrow().notified())
                .with("persons", incident.matched()))));
        return sent;
    }

    private int sendChunk(BreachIncident incident) {
        Integer sent = transaction.execute(t -> {
            List<UUID> chunk = store.claimUnnotified(incident.id(), CHUNK);
            if (chunk.isEmpty()) {
                return 0;
            }
            String reference = incident.reference();
            String title = "个人信息安全事件告知（" + reference + "）：请登录信用平台查看消息通知";
            String body = "本平台发生个人信息安全事件（编号 " + reference + "），涉及您的个人信息。涉及的信息种类："
                    + incident.categories() + "。事件原因：" + incident.cause() + "。可能造成的危害：" + incident.harm()
                    + "。已采取的补救措施：" + incident.remedies() + "。您可以采取的措施：" + incident.personCanDo()
                    + "。联系方式：" + incident.contact() + "。";
            List<NoticeArg> args = List.of(NoticeArg.text(reference), NoticeArg.text(incident.categories()),
                    NoticeArg.text(incident.cause()), NoticeArg.text(incident.harm()),
                    NoticeArg.text(incident.remedies()), NoticeArg.text(incident.personCanDo()),
                    NoticeArg.text(incident.contact()));
            notices.notifyAll("BREACH_NOTICE", null, "BREACH_NOTICE",
                    chunk.stream().map(s -> new Notices.Addressed(s, title, body, args)).toList());
            store.markNotified(incident.id(), chunk, clock.instant());
            return chunk.size();
        });
        return sent == null ? 0 : sent;
    }

    private static AccountProblem unknown() {
        return new AccountProblem("INCIDENT_UNKNOWN", Kind.NOT_FOUND, "没有这个个人信息安全事件");
    }
}
