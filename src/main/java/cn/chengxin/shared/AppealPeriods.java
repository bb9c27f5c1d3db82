package cn.chengxin.shared;

import java.time.LocalDate;

/**
 * The last days a person may contest an administrative decision about them, counted from the day they are told of it
 * (L3 of gaps-review-xxx; 98号 四(三) "异议处理、行政复议等管理制度"): 行政复议 within 60 days (行政复议法 Art. 20) and an
 * administrative lawsuit within six months (行政诉讼法 Art. 46). The periods are statutory, not the city's to set: a
 * decision notice names the two days so that the person does not let them pass unaware.
 */
public record AppealPeriods(LocalDate reconsiderationBy, LocalDate lawsuitBy) {

    /** 行政复议法 Art. 20: 自知道该行政行为之日起六十日内. */
    public static final int RECONSIDERATION_DAYS = 60;
    /** 行政诉讼法 Art. 46: 自知道作出行政行为之日起六个月内. */
    public static final int LAWSUIT_MONTHS = 6;

    /** The last days for a decision the person learns of on {@code decidedOn} (the day it is not counted). */
    public static AppealPeriods from(LocalDate decidedOn) {
        return new AppealPeriods(decidedOn.plusDays(RECONSIDERATION_DAYS), decidedOn.plusMonths(LAWSUIT_MONTHS));
    }

    /** The sentence a notice ends with, as {@code notice.remedy.appeal} words it in Chinese. */
    public String zh() {
        return "对处理决定不服的，可于 " + reconsiderationBy + " 前依法申请行政复议，或于 " + lawsuitBy + " 前依法提起行政诉讼。";
    }
}
