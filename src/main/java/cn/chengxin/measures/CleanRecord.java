package cn.chengxin.measures;

import java.time.LocalDate;

/**
 * RULES.md §7: three or more consecutive years without a negative record qualify for 绿色通道 and 容缺受理 (国办发
 * 〔2016〕98号). Counted over the records in use: none shown and decided in the last three years. A record revoked,
 * repaired (§6: "stop sharing and use") or past its publication period (§4: "不再展示使用超过期限的公共信用信息") does not
 * deny it (the listing's last-negative marks count shown records only, NegativeMark). An organisation must moreover
 * have existed for those three years: one established less than three years ago has not gone three years without a
 * negative record, it has simply not been there, so where the registry knows its establishment date (成立日期) that
 * date must lie at least three years before today. Where it does not, the organisation is judged on its records
 * alone. A person's years are not counted from birth: minors are never listed, and the records decide.
 */
final class CleanRecord {

    static final int YEARS = 3;

    private CleanRecord() {
    }

    /** No negative record decided in the last three years; {@code lastNegative} null: none at all. */
    static boolean withoutNegativeRecord(LocalDate lastNegative, LocalDate today) {
        return lastNegative == null || lastNegative.isBefore(today.minusYears(YEARS));
    }

    /** An organisation established three or more years ago; {@code establishedOn} null: its date is not known. */
    static boolean establishedLongEnough(LocalDate establishedOn, LocalDate today) {
        return establishedOn == null || !establishedOn.isAfter(today.minusYears(YEARS));
    }
}
