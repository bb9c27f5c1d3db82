package cn.chengxin.inquiry;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.inquiry.persistence.JdbcCounterPapers;
import cn.chengxin.inquiry.persistence.JdbcInquiry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the credit office's window recorded about a person (窗口办理记录; gaps review xlvi AA1, PIPL Art. 45): each
 * counter service (a report issued, a consent recorded or withdrawn, a confirmation of electronic service recorded or
 * withdrawn) with the identity check it rested on and the papers handed in, listed by kind and name — their scans
 * stay with the window, opened only as {@link CounterPapers} allows. The clerk is named as 谁查询了我 names them: the
 * office and the name the log keeps.
 */
@Service
public class CounterHistory {

    private final JdbcInquiry store;
    private final JdbcCounterPapers papers;
    private final StaffDirectory directory;

    CounterHistory(JdbcInquiry store, JdbcCounterPapers papers, StaffDirectory directory) {
        this.store = store;
        this.papers = papers;
        this.directory = directory;
    }

    /**
     * A counter service as the person may read it: the guardian's name masked (RULES.md §10), no id of the clerk.
     *
     * @param service             REPORT, CONSENT, CONSENT_WITHDRAWAL, ESERVICE or ESERVICE_WITHDRAWAL
     * @param office              the clerk's department as the directory names it now; null for an account since
     *                            removed
     * @param reportNumber        the report issued (REPORT), else null
     * @param consentOrganisation whom the consent recorded or withdrawn was for, else null
     */
    public record Visit(Instant servedAt, String service, String office, String clerk, String reportNumber,
                          String consentOrganisation, String personDocument, boolean byGuardian,
                          String guardianName, String guardianDocument, String guardianNumberMasked,
                          String guardianshipProof, List<Paper> papers) {
    }

    /** A paper scanned with a service: its kind (AUTHORISATION, GUARDIANSHIP) and file name, not its content. */
    public record Paper(String kind, String filename) {
    }

    /** The subject's counter services, newest first. */
    @Transactional(readOnly = true)
    public List<Visit> of(UUID subjectId) {
        List<JdbcInquiry.CounterVisitAbout> visits = store.counterVisitsOf(subjectId);
        Map<UUID, List<JdbcCounterPapers.Listed>> scanned = papers.ofVisits(
                visits.stream().map(v -> v.visit().id()).toList());
        Map<String, String> offices = new java.util.HashMap<>();
        return visits.stream().map(about -> {
            JdbcInquiry.CounterVisit v = about.visit();
            String office = offices.computeIfAbsent(v.clerkId(),
                    clerk -> directory.departmentNameOf(clerk).orElse(null));
            return new Visit(v.servedAt(), v.service(), office, v.clerkName(), about.reportNumber(),
                    about.consentOrganisation(), v.personDocument(), v.byGuardian(), v.maskedGuardianName(),
                    v.guardianDocument(), v.guardianNumberMasked(), v.guardianshipProof(),
                    scanned.getOrDefault(v.id(), List.of()).stream()
                            .map(p -> new Paper(p.kind(), p.filename())).toList());
        }).toList();
    }
}
