package cn.chengxin.listing.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import cn.chengxin.account.NoticeArg;
import cn.chengxin.listing.ListType;
import cn.chengxin.subject.domain.SubjectKind;

/**
 * The words of the notices the subject receives (国办发〔2020〕49号: basis, reasons, measures, the right to
 * object and how to repair; exit notice through the same channel). Plain text, shown in self-service. Each also
 * carries its wording and typed arguments (G13): self-service shows a reader of another language
 * {@code notice.LIST_<wording>.title/body}, a reading aid — the Chinese text is the notice served.
 */
public final class NoticeText {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private NoticeText() {
    }

    /** {@code wording}: the notice's message keys, {@code args} their arguments ({@code zh}: as this text has them). */
    public record Text(String title, String body, String wording, List<NoticeArg> args) {
    }

    /**
     * 信用惩戒事先告知书: before a black-list entry takes effect; {@code kind} says where the subject may object, {@code
     * ground} which of the four grounds of 国办发〔2020〕49号 the listing rests on (RULES.md §7; null only for a proposal
     * made before grounds were required, which is no longer approved). The entry takes effect {@code noticeDays}
     * after the notice is served, not after it is written (NoticeServing): the day is not known when it is issued.
     */
    public static Text prior(String name, SubjectKind kind, String ruleName, SeriousGround ground, String basis,
                             String reasons, String measures, int noticeDays, String exitConditions,
                             String city) {
        List<NoticeArg> args = List.of(NoticeArg.text(name), list(ListType.BLACK), NoticeArg.text(ruleName),
                ground == null ? NoticeArg.text("—")
                        : NoticeArg.label("lists.ground." + ground.name(), ground.label() + "（国办发〔2020〕49号）"),
                NoticeArg.text(basis), NoticeArg.text(reasons), NoticeArg.text(measures), NoticeArg.number(noticeDays),
                NoticeArg.label("notice.channel." + kind.name(), objectionChannel(kind, city), city),
                NoticeArg.text(exitConditions));
        return new Text("信用惩戒事先告知书", String.join("\n",
                name + "：",
                "经审核，拟将您列入" + ListType.BLACK.label() + "（" + ruleName + "）。",
                "严重失信情形：" + (ground == null ? "—" : ground.label() + "（国办发〔2020〕49号）"),
                "认定依据：" + basis,
                "事实和理由：" + reasons,
                "拟采取的惩戒措施：" + measures,
                "本决定自本告知书送达之日起满" + noticeDays + "日后生效（送达之日不计入）。您对所依据的信用信息有异议的，可在生效前"
                        + objectionChannel(kind, city) + "提出异议（异议期间标注“异议处理中”）。",
                // 驻政办〔2017〕102号 四(三): correcting within the period prevents the listing (ExitGround).
                "在告知期内纠正失信行为并" + objectionChannel(kind, city) + "提交证明的，经核实后不予列入（证明审核期间本决定暂不生效）。",
                "信用修复：" + exitConditions + "。纠正失信行为后可依法申请信用修复，修复不收取任何费用。"), "LIST_PRIOR", args);
    }

    /**
     * Where the subject files an objection: a person in self-service (个人中心) or at the window; an organisation has
     * no self-service account (个人中心 is the citizens'), so at the credit office's window, where staff file it for
     * the subject (窗口代办), as they do a repair application.
     */
    static String objectionChannel(SubjectKind kind, String city) {
        return kind == SubjectKind.ORGANISATION ? "到" + city + "信用办窗口" : "通过" + city + "个人中心或窗口";
    }

    /** 列入名单告知书: when an entry takes effect. */
    public static Text effective(String name, ListType type, String ruleName, String basis, LocalDate validUntil,
                                 String measures, String exitConditions) {
        List<NoticeArg> args = List.of(list(type), NoticeArg.text(name), NoticeArg.text(ruleName),
                validUntil == null ? NoticeArg.label("notice.list.inForce", "。")
                        : NoticeArg.label("notice.list.until", "，有效期至" + DAY.format(validUntil) + "。",
                        validUntil.toString()),
                NoticeArg.text(basis),
                type == ListType.RED ? NoticeArg.label("notice.list.measures.RED", "可享受的激励措施：")
                        : NoticeArg.label("notice.list.measures", "相应措施："),
                NoticeArg.text(measures), NoticeArg.text(exitConditions),
                type == ListType.RED ? NoticeArg.text("")
                        : NoticeArg.label("notice.list.rights", "\n您有权提出异议；纠正失信行为后可申请信用修复，修复不收取任何费用。"));
        return new Text("列入" + type.label() + "告知书", String.join("\n",
                name + "：",
                "您已被列入" + type.label() + "（" + ruleName + "），自即日起生效"
                        + (validUntil == null ? "。" : "，有效期至" + DAY.format(validUntil) + "。"),
                "依据：" + basis,
                (type == ListType.RED ? "可享受的激励措施：" : "相应措施：") + measures,
                "移出条件：" + exitConditions + "。",
                type == ListType.RED ? "" : "您有权提出异议；纠正失信行为后可申请信用修复，修复不收取任何费用。").strip(),
                "LIST_EFFECTIVE", args);
    }

    /**
     * 名单有效期变更告知书: a department corrected the record an entry in force rests on, and the entry's last day
     * followed it (RULES.md §4, §7). The effective notice gave the old day; this one gives both, why, and — for a
     * black or grey entry — that the subject may object to the corrected record or to the entry (RULES.md §5, PIPL
     * Art. 50). A later day lengthens the measures; an earlier one shortens them. {@code null}: no fixed last day.
     */
    public static Text periodChanged(String name, SubjectKind kind, ListType type, String ruleName,
                                     LocalDate oldUntil, LocalDate newUntil, String reason, String city) {
        return periodChanged(name, kind, type, ruleName, oldUntil, newUntil, NoticeArg.text(reason), city);
    }

    /**
     * {@link #periodChanged(String, SubjectKind, ListType, String, LocalDate, LocalDate, String, String)} with a reason
     * of the platform's own words ({@link #courtsTerm}), rendered in the reader's language; {@code reason.zh()} is the
     * Chinese the notice says.
     */
    public static Text periodChanged(String name, SubjectKind kind, ListType type, String ruleName,
                                     LocalDate oldUntil, LocalDate newUntil, NoticeArg reason, String city) {
        boolean later = oldUntil != null && (newUntil == null || newUntil.isAfter(oldUntil));
        List<NoticeArg> args = List.of(list(type), NoticeArg.text(name), NoticeArg.text(ruleName), dayArg(oldUntil),
                dayArg(newUntil), reason,
                later ? (type == ListType.RED ? NoticeArg.label("notice.list.longer.RED", "可享受的激励措施相应延续至新的有效期届满。")
                        : NoticeArg.label("notice.list.longer", "相应措施将继续执行至新的有效期届满。"))
                        : NoticeArg.label("notice.list.shorter", "相应措施于新的有效期届满时停止执行。"),
                type == ListType.RED ? NoticeArg.text("") : NoticeArg.label("notice.list.objectAgain." + kind.name(),
                        "\n您对更正后的信用记录或本次变更有异议的，可" + objectionChannel(kind, city)
                                + "提出异议（异议期间标注“异议处理中”）；纠正失信行为后可申请信用修复，修复不收取任何费用。", city));
        return new Text(type.label() + "有效期变更告知书", String.join("\n",
                name + "：",
                "您被列入" + type.label() + "（" + ruleName + "）的有效期已变更：原有效期至" + day(oldUntil)
                        + "，现有效期至" + day(newUntil) + "。",
                "变更原因：" + reason.zh() + "。",
                later ? (type == ListType.RED ? "可享受的激励措施相应延续至新的有效期届满。"
                        : "相应措施将继续执行至新的有效期届满。")
                        : "相应措施于新的有效期届满时停止执行。",
                type == ListType.RED ? "" : "您对更正后的信用记录或本次变更有异议的，可" + objectionChannel(kind, city)
                        + "提出异议（异议期间标注“异议处理中”）；纠正失信行为后可申请信用修复，修复不收取任何费用。").strip(),
                "LIST_PERIOD_CHANGED", args);
    }

    /**
     * Why an entry resting on a court's own listing of a defaulter now lasts as the court decided (RULES.md §7;
     * 法释〔2017〕7号第一条、第二条、第十条): until the last day the court gave it ({@code courtsEnd}), else — a defaulter
     * able to perform and refusing (第一条第一项) — without a fixed end, until the court deletes the listing. Not a
     * correction of the record: an entry proposed before the platform read the court's term gets it at its subject's
     * next evaluation ({@code CourtListingTerm}).
     */
    public static NoticeArg courtsTerm(String decisionNumber, LocalDate courtsEnd) {
        String number = decisionNumber == null ? "—" : decisionNumber;
        return courtsEnd == null
                ? NoticeArg.label("notice.list.reason.courtNoTerm", "按人民法院决定的纳入期限：失信被执行人有履行能力而拒不履行"
                + "生效法律文书确定义务（法释〔2017〕7号第一条第一项），无固定期限，至人民法院删除该失信信息时止（决定文书号：" + number
                + "）", number)
                : NoticeArg.label("notice.list.reason.courtEnd", "按人民法院决定的纳入期限：至" + DAY.format(courtsEnd)
                + "（法释〔2017〕7号第二条；决定文书号：" + number + "）", number, DAY.format(courtsEnd), courtsEnd.toString());
    }

    private static NoticeArg dayArg(LocalDate day) {
        return day == null ? NoticeArg.label("notice.list.noFixedEnd", day(null)) : NoticeArg.date(day, day(day));
    }

    private static NoticeArg list(ListType type) {
        return NoticeArg.item("LIST_" + type.name(), type.label());
    }

    private static String day(LocalDate day) {
        return day == null ? "无固定期限" : DAY.format(day);
    }

    /** 守信激励对象公示: a red-list proposal during its public notice period. */
    public static Text publicNotice(String name, String ruleName, LocalDate until) {
        return new Text("守信激励对象公示", name + "：您已被拟列入" + ListType.RED.label() + "（" + ruleName
                + "），公示期至" + DAY.format(until) + "。公示期内无异议的，期满后生效。", "LIST_PUBLIC",
                List.of(NoticeArg.text(name), list(ListType.RED), NoticeArg.text(ruleName),
                        NoticeArg.date(until, DAY.format(until))));
    }

    /**
     * The entry ended before it took effect (during the prior notice or the public notice): nothing is stopped, as
     * nothing began; the decision to list is withdrawn and the list never applies.
     */
    public static Text withdrawn(String name, ListType type, String ruleName, String reason) {
        return new Text("终止列入" + type.label() + "告知书", name + "：拟将您列入" + type.label() + "（" + ruleName
                + "）的决定已终止，该名单不会生效" + (type == ListType.BLACK ? "，相应惩戒措施不会执行" : "")
                + "。终止原因：" + reason + "。", "LIST_WITHDRAWN",
                List.of(list(type), NoticeArg.text(name), NoticeArg.text(ruleName),
                        type == ListType.BLACK ? NoticeArg.label("notice.list.noPunishment", "，相应惩戒措施不会执行")
                                : NoticeArg.text(""), NoticeArg.text(reason)));
    }

    /** 移出名单告知书: the entry ended; its measures stop at once. */
    public static Text exit(String name, ListType type, String ruleName, String reason) {
        return new Text("移出" + type.label() + "告知书", name + "：您已被移出" + type.label() + "（" + ruleName
                + "）。移出原因：" + reason + "。相应措施自即日起停止执行。", "LIST_EXIT",
                List.of(list(type), NoticeArg.text(name), NoticeArg.text(ruleName), NoticeArg.text(reason)));
    }
}
