package cn.chengxin.account;

import java.io.Serial;
import java.io.Serializable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import cn.chengxin.account.domain.CitizenAccountReview;
import cn.chengxin.account.domain.CitizenAccountReview.Action;
import cn.chengxin.account.persistence.JdbcAccounts;
import cn.chengxin.audit.AuditCategory;
import cn.chengxin.audit.AuditDetail;
import cn.chengxin.audit.AuditEntry;
import cn.chengxin.audit.AuditLog;
import cn.chengxin.audit.AuditResult;
import cn.chengxin.shared.City;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.subject.PersonalDataProtection;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The credit office's window for citizen accounts (gaps review #1): an account registered with someone else's name and
 * number is found by the number the person shows (turned into its pseudonym at once, never kept or shown in clear),
 * then suspended, resumed or unbound by two staff members ({@link CitizenAccountReview}). Unbinding deletes the account
 * and its sealed phone, so that the person registers with their own phone; the credit file is the subject's and stays,
 * but what the account chose for the subject is set aside by the modules that own it ({@link CitizenAccountUnbound}).
 * The phone the account had is told of every change. Each step is audited under the subject's pseudonym.
 * <p>
 * A person whose phone number is no longer theirs and who forgot the password (gaps review xxix K4) keeps their account
 * and its choices: the clerk types their new phone, which the real-name provider must know as theirs and which proves
 * itself by the code texted to it and read out at the window ({@link CitizenPhones}); only then is the new phone
 * proposed, and it is bound when another staff member approves. No {@link CitizenAccountUnbound} is published.
 */
@Service
public class CitizenAccountDesk {

    private static final int MAX_REASON = 500;

    private final JdbcAccounts accounts;
    private final CitizenAccounts citizens;
    private final CitizenPhones phones;
    private final SubjectRegistry subjects;
    private final PersonalDataProtection protection;
    private final SmsDispatch sms;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final City city;

    CitizenAccountDesk(JdbcAccounts accounts, CitizenAccounts citizens, CitizenPhones phones, SubjectRegistry subjects,
                       PersonalDataProtection protection, SmsDispatch sms, AuditLog audit,
                       ApplicationEventPublisher events, Clock clock, City city) {
        this.city = city;
        this.accounts = accounts;
        this.citizens = citizens;
        this.phones = phones;
        this.subjects = subjects;
        this.protection = protection;
        this.sms = sms;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** What the page shows of an account: the name and the number masked, the phone masked. */
    public record AccountView(UUID accountId, String maskedName, String maskedNumber, String phoneMasked,
                              Instant createdAt, Instant lastLoginAt, boolean suspended) {
    }

    /**
     * A proposal waiting for a second staff member, as the page lists it.
     *
     * @param newPhoneMasked the phone a {@link Action#REBIND_PHONE} proposal binds, masked; else {@code null}
     */
    public record ProposalView(UUID id, UUID accountId, String maskedName, String maskedNumber, Action action,
                               String reason, String proposedBy, String proposerName, Instant proposedAt,
                               String newPhoneMasked) {
    }

    /**
     * A new phone typed at the window, checked and texted its code, waiting for the code the person reads out: kept in
     * the clerk's session, the phone sealed and the code hashed ({@link CitizenPhones.PendingPhone}).
     */
    public record PendingRebind(CitizenPhones.PendingPhone phone, String reason) implements Serializable {

        @Serial
        private static final long serialVersionUID = 1L;

        public UUID accountId() {
            return phone.accountId();
        }

        public String phoneMasked() {
            return phone.phoneMasked();
        }
    }

    /**
     * The account of the person whose document number was typed, if any. The look-up is recorded (the subject sees it
     * in 谁查询了我), found or not.
     */
    @Transactional
    public Optional<AccountView> find(String documentType, String rawNumber) {
        IdentityDocument document = subjects.validate(CitizenAccounts.personal(documentType), rawNumber);
        String pseudonym = subjects.holderPseudonymOf(document);
        Optional<JdbcAccounts.CitizenCredentials> account = accounts.citizenBySubjectPseudonym(pseudonym);
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.lookup").subject(pseudonym)
                .by(AuditLog.currentActor()).detail(AuditDetail.of(account.isPresent() ? "ACCOUNT_FOUND" : "NO_ACCOUNT")));
        return account.map(this::view);
    }

    /** The account found a moment ago, shown again with the refusal of what was asked for it. */
    public Optional<AccountView> shown(UUID accountId) {
        return accounts.citizenById(accountId).map(this::view);
    }

    private AccountView view(JdbcAccounts.CitizenCredentials c) {
        Optional<SubjectProfile> profile = subjects.profile(c.subjectId());
        return new AccountView(c.id(), profile.map(SubjectProfile::maskedName).orElse("*"),
                profile.map(SubjectProfile::maskedNumber).orElse("*"), c.phoneMasked(), c.createdAt(),
                c.lastLoginAt(), c.suspended());
    }

    /**
     * How many suspensions and unbindings another clerk proposed wait for {@code reviewerId}'s decision (工作台, finding
     * K6): counted without reading whose accounts they are.
     */
    public long awaiting(String reviewerId) {
        return accounts.pendingCitizenProposals().stream()
                .filter(p -> CitizenAccountReview.mayDecide(p.proposedBy(), reviewerId)).count();
    }

    public List<ProposalView> pending() {
        List<JdbcAccounts.CitizenAccountProposal> proposals = accounts.pendingCitizenProposals();
        Map<UUID, SubjectProfile> profiles = new java.util.HashMap<>();
        proposals.forEach(p -> subjects.profile(p.subjectId()).ifPresent(s -> profiles.put(p.subjectId(), s)));
        return proposals.stream().map(p -> {
            SubjectProfile s = profiles.get(p.subjectId());
            return new ProposalView(p.id(), p.citizenId(), s == null ? "*" : s.maskedName(),
                    s == null ? "*" : s.maskedNumber(), Action.valueOf(p.action()), p.reason(), p.proposedBy(),
                    p.proposerName(), p.proposedAt(), p.newPhone() == null ? null : p.newPhone().masked());
        }).toList();
    }

    /** Proposes a change, with the reason (what the person showed at the window): nothing changes until approved. */
    @Transactional
    public UUID propose(UUID accountId, Action action, String reason) {
        if (CitizenAccountReview.needsNewPhone(action)) {
            throw new AccountProblem("CITIZEN_ACCOUNT_PHONE_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "更换绑定手机须填写本人的新手机号码，并由本人在窗口报出发送到新号码的验证码");
        }
        return insert(account(accountId), action, reasonOf(reason), null);
    }

    /**
     * Checks the person's new phone with the real-name provider and texts a code to it, the reason kept with it for
     * {@link #proposeRebind}; nothing is proposed yet.
     *
     * @param previous the new phone already waiting in the clerk's session, if any: a new code waits out the resend
     *                 limit
     */
    @Transactional(noRollbackFor = AccountProblem.class)
    public PendingRebind startRebind(UUID accountId, String rawPhone, String reason, PendingRebind previous) {
        String why = reasonOf(reason);
        sms.requireAvailable();
        citizens.requireVerifier();
        JdbcAccounts.CitizenCredentials c = account(accountId);
        requireApplies(Action.REBIND_PHONE, c);
        return new PendingRebind(phones.sendCode(c, rawPhone, previous == null ? null : previous.phone(),
                AuditLog.currentActor(), code -> "【信用平台】您正在" + city.creditOffice() + "服务窗口为信用平台个人账号绑定本手机号码，验证码为 "
                        + code + "，5 分钟内有效。请当面告知窗口工作人员；如非本人在窗口办理，请勿告诉任何人。"), why);
    }

    /**
     * Proposes the new phone once the code the person read out is right: nothing changes until approved. A code that
     * expired or spent its attempts is refused as the window's ({@code CITIZEN_ACCOUNT_REBIND_CODE_EXPIRED}): the clerk
     * sends a new one, where {@code CODE_EXPIRED} would tell the reader to register again.
     */
    @Transactional(noRollbackFor = AccountProblem.class)
    public UUID proposeRebind(UUID accountId, PendingRebind pending, String code) {
        try {
            phones.requireCode(pending == null ? null : pending.phone(), accountId, code);
        } catch (AccountProblem e) {
            if ("CODE_EXPIRED".equals(e.code())) {
                throw new AccountProblem("CITIZEN_ACCOUNT_REBIND_CODE_EXPIRED", DomainProblem.Kind.INVALID_INPUT,
                        "验证码已过期或输错次数过多：请重新填写本人的新号码，点击“获取验证码”发送新的验证码，由本人当面报出");
            }
            throw e;
        }
        JdbcAccounts.CitizenCredentials c = account(accountId);
        requireApplies(Action.REBIND_PHONE, c);
        return insert(c, Action.REBIND_PHONE, pending.reason(), pending.phone().newPhone());
    }

    private static String reasonOf(String reason) {
        String why = reason == null ? "" : reason.trim();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new AccountProblem("CITIZEN_ACCOUNT_REASON_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                    "请写明理由（本人到窗口核验身份的情况），不超过 " + MAX_REASON + " 字");
        }
        return why;
    }

    private UUID insert(JdbcAccounts.CitizenCredentials c, Action action, String why, JdbcAccounts.NewPhone phone) {
        Actor by = AuditLog.currentActor();
        UUID id = Ids.newId();
        if (!accounts.insertCitizenProposal(new JdbcAccounts.CitizenAccountProposal(id, c.id(), c.subjectId(),
                c.subjectPseudonym(), action.name(), why, by.actorId(), by.actorName(), clock.instant(), "PENDING",
                phone))) {
            throw new AccountProblem("CITIZEN_ACCOUNT_PROPOSAL_PENDING", DomainProblem.Kind.CONFLICT,
                    "该账号已有待审核的提议，请先由另一名工作人员处理");
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.propose").subject(c.subjectPseudonym())
                .by(by).detail(AuditDetail.of("PROPOSED").withLabel("action", "console.citizenAccounts.action." + action)));
        return id;
    }

    /** Another staff member approves: the change is made now, the account's phone is told, its sessions end. */
    @Transactional
    public void approve(UUID proposalId) {
        Actor by = AuditLog.currentActor();
        JdbcAccounts.CitizenAccountProposal p = decidable(proposalId, by, "account.citizen.approve");
        Action action = Action.valueOf(p.action());
        JdbcAccounts.CitizenCredentials c = account(p.citizenId());
        requireApplies(action, c);
        Optional<JdbcAccounts.SealedPhone> phone = accounts.phoneOfAccount(c.id());
        Instant now = clock.instant();
        switch (action) {
            case SUSPEND -> accounts.setCitizenSuspended(c.id(), now);
            case RESUME -> accounts.setCitizenSuspended(c.id(), null);
            case UNBIND -> {
                accounts.deleteCitizen(c.id());
                // What the account did for the subject was done by someone else (G1): the modules set it aside.
                events.publishEvent(new CitizenAccountUnbound(c.subjectId(), c.createdAt(), now));
            }
            // The person's own account, with what it chose for them (K4): only the phone changes.
            case REBIND_PHONE -> {
                JdbcAccounts.NewPhone next = p.newPhone();
                if (!accounts.setCitizenPhone(c.id(), next.pseudonym(), next.masked(), next.sealed(), now)) {
                    throw new AccountProblem("PHONE_TAKEN", DomainProblem.Kind.CONFLICT,
                            "该手机号码已绑定其他账号：须先在窗口处理该账号");
                }
            }
        }
        int ended = action == Action.RESUME ? 0
                : accounts.endCitizenSessions(CitizenPrincipal.sessionIndexOf(c.id()), "");
        if (!accounts.decideCitizenProposal(proposalId, "APPROVED", by.actorId(), by.actorName(), now)) {
            throw decided();
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.approve").subject(c.subjectPseudonym())
                .by(by).detail((p.newPhone() == null ? AuditDetail.of("PROPOSAL_APPROVED")
                        : AuditDetail.of("PROPOSAL_APPROVED_PHONE"))
                        .withLabel("action", "console.citizenAccounts.action." + action)
                        .with("proposer", p.proposerName()).with("sessionsEnded", ended)
                        .with("from", c.phoneMasked()).with("to", p.newPhone() == null ? null : p.newPhone().masked())));
        String masked = p.newPhone() == null ? null : p.newPhone().masked();
        phone.ifPresent(sealed -> notify(sealed, c.subjectPseudonym(), by, notice(action, masked)));
        if (p.newPhone() != null) {
            notify(p.newPhone().sealed(), c.subjectPseudonym(), by, "【信用平台】本手机号码已由" + city.creditOffice() + "绑定您的信用平台个人账号。"
                    + "忘记密码的，请在登录页点击“忘记密码？”，验证码将发送至本号码。");
        }
    }

    /** Another staff member's refusal: nothing changes, and the proposal cannot be approved afterwards. */
    @Transactional
    public void reject(UUID proposalId) {
        Actor by = AuditLog.currentActor();
        JdbcAccounts.CitizenAccountProposal p = decidable(proposalId, by, "account.citizen.reject");
        if (!accounts.decideCitizenProposal(proposalId, "REJECTED", by.actorId(), by.actorName(), clock.instant())) {
            throw decided();
        }
        audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.reject").subject(p.subjectPseudonym())
                .by(by).detail(AuditDetail.of("PROPOSAL_REJECTED")
                .withLabel("action", "console.citizenAccounts.action." + p.action()).with("proposer", p.proposerName())));
    }

    private JdbcAccounts.CitizenAccountProposal decidable(UUID proposalId, Actor by, String action) {
        JdbcAccounts.CitizenAccountProposal p = accounts.lockCitizenProposal(proposalId).orElseThrow(() ->
                new AccountProblem("CITIZEN_ACCOUNT_PROPOSAL_NOT_FOUND", DomainProblem.Kind.NOT_FOUND, "该提议不存在"));
        if (!"PENDING".equals(p.status())) {
            throw decided();
        }
        if (!CitizenAccountReview.mayDecide(p.proposedBy(), by.actorId())) {
            audit.record(AuditEntry.of(AuditCategory.SECURITY, action).subject(p.subjectPseudonym()).by(by)
                    .result(AuditResult.DENIED).detail(AuditDetail.of("OWN_PROPOSAL")));
            throw new AccountProblem("CITIZEN_ACCOUNT_SELF_REVIEW", DomainProblem.Kind.FORBIDDEN,
                    "不能审核自己提出的提议（双人复核）：须由另一名工作人员同意或不同意");
        }
        return p;
    }

    private JdbcAccounts.CitizenCredentials account(UUID accountId) {
        return accounts.lockCitizen(accountId).orElseThrow(() -> new AccountProblem("CITIZEN_ACCOUNT_NOT_FOUND",
                DomainProblem.Kind.NOT_FOUND, "该市民账号不存在（可能已注销或解绑）"));
    }

    private static void requireApplies(Action action, JdbcAccounts.CitizenCredentials c) {
        if (!CitizenAccountReview.appliesTo(action, c.suspended())) {
            throw new AccountProblem("CITIZEN_ACCOUNT_ACTION_INAPPLICABLE", DomainProblem.Kind.CONFLICT,
                    c.suspended() ? "该账号已暂停使用" : "该账号未暂停，无需恢复");
        }
    }

    private static AccountProblem decided() {
        return new AccountProblem("CITIZEN_ACCOUNT_PROPOSAL_DECIDED", DomainProblem.Kind.CONFLICT, "该提议已由他人处理");
    }

    private String notice(Action action, String newPhoneMasked) {
        return switch (action) {
            case SUSPEND -> "【信用平台】您在信用平台的个人账号已由" + city.creditOffice() + "暂停使用。如有疑问，请携带本人身份证件到" + city.creditOffice() + "服务窗口办理。";
            case RESUME -> "【信用平台】您在信用平台的个人账号已恢复使用。如非本人申请，请到" + city.creditOffice() + "服务窗口咨询。";
            case UNBIND -> "【信用平台】本手机号码绑定的信用平台个人账号，已由" + city.creditOffice() + "在核验身份后解除绑定并注销。"
                    + "如有疑问，请携带本人身份证件到" + city.creditOffice() + "服务窗口咨询。";
            case REBIND_PHONE -> "【信用平台】您的信用平台个人账号绑定的手机号码，已由" + city.creditOffice() + "在核验本人身份后更换为 "
                    + newPhoneMasked + "。如非本人办理，请携带本人身份证件到" + city.creditOffice() + "服务窗口咨询。";
        };
    }

    /** Texts the account's phone, opened on the sender thread (SmsDispatch); a failure is recorded, never the text. */
    private void notify(JdbcAccounts.SealedPhone sealed, String subjectPseudonym, Actor by, String text) {
        sms.send(() -> protection.open(sealed.cipher(), sealed.keyVersion(), CitizenAccounts.PHONE_PURPOSE), text,
                e -> audit.record(AuditEntry.of(AuditCategory.SECURITY, "account.citizen.notice")
                        .subject(subjectPseudonym).by(by).result(AuditResult.ERROR).detail(AuditDetail.of("NOTICE_NOT_TEXTED"))));
    }
}
