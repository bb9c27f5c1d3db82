package cn.chengxin.scoring;

import java.time.LocalDate;

import cn.chengxin.scoring.domain.ImpactAssessment;

import static cn.chengxin.support.AsStaff.as;

/** The impact assessment the tests record before approving a model (AA7: no approval without one). */
final class Assessed {

    static final ImpactAssessment COMPLETE = new ImpactAssessment(LocalDate.of(2026, 1, 5),
            "处理目的合法、正当、必要，风险可控，可以启用", "0".repeat(64), "影响评估报告.pdf");

    private Assessed() {
    }

    /** Records {@link #COMPLETE} for the pending version, as a staff member other than its approver. */
    static void record(ModelAssessments assessments, String code, int version) throws Exception {
        as("model-assessor", () -> {
            assessments.record(code, version, COMPLETE);
            return null;
        });
    }
}
