package cn.chengxin.portal.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.portal.PersonalCopies;
import cn.chengxin.portal.PersonalCopy;
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
 * to save, at any time and free. Always the signed-in person's own: the address names nobody.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyCopy {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final PersonalCopies copies;

    MyCopy(PersonalCopies copies) {
        this.copies = copies;
    }

    @GetMapping(value = "/me/copy.json", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<PersonalCopy> copy(@AuthenticationPrincipal CitizenPrincipal citizen, Locale locale) {
        PersonalCopy copy = copies.of(citizen, locale);
        String day = LocalDate.ofInstant(copy.madeAt(), CHINA).toString();
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("personal-copy-" + day + ".json").build().toString())
                // A person's whole file: never kept by a shared cache or the browser's disk cache.
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(copy);
    }
}
