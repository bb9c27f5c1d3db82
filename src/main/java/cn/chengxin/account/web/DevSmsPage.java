package cn.chengxin.account.web;

import java.util.Optional;

import cn.chengxin.account.DevRealNameVerifier;
import cn.chengxin.account.DevSmsGateway;
import cn.chengxin.account.NoticeTexts;
import cn.chengxin.account.SmsDispatch;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Development only: the text messages the platform would have sent, and the synthetic phone a demo resident registers
 * with ({@link DevRealNameVerifier}); there is no such page in production.
 */
@Controller
@ConditionalOnProperty(name = "chengxin.sms.gateway", havingValue = "dev")
@PublicEndpoint
class DevSmsPage {

    private final DevSmsGateway gateway;
    private final SmsDispatch dispatch;
    private final NoticeTexts noticeTexts;
    private final ObjectProvider<DevRealNameVerifier> verifier;
    private final SubjectRegistry subjects;

    DevSmsPage(DevSmsGateway gateway, SmsDispatch dispatch, NoticeTexts noticeTexts,
               ObjectProvider<DevRealNameVerifier> verifier, SubjectRegistry subjects) {
        this.gateway = gateway;
        this.dispatch = dispatch;
        this.noticeTexts = noticeTexts;
        this.verifier = verifier;
        this.subjects = subjects;
    }

    @GetMapping("/dev/sms")
    String messages(Model model) {
        // Texts are sent off the request thread: those handed over before this page was asked for are shown.
        dispatch.awaitIdle(java.time.Duration.ofSeconds(5));
        // Notices' texts wait in the outbox for its job (every few seconds): those due are sent now, for the demo.
        noticeTexts.sendDue();
        model.addAttribute("messages", gateway.recent());
        model.addAttribute("syntheticPhones", verifier.getIfAvailable() != null);
        return "dev/sms";
    }

    /**
     * The synthetic phone of the resident whose number is typed: posted, never put in an address, and the number is
     * not shown back (the masked name confirms whom it found).
     */
    @PostMapping("/dev/sms/phone")
    String syntheticPhone(@RequestParam(required = false) String documentType,
                          @RequestParam(defaultValue = "") String number, Model model) {
        DevRealNameVerifier found = verifier.getIfAvailable();
        if (found != null) {
            try {
                DocumentType type = Optional.ofNullable(DocumentType.named(documentType))
                        .orElse(DocumentType.RESIDENT_ID);
                model.addAttribute("synthetic", found.syntheticPhoneOf(subjects.validate(type, number))
                        .orElse(null));
            } catch (RuntimeException e) {
                if (!(e instanceof DomainProblem)) {
                    throw e;
                }
            }
            model.addAttribute("looked", true);
        }
        return messages(model);
    }
}
