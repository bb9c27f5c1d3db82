package cn.chengxin.portal.web;

import java.time.Clock;
import java.util.UUID;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.listing.EntryProceedings;
import cn.chengxin.listing.ListType;
import cn.chengxin.listing.Listing;
import cn.chengxin.portal.PublicInput;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.ratelimit.PerAddressLimit;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.shared.web.ExpiredForms;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import cn.chengxin.subject.domain.SearchTerms;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 信用公示: the serious-dishonesty list and the red list (and the red list's public notice), searchable by exact name
 * (a renamed subject by its current name and each former one too, gaps review xxv H6) or identity number, paged,
 * de-identified (masked number; masked name for persons). Only entries in force are
 * shown, so an entry is gone the moment it exits. A client reading many pages quickly (scraping) gets 429. Pages
 * follow one another by the entry the last one ended with ({@code after}) or the next one began with
 * ({@code before}), never by a page number (gaps review xxxv P6).
 *
 * <p>The search box is posted. A name is sent on to the list's address with the name, as names are published
 * de-identified already and its pages can then be linked. A number ({@link SearchTerms#isNumber}: whatever holds a
 * digit) is answered on the post itself: a URL ends up in
 * browser history, in the access logs of servers and proxies and in the referrer of the next page (RULES.md §10:
 * identity numbers never in logs), and a number names one subject, whose entries fit on one answer.
 */
@Controller
class PublicLists {

    private static final int PAGE_SIZE = 20;
    /** A number names one subject: all of its entries on a list are one answer, up to this many, newest first. */
    private static final int NUMBER_ANSWER_SIZE = Listing.MAX_PAGE_SIZE;
    private static final int LONGEST_NAME = 100;

    private final Listing listing;
    private final EntryProceedings proceedings;
    private final SubjectRegistry subjects;
    private final StaffDirectory directory;
    private final Clock clock;
    private final PerAddressLimit limit;

    PublicLists(Listing listing, EntryProceedings proceedings, SubjectRegistry subjects, StaffDirectory directory,
                Clock clock, LimitCounters counters,
                @Value("${chengxin.portal.list-pages-per-minute:60}") long perMinute) {
        this.listing = listing;
        this.proceedings = proceedings;
        this.subjects = subjects;
        this.directory = directory;
        this.clock = clock;
        this.limit = new PerAddressLimit(counters, perMinute, "LIST_RATE_LIMITED");
    }

    /** A page of a list, all of it or the entries of a name; a number written into the address is not looked up. */
    @PublicEndpoint
    @GetMapping("/lists")
    String lists(@RequestParam(defaultValue = "BLACK") ListType type, @RequestParam(defaultValue = "") String q,
                 @RequestParam(required = false) UUID after, @RequestParam(required = false) UUID before,
                 @RequestParam(defaultValue = "false") boolean notice, HttpServletRequest request, Model model) {
        limit.take(request.getRemoteAddr(), clock.instant());
        Shown shown = Shown.of(type, notice);
        if (SearchTerms.isNumber(q)) {
            return show(shown, "", null, Listing.PublicPage.empty(),
                    "publicLists.numberNotInUrl", null, model);
        }
        String name = name(q);
        return show(shown, name, null, listing.published(shown.type(), shown.notice(), name, null, after, before,
                PAGE_SIZE), null, null, model);
    }

    /**
     * The search box: a name is sent on to the list's address; a number is looked up and answered here, all of the
     * subject's entries on the list at once, the number shown masked and never in a link.
     */
    @PublicEndpoint
    @PostMapping("/lists")
    String search(@RequestParam(defaultValue = "BLACK") ListType type, @RequestParam(defaultValue = "") String q,
                  @RequestParam(required = false) DocumentType documentType,
                  @RequestParam(defaultValue = "false") boolean notice, HttpServletRequest request, Model model) {
        Shown shown = Shown.of(type, notice);
        // With a document type named, or any digit typed (a passport number, a mistyped one), it is a number.
        if (documentType == null && !SearchTerms.isNumber(q)) {
            return "redirect:" + UriComponentsBuilder.fromPath("/lists").queryParam("type", shown.type())
                    .queryParam("notice", shown.notice()).queryParam("q", name(q)).build().encode().toUriString();
        }
        // Trying numbers one after another is scraping the list too.
        limit.take(request.getRemoteAddr(), clock.instant());
        IdentityDocument document;
        try {
            document = subjects.validate(documentType, q.strip());
        } catch (InvalidIdentityException e) {
            model.addAttribute("queryProblemCode", e.code()); // an English page reads it in English
            return show(shown, "", null, Listing.PublicPage.empty(), null, e.getMessage(),
                    model);
        }
        return show(shown, "", document.masked(), listing.published(shown.type(), shown.notice(), null,
                subjects.pseudonymOf(document), null, null, NUMBER_ANSWER_SIZE), null, null, model);
    }

    /**
     * A search whose page expired or that came from another site ({@link ExpiredForms}) is not run: the list is shown
     * as its address shows it, the search box empty (a number typed is never sent back), and asks for the search again;
     * the page carries a fresh token. It reads the list as a page of it does, so it takes from the same limit.
     */
    @PublicEndpoint
    @PostMapping(ExpiredForms.PREFIX + "/lists")
    String expired(@RequestParam(defaultValue = "BLACK") ListType type,
                   @RequestParam(defaultValue = "false") boolean notice, HttpServletRequest request,
                   HttpServletResponse response, Model model) {
        limit.take(request.getRemoteAddr(), clock.instant());
        response.setStatus(HttpStatus.FORBIDDEN.value());
        Shown shown = Shown.of(type, notice);
        return show(shown, "", null, listing.published(shown.type(), shown.notice(), "", null, null, null, PAGE_SIZE),
                ExpiredForms.MESSAGE_KEY, null, model);
    }

    /**
     * What the page shows: {@code name} is echoed in the search box (a number never is); {@code maskedNumber} names
     * a look-up by number, answered on one page without paging links.
     */
    private String show(Shown shown, String name, String maskedNumber, Listing.PublicPage result, String problemKey,
                        String problem, Model model) {
        model.addAttribute("type", shown.type());
        model.addAttribute("notice", shown.notice());
        model.addAttribute("q", name);
        model.addAttribute("maskedNumber", maskedNumber);
        model.addAttribute("queryProblemKey", problemKey);
        model.addAttribute("queryProblem", problem);
        model.addAttribute("result", result);
        // A pending 行政复议/诉讼 shows wherever the entry or its record shows (RULES.md §5), as on 失信信息公示 and in
        // checks: one look-up for the page's entries.
        model.addAttribute("recordProceedings", proceedings.onRecordsOf(result.entries()));
        model.addAttribute("names", listing.namesOf(result.entries()));
        model.addAttribute("documentTypes", DocumentType.values());
        // The issuing department by name, as the disclosures show it; a code the directory lacks stays as it is.
        model.addAttribute("departments", directory.departmentNames());
        // Paged by key (gaps review xxxv P6): the links name the entry the next or the previous page starts from.
        model.addAttribute("paged", maskedNumber == null && (result.previous() != null || result.next() != null));
        return "portal/lists";
    }

    private static String name(String q) {
        String name = PublicInput.clean(q).strip();
        return name.length() > LONGEST_NAME ? name.substring(0, LONGEST_NAME) : name;
    }

    /** The list shown: 重点关注名单 is for supervision, not for publication; only the red list has a notice period. */
    private record Shown(ListType type, boolean notice) {

        static Shown of(ListType type, boolean notice) {
            ListType shown = type == ListType.GREY ? ListType.BLACK : type;
            return new Shown(shown, notice && shown == ListType.RED);
        }
    }
}
