package cn.chengxin.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.account.OwnAccount;
import cn.chengxin.inquiry.CounterHistory;
import cn.chengxin.scoring.domain.Contribution;
import cn.chengxin.scoring.domain.DimensionScore;
import cn.chengxin.subject.SubjectProfile;

/**
 * 个人信息副本: everything the platform holds about one person, as a document the person takes away (PIPL Art. 45 ¶1–2:
 * 查阅、复制, provided in time and without a cap; ¶3 portability: one common, machine-readable format). Unlike the self
 * report (RULES.md §9, two free a year, the records shown today and the latest queries) it holds every record kept,
 * shown or not, every access the person may see, and what the person gave or asked: consents, objections, repair
 * applications, commitments, statements, score reviews, the account and the services at the window (gaps review xlvi
 * AA1). The identity number and the phone are masked as on every screen (RULES.md §10); staff and system ids are left
 * out, names of the organisations kept, staff named as 谁查询了我 names them.
 *
 * @param format its name and version, so that a reader of an older copy knows its shape
 */
public record PersonalCopy(String format, Instant madeAt, String legalBasis, Identity identity, Account account,
                           List<ElectronicService> electronicService, List<CreditRecord> records, List<String> declinedItems, List<ListMembership> lists,
                           List<ReceivedMembership> listsFromOtherPlatforms, Score score,
                           List<ScorePoint> scoreHistory, Instant automatedGradingRefusedSince,
                           List<ScoreReviewRequest> scoreReviews, List<Statement> statements,
                           List<GivenConsent> consents, List<Access> accesses, List<ObjectionCase> objections,
                           List<RepairCase> repairs, List<SignedCommitment> commitments, List<Message> notices,
                           List<IssuedReport> reports, List<RightsRequestCase> rightsRequests,
                           List<CorrectionCase> corrections, List<CounterHistory.Visit> counterVisits) {

    /** The name and version of this shape: a field added keeps it, one removed or renamed needs a new version. */
    public static final String FORMAT = "chengxin-personal-copy/1";

    public record Identity(String name, String documentType, String maskedNumber, LocalDate birthDate,
                           String gender, List<SubjectProfile.ResidenceView> residences,
                           List<SubjectProfile.OccupationView> occupations) {
    }

    /**
     * The person's account (gaps review xlvi AA1 rest): the phone masked, when it was opened and its real name last
     * checked and how ({@link OwnAccount.RealNameCheck}), the last sign-in, a suspension by the credit office, what
     * the window decided about the person's accounts, and when earlier accounts were closed by the person; never a
     * secret. Citizens sign in with no second factor: the account is bound to its phone. Null when the account was
     * closed or unbound while the session lasted.
     */
    public record Account(String phoneMasked, Instant registeredAt, Instant realNameCheckedAt,
                          String realNameChecked, Instant lastSignInAt, Instant suspendedAt,
                          List<OwnAccount.WindowDecision> windowDecisions, List<Instant> earlierAccountsClosed) {
    }

    /**
     * A confirmation of electronic service (电子送达确认书) and its end: how it was given ({@code channel}), which
     * text, the day on a paper signed at the window and its archive number, and how it ended ({@code withdrawnHow}:
     * SELF_SERVICE, COUNTER, ACCOUNT_CLOSED or ACCOUNT_UNBOUND; null while in force).
     */
    public record ElectronicService(String channel, String termsVersion, Instant agreedAt, LocalDate signedOn,
                                    String paperReference, Instant withdrawnAt, String withdrawnHow) {
    }

    /** A record with its status today (shown or not: expired, revoked, repaired, archived, declined). */
    public record CreditRecord(UUID recordKey, String itemCode, String item, String department,
                               String decisionNumber, LocalDate decisionDate, String status, boolean shown,
                               LocalDate publicationEnd, Instant acceptedAt, String revocationReason,
                               Map<String, String> content) {
    }

    public record ListMembership(String listType, String rule, String legalBasis, String reasons, String department,
                                 String status, Instant effectiveFrom, LocalDate validUntil, Instant exitedAt,
                                 String exitReason, boolean disputed) {
    }

    public record ReceivedMembership(String listType, String item, String legalBasis, String department,
                                     String issuingPlatform, Instant effectiveFrom, LocalDate validUntil,
                                     boolean inForce, boolean disputed) {
    }

    /** The score as last computed and its inputs: each dimension and each record's points (PIPL Art. 24). */
    public record Score(String model, int modelVersion, Integer score, String grade, String notScoredReason,
                        Instant computedAt, List<DimensionScore> dimensions, List<Contribution> contributions) {
    }

    public record ScorePoint(Instant at, String model, int modelVersion, Integer score, String grade) {
    }

    public record ScoreReviewRequest(Instant requestedAt, String reasons, LocalDate dueOn, String outcome,
                                     String answer, Instant answeredAt) {
    }

    public record Statement(Instant at, UUID recordKey, String text) {
    }

    public record GivenConsent(String institution, String organisation, String purpose, boolean singleUse,
                               Instant grantedAt, Instant expiresAt, Instant withdrawnAt, int uses,
                               Instant lastUsedAt) {
    }

    /** An event about the person, as 谁查询了我 lists it (the person's own page views left out). */
    public record Access(long seq, Instant at, String by, String organisation, String action, String purpose,
                         String legalBasis, String result) {
    }

    public record ObjectionCase(Instant filedAt, String itemCode, String department, String reasons, String status,
                                LocalDate dueOn, String outcome, String outcomeReasons, Instant decidedAt) {
    }

    public record RepairCase(Instant filedAt, String itemCode, String decisionNumber, String performance,
                             String status, Instant decidedAt, String reasons) {
    }

    public record SignedCommitment(String kind, String text, String reference, String department, LocalDate due,
                                   Instant signedAt, String status, String breachFacts) {
    }

    public record Message(Instant at, String title, String body, Instant readAt) {
    }

    /** A report issued about the person, to whom and why; its verification code is left out of a copy handed on. */
    public record IssuedReport(String number, String kind, String requester, String organisation, String purpose,
                               Instant generatedAt, Instant validUntil, boolean contentEmptied) {
    }

    /** A request under PIPL Chapter IV made to the office (个人信息权利请求) and its answer. */
    public record RightsRequestCase(String reference, String kind, String text, Instant requestedAt, LocalDate dueOn,
                                    String outcome, String answer, String reasons, Instant answeredAt) {
    }

    /** A request to correct or complete the registry's name or birth date (更正补充请求) and where it stands. */
    public record CorrectionCase(String field, String value, String channel, LocalDate receivedOn, LocalDate dueOn,
                                 String status, String reviewerNote) {
    }
}
