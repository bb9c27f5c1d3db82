package cn.chengxin.inquiry;

import java.util.List;

import cn.chengxin.account.WindowPhoneCodes;
import cn.chengxin.inquiry.domain.CounterIdentityCheck;
import cn.chengxin.inquiry.domain.CounterPaper;

/**
 * What a clerk hands in for a counter service (窗口办理, gaps review xxiii F11, xxxi M2): the number typed (never
 * shown again) with its document type, the name as on the document, the identity check, the scanned papers (the signed
 * authorisation, and the proof of guardianship for a guardian) and, for a person whose account has no phone, the
 * phone typed at the window that the text goes to, with the code the person read out from the text sent to it.
 *
 * @param documentType the type of a passport or travel-permit holder's number; blank: inferred
 * @param phone        blank when the person's account has a phone
 * @param phoneSent    the code texted to the phone typed at the window, kept in the clerk's session (gaps review xxxi
 *                     M2); null when none was sent. A wrong code is counted in it
 * @param phoneCode    the code the person read out from that text
 */
public record CounterRequest(String number, String documentType, String personName, CounterIdentityCheck check,
                             List<CounterPaper> papers, String phone, WindowPhoneCodes.Pending phoneSent,
                             String phoneCode) {

    public CounterRequest {
        papers = List.copyOf(papers);
        phone = phone == null ? "" : phone.strip();
        phoneCode = phoneCode == null ? "" : phoneCode.strip();
    }
}
