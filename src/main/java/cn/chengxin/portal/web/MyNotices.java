package cn.chengxin.portal.web;

import java.util.Locale;
import java.util.UUID;

import cn.chengxin.account.CitizenPrincipal;
import cn.chengxin.account.Notice;
import cn.chengxin.account.NoticeWording;
import cn.chengxin.account.Notices;
import cn.chengxin.shared.OlderPage;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 消息通知: the citizen's notices, newest first, unread ones marked; read one by one or all at once. Each in the reader's
 * language (G13): a list notice in another language says that its Chinese text is the notice served.
 */
@Controller
@RequiresPermission(Permission.SELF_SERVICE)
class MyNotices {

    static final int NOTICES_PER_PAGE = 50;

    private final Notices notices;
    private final NoticeWording wording;

    MyNotices(Notices notices, NoticeWording wording) {
        this.notices = notices;
        this.wording = wording;
    }

    /** Newest first, {@value #NOTICES_PER_PAGE} a page; older pages by {@code before} (the last notice shown). */
    @GetMapping("/me/notices")
    String list(@AuthenticationPrincipal CitizenPrincipal citizen, @RequestParam(required = false) UUID before,
                Locale locale, Model model) {
        OlderPage<Notice> page = notices.page(citizen.subjectId(), before, NOTICES_PER_PAGE);
        model.addAttribute("notices", wording.render(page.items(), locale));
        model.addAttribute("olderBefore", page.olderBefore());
        model.addAttribute("paged", before != null);
        model.addAttribute("before", before);
        return "me/notices";
    }

    /**
     * Another person's notice is answered 404 by the facade's NOTICE_UNKNOWN, like one that does not exist. Back to
     * the page the notice was read on ({@code before} as the form carries it).
     */
    @PostMapping("/me/notices/{id}/read")
    String read(@AuthenticationPrincipal CitizenPrincipal citizen, @PathVariable UUID id,
                @RequestParam(required = false) UUID before) {
        notices.markRead(citizen.subjectId(), id);
        return "redirect:" + OlderPage.address("/me/notices", before);
    }

    @PostMapping("/me/notices/read")
    String readAll(@AuthenticationPrincipal CitizenPrincipal citizen, @RequestParam(required = false) UUID before) {
        notices.markAllRead(citizen.subjectId());
        return "redirect:" + OlderPage.address("/me/notices", before);
    }
}
