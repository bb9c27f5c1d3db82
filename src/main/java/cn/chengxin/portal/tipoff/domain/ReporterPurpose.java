package cn.chengxin.portal.tipoff.domain;

/**
 * Why the credit office opens a reporter's name and contact: a closed list, each a step of handling the tip-off
 * (国办发〔2016〕98号: social supervision and tip-offs; PIPL Art. 6: no more than the purpose needs). The purpose goes
 * into the audit event of the look; {@code PurposeWords} words the labels in the reader's language.
 */
public enum ReporterPurpose {

    VERIFY_FACTS("向举报人核实举报情况"),
    INFORM_OUTCOME("向举报人告知处理结果"),
    REFER("依法移送有关部门处理");

    /** As the tip-off's other looks are audited (the audit console words it in the reader's language). */
    public static final String LEGAL_BASIS = "国办发〔2016〕98号 社会监督与举报";

    private final String label;

    ReporterPurpose(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
