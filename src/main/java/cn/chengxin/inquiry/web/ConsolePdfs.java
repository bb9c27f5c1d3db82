package cn.chengxin.inquiry.web;

import cn.chengxin.inquiry.Reports;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The PDF of a report the console hands over — at the counter (窗口) to the person, or to the staff member who
 * obtained it — as issued or, asked for, in large print (大字版, {@link Reports#largePrint}): elderly people come
 * to the counter, and a report printed there is read on paper. The large print is the same report rendered again
 * from its snapshot, verified by its own SM3 as the citizen's is.
 */
final class ConsolePdfs {

    private ConsolePdfs() {
    }

    /** {@code issued} as loaded by a caller that checked and audited the look. */
    static ResponseEntity<byte[]> of(Reports reports, Reports.Issued issued, boolean largePrint) {
        Reports.Issued answered = largePrint ? reports.largePrint(issued) : issued;
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", ContentDisposition.inline()
                        .filename(answered.number() + (largePrint ? "-large-print" : "") + ".pdf").build().toString())
                .body(answered.pdf());
    }
}
