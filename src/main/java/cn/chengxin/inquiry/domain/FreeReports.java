package cn.chengxin.inquiry.domain;

import cn.chengxin.shared.DomainProblem;

/**
 * Free self-query reports (RULES.md §9: 征信业管理条例 Art. 17; Henan Art. 40 — two free full reports a year). The
 * platform has no payment flow: past the allowance the person is told when the next free report is possible, and
 * that the score, file and lists stay visible in self-service at any time.
 */
public final class FreeReports {

    private FreeReports() {
    }

    /** Refuses the next full report when {@code issuedThisYear} already reaches {@code allowance}. */
    public static void requireAllowance(int issuedThisYear, int allowance, int year) {
        if (issuedThisYear >= allowance) {
            throw new InquiryProblem("FREE_REPORTS_USED", DomainProblem.Kind.TOO_MANY,
                    year + " 年度的 " + allowance + " 次免费本人信用报告已经用完，" + (year + 1)
                            + " 年 1 月 1 日起可再次免费获取；您的信用档案、信用分和名单信息仍可随时在个人中心免费查看。");
        }
    }
}
