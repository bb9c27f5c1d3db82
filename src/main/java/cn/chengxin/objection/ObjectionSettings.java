package cn.chengxin.objection;

import cn.chengxin.objection.domain.ObjectionDeadlines;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The objection deadlines ({@code chengxin.objection.deadlines.*}; RULES.md §5 "defaults; configurable", issue #8), in
 * working days but for the ceiling's calendar days; the defaults are Henan's (Art. 41, 42) and the national ceiling.
 * Checked as the platform starts ({@link ObjectionDeadlines}): a value out of order or above the statutory 20 days
 * stops it with the reason rather than reaching a case.
 */
@ConfigurationProperties("chengxin.objection.deadlines")
public record ObjectionSettings(@DefaultValue("3") int platformDays, @DefaultValue("3") int departmentDays,
                                @DefaultValue("7") int withDepartmentDays, @DefaultValue("20") int ceilingDays,
                                @DefaultValue("1") int withdrawalDays) {

    public ObjectionSettings {
        deadlines(platformDays, departmentDays, withDepartmentDays, ceilingDays, withdrawalDays);
    }

    /** The deadlines every case is given. */
    public ObjectionDeadlines deadlines() {
        return deadlines(platformDays, departmentDays, withDepartmentDays, ceilingDays, withdrawalDays);
    }

    private static ObjectionDeadlines deadlines(int platform, int department, int withDepartment, int ceiling,
                                                int withdrawal) {
        return new ObjectionDeadlines(platform, department, withDepartment, ceiling, withdrawal);
    }
}
