package cn.chengxin.portal.web;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.shared.ratelimit.PerAddressLimit;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.InvalidIdentityException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 信用公示: the serious-dishonesty list and the red list (and the red list's public notice), searchable by exact name
 * or identity number, paged, de-identified (masked number; masked name for persons). Only entries in force are
 * shown, so an entry is gone the moment it exits. A client reading many pages quickly (scraping) gets 429.
 */
@Controller
class PublicLists {

    private static final int PAGE_SIZE = 20;

    private final Listing listing;
    private final SubjectRegistry subjects;
    private final StaffDirectory directory;
    private final Clock clock;
    private final PerAddressLimit limit;

    PublicLists(Listing listing, SubjectRegistry subjects, StaffDirectory directory, Clock clock,
                @Value("${chengxin.portal.list-pages-per-minute:60}") long perMinute) {
        this.listing = listing;
        this.subjects = subjects;
        this.directory = directory;
        this.clock = clock;
        this.limit = new PerAddressLimit(perMinute, "LIST_RATE_LIMITED");
    }

    @PublicEndpoint
    @GetMapping("/lists")
    String lists(@RequestParam(defaultValue = "BLACK") ListType type, @RequestParam(defaultValue = "") String q,
                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "false") boolean notice,
                 HttpServletRequest request, Model model) {
        limit.take(request.getRemoteAddr(), clock.instant());
        if (type == ListType.GREY) {
            type = ListType.BLACK; // 重点关注名单 is for supervision, not for publication
        }
        String query = q.strip();
        String name = null;
        String pseudonym = null;
        String queryProblem = null;
        if (!query.isEmpty()) {
            if (query.chars().filter(Character::isDigit).count() >= 15) {
                try {
                    pseudonym = subjects.pseudonymOf(subjects.validate(null, query));
                } catch (InvalidIdentityException e) {
                    queryProblem = e.getMessage();
                }
            } else {
                name = query.length() > 100 ? query.substring(0, 100) : query;
            }
        }
        boolean inNotice = notice && type == ListType.RED;
        Listing.PublicPage result = queryProblem != null ? new Listing.PublicPage(java.util.List.of(), 0, 0, PAGE_SIZE)
                : listing.published(type, inNotice, name, pseudonym, Math.max(0, page), PAGE_SIZE);
        model.addAttribute("type", type);
        model.addAttribute("notice", inNotice);
        model.addAttribute("q", pseudonym != null ? "" : query);
        model.addAttribute("queryProblem", queryProblem);
        model.addAttribute("result", result);
        // The issuing department by name, as the disclosures show it; a code the directory lacks stays as it is.
        Map<String, String> departments = new HashMap<>();
        directory.departments().forEach(d -> departments.put(d.code(), d.name()));
        model.addAttribute("departments", departments);
        model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return "portal/lists";
    }
}
