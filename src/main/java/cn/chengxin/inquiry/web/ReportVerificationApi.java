package cn.chengxin.inquiry.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;

import cn.chengxin.inquiry.InquirySettings;
import cn.chengxin.inquiry.LegacyReports;
import cn.chengxin.inquiry.Reports;
import cn.chengxin.inquiry.domain.LegacyReport;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.ratelimit.PerAddressLimit;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.NOT_REQUIRED;

/**
 * 报告核验 for programs (gaps review xxxvii R10): what the public page answers ({@link ReportVerification}), as JSON, for
 * a system that receives people's self-reports (an employer's HR system, a rental platform) and would otherwise have a
 * person type each number and code. Public as the page is, and for the same reason: whoever holds a report holds its
 * number and code, and the answer shows no more than the report itself does, masked (RULES.md §9: the name and the
 * number masked, counts not contents). So no key is asked for, and none would widen the answer; a key presented is
 * still checked by the API's filter, and the verification is then audited as that institution's. Without a session
 * there is no CSRF to guard against (the API's chain keeps none): the page's token protected a form posted from a
 * browser, and a program holds no cookie a third site could ride on.
 *
 * <p>The page's limit per client address, counted together with the page ({@code VERIFY_RATE_LIMITED}, 429 with
 * {@code Retry-After}), so that the API is no way round it for someone guessing codes. A wrong code and an unknown
 * number answer alike ({@code NOT_FOUND}), and are not audited, as on the page; a report found is audited about its
 * person ({@code report.verify}), whom 谁查询了我 shows it. A report the older platform issued ({@link LegacyReports},
 * gaps review xliii X6 a) is answered when no report of this platform has the number: genuine (valid or expired) with
 * {@code legacy} naming that platform, or not found alike.
 */
@RestController
@PublicEndpoint
@Tag(name = "reports", description = "经授权查询个人信用报告")
class ReportVerificationApi {

    private final Reports reports;
    private final LegacyReports legacy;
    private final Clock clock;
    private final PerAddressLimit limit;

    ReportVerificationApi(Reports reports, LegacyReports legacy, Clock clock, InquirySettings settings,
                          LimitCounters counters) {
        this.reports = reports;
        this.legacy = legacy;
        this.clock = clock;
        this.limit = ReportVerification.limit(settings, counters);
    }

    /** @param sm3 optional: the hex SM3 of the PDF the caller received, to compare with the report's */
    record VerificationRequest(@NotNull @Size(max = 40) String number, @NotNull @Size(max = 20) String code,
                               @Schema(description = "The hex SM3 (64 hex digits) of the PDF you received, to compare "
                                       + "with the report's: sm3Matches answers whether it is the PDF issued (or its "
                                       + "tagged, accessible form). Leave it out to verify the number and code only.",
                                       example = "66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0",
                                       requiredMode = NOT_REQUIRED)
                               @Pattern(regexp = "^[0-9a-fA-F]{64}$") String sm3) {

        /** The code is what proves the report is held: never print it. */
        @Override
        public String toString() {
            return "VerificationRequest[" + number + "]";
        }
    }

    /** What a verification found: on the page as a sentence. */
    enum Status {
        /**
         * Issued by this platform, within its validity, nothing it carries changed since: 真实有效; or, with
         * {@code legacy}, issued by the older platform and within its validity.
         */
        VALID,
        /** Authentic and within its validity, but what it carries changed from {@code changedOn}: obtain a new one. */
        CHANGED,
        /** Authentic, past its validity. */
        EXPIRED,
        /** No report with this number and code: a wrong code and an unknown number alike. */
        NOT_FOUND
    }

    /**
     * The page's answer (G5's rules): only {@code authentic} and {@code status} when nothing was found; the subject
     * masked; {@code requester} the institution or organisation that obtained it (null for a state organ without one),
     * never a staff member.
     */
    @Schema(name = "ReportVerification")
    record Verification(boolean authentic, Status status, ReportKind kind, String title, Instant issuedAt,
                        Instant validUntil,
                        @Schema(description = "While valid, the day (Beijing) from which what the report carries "
                                + "changed, never what; null when nothing did") LocalDate changedOn,
                        String maskedName, String maskedNumber, String requester, Integer goodRecords,
                        Integer negativeRecords, Integer lists,
                        @Schema(description = "The hex SM3 of the PDF as issued") String sm3,
                        @Schema(description = "The hex SM3 of its tagged (PDF/UA) form, null while that was never "
                                + "asked for") String taggedSm3,
                        @Schema(description = "The hex SM3 of its large-print form (大字版), null while that was "
                                + "never asked for") String largePrintSm3,
                        @Schema(description = "Whether the sm3 sent is the report's (either form); null when none was "
                                + "sent or nothing was found") Boolean sm3Matches,
                        @Schema(description = "Past its retention: its content and PDF deleted; it still verifies")
                        Boolean emptied,
                        @Schema(description = "For a report the older platform issued before the move: that platform "
                                + "and the report's days; status is then VALID or EXPIRED and nothing else is "
                                + "answered (this platform holds none of its content). Null for a report issued here")
                        Legacy legacy) {

        static final Verification NOT_FOUND = new Verification(false, Status.NOT_FOUND, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** A report the older platform issued (gaps review xliii X6 a): who issued it, and its days (Beijing). */
    @Schema(name = "LegacyReport")
    record Legacy(@Schema(description = "The older platform's name, as registered at the move") String platform,
                  LocalDate issuedOn,
                  @Schema(description = "The last day on which it is valid") LocalDate validUntil) {
    }

    @PostMapping(path = "/api/v1/reports/verifications", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "核验信用报告（程序）", description = "What the public verification page (/verify) answers, as "
            + "JSON: a report's number (报告编号) and verification code (核验码), as printed on it or carried by its QR "
            + "code, and optionally the SM3 of the PDF received. No key is needed (one presented is checked, and the "
            + "verification is audited as its institution's). status VALID (真实有效), CHANGED (authentic and valid, "
            + "what it carries changed from changedOn: obtain a new report), EXPIRED, or NOT_FOUND — a wrong code and "
            + "an unknown number answer alike, 200 with authentic false. A report found is audited about its person, "
            + "who sees the verification under 谁查询了我. A report the older platform issued before the move answers "
            + "VALID or EXPIRED with legacy (that platform, the days) and nothing else. Limited per client address "
            + "together with the page (chengxin.inquiry.verify-per-minute, 10 by default): 429 VERIFY_RATE_LIMITED "
            + "with Retry-After.")
    @Refuses(status = 429, value = "VERIFY_RATE_LIMITED")
    @Refuses(status = 503, value = "AUDIT_UNAVAILABLE")
    Verification verify(@Valid @RequestBody VerificationRequest request, HttpServletRequest http) {
        limit.take(http.getRemoteAddr(), clock.instant());
        return reports.verify(request.number(), request.code()).map(v -> answer(v, request.sm3()))
                .or(() -> legacy.verify(request.number(), request.code()).map(ReportVerificationApi::answer))
                .orElse(Verification.NOT_FOUND);
    }

    private static Verification answer(LegacyReport.Verified v) {
        return new Verification(true, v.valid() ? Status.VALID : Status.EXPIRED, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null,
                new Legacy(v.platform(), v.issuedOn(), v.validUntil()));
    }

    private static Verification answer(Reports.Verified v, String sm3) {
        Status status = !v.valid() ? Status.EXPIRED : v.changedOn() != null ? Status.CHANGED : Status.VALID;
        Boolean matches = sm3 == null ? null : sm3.toLowerCase(Locale.ROOT).equals(lower(v.sm3()))
                || sm3.toLowerCase(Locale.ROOT).equals(lower(v.taggedSm3()))
                || sm3.toLowerCase(Locale.ROOT).equals(lower(v.largePrintSm3()));
        var summary = v.summary();
        return new Verification(true, status, v.kind(), v.kindTitle(), summary.generatedAt(), summary.validUntil(),
                v.changedOn(), summary.maskedName(), summary.maskedNumber(), v.requester(), summary.goodRecords(),
                summary.negativeRecords(), summary.lists(), v.sm3(), v.taggedSm3(), v.largePrintSm3(), matches,
                v.emptied(), null);
    }

    private static String lower(String hex) {
        return hex == null ? null : hex.toLowerCase(Locale.ROOT);
    }
}
