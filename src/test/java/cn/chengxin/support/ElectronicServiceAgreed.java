package cn.chengxin.support;

import java.util.UUID;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.ElectronicServiceAgreements;
import cn.chengxin.subject.SubjectRegistry;

/**
 * A subject who signed the confirmation of electronic service (《行政处罚法》第六十一条), for tests in which a read in
 * self-service or a text serves a list notice: without it, neither does.
 */
public final class ElectronicServiceAgreed {

    private ElectronicServiceAgreed() {
    }

    /** The subject agrees now, as their citizen account would on the page; returns the principal that agreed. */
    public static CitizenPrincipal agree(ElectronicServiceAgreements agreements, SubjectRegistry subjects,
                                         UUID subject) {
        CitizenPrincipal citizen = (CitizenPrincipal) Principals.citizen(subjects, subject).getPrincipal();
        agreements.agree(citizen, true, ElectronicServiceAgreements.TERMS_VERSION);
        return citizen;
    }
}
