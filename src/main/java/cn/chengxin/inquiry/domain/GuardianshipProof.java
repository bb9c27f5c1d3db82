package cn.chengxin.inquiry.domain;

/**
 * What proves that the person at the counter is the guardian (民法典 Art. 27-31: parents; guardians designated by the
 * residents' or villagers' committee or the civil affairs department, by agreement or by will; appointed by a court).
 * RULES.md §6: a child under 14 acts through the guardian.
 */
public enum GuardianshipProof {
    HOUSEHOLD_REGISTER("居民户口簿（载明父母子女关系）"),
    BIRTH_CERTIFICATE("出生医学证明"),
    DESIGNATION("居民委员会、村民委员会或民政部门指定监护的证明"),
    NOTARISED_AGREEMENT("经公证的协议监护或遗嘱指定监护文书"),
    COURT_DECISION("人民法院指定或确认监护的判决书、裁定书");

    private final String label;

    GuardianshipProof(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
