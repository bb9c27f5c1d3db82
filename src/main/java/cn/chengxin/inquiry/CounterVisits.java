package cn.chengxin.inquiry;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import cn.chengxin.account.Notices;
import cn.chengxin.account.WindowPhoneCodes;
import cn.chengxin.inquiry.domain.CounterPaper;
import cn.chengxin.inquiry.domain.InquiryProblem;
import cn.chengxin.inquiry.persistence.JdbcCounterPapers;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.Ids;
import cn.chengxin.shared.files.Attachments;
import cn.chengxin.shared.privacy.IdentityRedaction;
import org.springframework.stereotype.Component;

/**
 * A counter service kept with what it rests on (gaps review xxxi M2): the visit with its identity check, the papers
 * scanned with it, and the person told at once, so that a clerk acting without the person is found out by the person.
 */
@Component
class CounterVisits {

    private static final java.util.regex.Pattern MOBILE = java.util.regex.Pattern.compile("1[3-9][0-9]{9}");

    private final JdbcInquiry store;
    private final JdbcCounterPapers papers;
    private final Notices notices;
    private final WindowPhoneCodes phoneCodes;

    CounterVisits(JdbcInquiry store, JdbcCounterPapers papers, Notices notices, WindowPhoneCodes phoneCodes) {
        this.phoneCodes = phoneCodes;
        this.store = store;
        this.papers = papers;
        this.notices = notices;
    }

    /**
     * Refuses a request that could not be kept or told: without the papers ({@link CounterPaper#requireFor}), or for a
     * person with no account phone ({@code known} empty: not yet registered) without a valid phone typed at the
     * window, or with one its code did not confirm. Called before anything is stored.
     *
     * @return the papers' content types, in order
     */
    List<String> requireComplete(CounterRequest request, java.util.Optional<UUID> known) {
        List<String> types = CounterPaper.requireFor(request.papers(), request.check());
        if (!known.map(notices::texted).orElse(false)) {
            if (!MOBILE.matcher(request.phone()).matches()) {
                throw new InquiryProblem("COUNTER_PHONE_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                        "本人没有绑定手机号码的个人中心账号：请填写本人（或监护人）的 11 位手机号码，办理结果将以短信告知");
            }
            requireConfirmedPhone(request);
        }
        return types;
    }

    /**
     * Gaps review xxxi M2 (rest): the phone typed at the window is the person's only once they read out the code
     * texted to it ({@link WindowPhoneCodes}); until then nothing but the code is texted to it. Refused
     * {@code COUNTER_PHONE_CODE_REQUIRED} (no code sent to this phone), {@code COUNTER_PHONE_CODE_EXPIRED} or
     * {@code COUNTER_PHONE_CODE_WRONG} (counted: five spend the code).
     */
    private void requireConfirmedPhone(CounterRequest request) {
        try {
            phoneCodes.confirm(request.phoneSent(), request.phone(), request.phoneCode());
        } catch (CodedProblem refused) {
            throw switch (refused.code()) {
                case "CODE_WRONG" -> new InquiryProblem("COUNTER_PHONE_CODE_WRONG", DomainProblem.Kind.INVALID_INPUT,
                        "短信验证码不正确：请本人核对发送到其手机的验证码后重新填写（输错 5 次须重新发送）");
                case "CODE_EXPIRED" -> new InquiryProblem("COUNTER_PHONE_CODE_EXPIRED",
                        DomainProblem.Kind.INVALID_INPUT, "短信验证码已过期或输错次数过多：请重新发送验证码，由本人当面报出");
                default -> new InquiryProblem("COUNTER_PHONE_CODE_REQUIRED", DomainProblem.Kind.INVALID_INPUT,
                        "请先向本人填写的手机号码发送短信验证码，由本人当面报出后填写：未经验证的号码不能接收办理结果");
            };
        }
    }

    /**
     * The phone a decision taken later is texted to: the one typed at the window (confirmed by its code), unless the
     * person's account has a phone, which the notice reaches anyway.
     */
    String phoneToText(UUID subjectId, CounterRequest request) {
        return notices.texted(subjectId) ? "" : request.phone();
    }

    /** Keeps the visit and its papers, in the caller's transaction. */
    void keep(JdbcInquiry.CounterVisit visit, CounterRequest request, List<String> types) {
        store.insertCounterVisit(visit);
        for (int i = 0; i < request.papers().size(); i++) {
            CounterPaper paper = request.papers().get(i);
            // Named as on screens: a number in a file name is masked before it is kept (RULES.md §10).
            papers.insert(Ids.newId(), visit.id(), paper.kind().name(), IdentityRedaction.redact(paper.filename()),
                    types.get(i), paper.content(), Attachments.sha256(paper.content()), visit.servedAt());
        }
    }

    /**
     * Tells the person: one notice in self-service, texted to the account's phone, or else to the phone typed at the
     * window (the title only, as every notice's text). Sent after the caller's transaction commits.
     */
    void tell(UUID subjectId, String kind, String title, String body, String link, CounterRequest request) {
        tell(subjectId, kind, title, body, link, request.phone());
    }

    /** As {@link #tell(UUID, String, String, String, String, CounterRequest)}, to a phone kept since the window. */
    void tell(UUID subjectId, String kind, String title, String body, String link, String phone) {
        notices.notifyOrText(subjectId, kind, title, body, link, phone);
    }

    static String day(Instant at) {
        java.time.LocalDate date = java.time.LocalDate.ofInstant(at, java.time.ZoneId.of("Asia/Shanghai"));
        return date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }
}
