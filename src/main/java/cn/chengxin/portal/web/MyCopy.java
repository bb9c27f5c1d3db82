package cn.chengxin.portal.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.portal.PersonalCopies;
import cn.chengxin.portal.PersonalCopy;
import cn.chengxin.portal.PersonalCopyPrints;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 下载个人信息副本 (PIPL Art. 45; gaps review xlvi AA1): the signed-in person's whole {@link PersonalCopy} as a JSON file
 * to save, or the same copy as a PDF to read and print ({@link PersonalCopyPrints}), at any time and free. Always the
 * signed-in person's own: the address names nobody.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyCopy {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PersonalCopies copies;
    private final PersonalCopyPrints prints;

    MyCopy(PersonalCopies copies, PersonalCopyPrints prints) {
        this.copies = copies;
        this.prints = prints;
    }

    @GetMapping(value = "/me/copy.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PersonalCopy> copy(@AuthenticationPrincipal CitizenPrincipal citizen, Locale locale) {
        PersonalCopy copy = copies.of(citizen, locale);
        return download(copy, MediaType.APPLICATION_JSON, "json").body(copy);
    }

    /** The same copy in the page's language, Chinese unless the page was English. */
    @GetMapping(value = "/me/copy.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CitizenPrincipal citizen, Locale locale) {
        PersonalCopy copy = copies.forPrint(citizen, locale);
        return download(copy, MediaType.APPLICATION_PDF, "pdf").body(prints.pdf(copy, locale));
    }

    private static ResponseEntity.BodyBuilder download(PersonalCopy copy, MediaType type, String extension) {
        String day = LocalDate.ofInstant(copy.madeAt(), CHINA).toString();
        return ResponseEntity.ok().contentType(type)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("personal-copy-" + day + "." + extension).build().toString())
                // A person's whole file: never kept by a shared cache or the browser's disk cache.
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }
}
