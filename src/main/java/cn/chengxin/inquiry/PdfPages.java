package cn.chengxin.inquiry;

import cn.chengxin.inquiry.pdf.ReportDocuments;
import org.springframework.stereotype.Service;

/**
 * The reports' PDF machinery (openhtmltopdf, the bundled CJK font and its pool) lent to another module's page, so
 * that a document the person takes away is printed as a report is, with no second renderer: the person's copy of
 * their information (gaps review xlvi AA1), which is not a report and carries none of a report's number, code or
 * storage.
 */
@Service
public class PdfPages {

    private final ReportDocuments documents;

    PdfPages(ReportDocuments documents) {
        this.documents = documents;
    }

    /**
     * The page, well-formed XHTML whose styles name the font family {@code CJK}, as an untagged A4 PDF with the given
     * title and subject in its document information.
     */
    public byte[] print(String xhtml, String title, String subject) {
        return documents.print(xhtml, title, subject);
    }
}
