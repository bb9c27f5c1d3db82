package cn.chengxin.subject.domain;

import java.time.LocalDate;

/**
 * A residence the public security bureau registered (issue #2: the registry keeps residency, 户籍 / 常住): household
 * registration under 《中华人民共和国户口登记条例》 and 《中华人民共和国居民身份证法》, or habitual residence under a
 * residence permit (《居住证暂行条例》第二条, 第九条), in the region of a GB/T 2260 code, from a day, and to the day it
 * ended (moved out, registration cancelled) when it has. Scoring counts adults resident at least a configured time
 * (issue #6), so a residence is what makes a person scored; one that has ended makes them not resident.
 * <p>
 * The end is a day that has come: the registry counts a residence with an end as ended (a permit's expiry is not the
 * end of the residence; the bureau reports its cancellation when it happens).
 */
public record RegisteredResidence(ResidencyKind kind, String regionCode, LocalDate from, LocalDate to) {

    /**
     * @throws SubjectProblem RESIDENCE_REGION_INVALID for a region that is not six digits of a known province,
     *                        REGISTRY_PERIOD_INVALID for an end before the start or after {@code today}
     */
    public static RegisteredResidence of(ResidencyKind kind, String regionCode, LocalDate from, LocalDate to,
                                         LocalDate today) {
        String region = regionCode == null ? "" : regionCode.strip();
        if (!region.matches("[0-9]{6}") || !Provinces.isProvince(region.substring(0, 2))) {
            throw new SubjectProblem("RESIDENCE_REGION_INVALID", SubjectProblem.Kind.INVALID_INPUT,
                    "居住地区划代码须为 6 位行政区划代码（GB/T 2260），前两位为省级代码");
        }
        requireOrdered(from, to);
        if (to != null && to.isAfter(today)) {
            throw new SubjectProblem("REGISTRY_PERIOD_INVALID", SubjectProblem.Kind.INVALID_INPUT,
                    "户籍或居住登记的终止日期不能晚于今天：迁出、注销后再报送终止日期");
        }
        return new RegisteredResidence(kind, region, from, to);
    }

    static void requireOrdered(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new SubjectProblem("REGISTRY_PERIOD_INVALID", SubjectProblem.Kind.INVALID_INPUT, "起始日期必填");
        }
        if (to != null && to.isBefore(from)) {
            throw new SubjectProblem("REGISTRY_PERIOD_INVALID", SubjectProblem.Kind.INVALID_INPUT,
                    "终止日期不能早于起始日期");
        }
    }
}
