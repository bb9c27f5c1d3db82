package cn.chengxin.portal.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.ItemVersions;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.PublicPage;
import cn.chengxin.catalog.domain.Sharing;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.creditfile.FileEntry;
import cn.chengxin.creditfile.RecordProceeding;
import cn.chengxin.creditfile.RecordProceedings;
import cn.chengxin.creditfile.SubjectEntry;
import cn.chengxin.portal.PublicInput;
import cn.chengxin.shared.ratelimit.LimitCounters;
import cn.chengxin.shared.ratelimit.PerAddressLimit;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.shared.web.ExpiredForms;
import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
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
 * 失信信息公示: published negative records (administrative penalties and the like), found by decision document number
 * or by identity number, de-identified. Only what the rules publish (RULES.md §4): items shared publicly, not minor
 * ones, and only while shown — a record repaired, revoked or past its publication period is gone at once; one in
 * dispute carries the 异议处理中 mark, one whose decision is under administrative review or in a lawsuit the
 * 行政复议中 / 行政诉讼中 flag (RULES.md §5: the flags show wherever the record shows); never a record of what a person did before the age of 18, nor of a person whose
 * birth date is unknown (RULES.md §6). Rate-limited per address like the lists. As on the lists, the search box is
 * posted, and a look-up by identity number is answered on the post, never from an address ({@link SearchTerms}).
 * <p>
 * The other half of 双公示 and the good records are published the same way, each item on the page the catalogue's
 * {@link PublicPage} names (gaps review xxx L6; 攀枝花 二(二)2, 二(五)3): 行政许可公示 (licences and the other basic
 * items shared publicly) and 守信信息公示 (good items shared publicly, of which a person's honour they declined to have
 * recorded is never shown, RULES.md §2), with the same masking, the same rule on minors and the same periods; a
 * record's own 有效期至, a licence's, ends its publication too ({@link PublicPage#withinOwnValidity}). These two pages
 * also list their most recent records without a search.
 */
@Controller
class PublicDisclosures {

    /** Records read for one page of a browsing list. */
    static final int BROWSE_SIZE = 20;
    /** How far back a browsing list pages (20 × 50 records): further back, search. */
    static final int MAX_BROWSE_PAGE = 49;

    private final CreditFile creditFile;
    private final RecordProceedings proceedings;
    private final Catalogue catalogue;
    private final SubjectRegistry subjects;
    private final StaffDirectory directory;
    private final Clock clock;
    private final PerAddressLimit limit;

    PublicDisclosures(CreditFile creditFile, RecordProceedings proceedings, Catalogue catalogue,
                      SubjectRegistry subjects, StaffDirectory directory, Clock clock, LimitCounters counters,
                      @Value("${chengxin.portal.list-pages-per-minute:60}") long perMinute) {
        this.creditFile = creditFile;
        this.proceedings = proceedings;
        this.catalogue = catalogue;
        this.subjects = subjects;
        this.directory = directory;
        this.clock = clock;
        this.limit = new PerAddressLimit(counters, perMinute, "DISCLOSURE_RATE_LIMITED");
    }

    /**
     * One published record as the public sees it, with the kinds of proceeding pending against its decision (the
     * flag only: the case number staff noted is not published).
     */
    record Disclosure(String maskedName, String maskedNumber, String itemName, String departmentName,
                      FileEntry record, List<RecordProceeding.Kind> proceedings) {
    }

    /** Records by decision document number; a number written into the address is not looked up. */
    @PublicEndpoint
    @GetMapping("/disclosures")
    String disclosures(@RequestParam(defaultValue = "") String q, HttpServletRequest request, Model model) {
        return byAddress(PublicPage.DISCLOSURES, q, request, model);
    }

    /**
     * 行政许可公示: the licences (and other basic items) published, found as on 失信信息公示, and without a search the
     * most recent ones, a page at a time ({@link #browse}).
     */
    @PublicEndpoint
    @GetMapping("/licences")
    String licences(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                    HttpServletRequest request, Model model) {
        return byAddressOrBrowse(PublicPage.LICENCES, q, page, request, model);
    }

    /** 守信信息公示: the good records published, found or browsed as on 行政许可公示. */
    @PublicEndpoint
    @GetMapping("/honours")
    String honours(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "0") int page,
                   HttpServletRequest request, Model model) {
        return byAddressOrBrowse(PublicPage.HONOURS, q, page, request, model);
    }

    private String byAddressOrBrowse(PublicPage page, String q, int pageNumber, HttpServletRequest request,
                                     Model model) {
        return PublicInput.clean(q).isBlank() ? browse(page, pageNumber, request, model)
                : byAddress(page, q, request, model);
    }

    /**
     * The page's most recent published records, newest decision first, {@link #BROWSE_SIZE} a page (gaps review xxx
     * L6): licences and honours are published to be seen — the 双公示 of licences, the good examples of 攀枝花
     * 二(五)3 — not only found by who already knows a decision number. Filtered as a search is (masked, no minors, no
     * declined honour, within the periods and the record's own 有效期至), so a page may hold fewer than its size. Paging
     * on is scraping too, and so is asking for the first page again and again: every page, the first included, counts
     * against the address's limit (gaps review xxxv P5), as the lists' pages do. 失信信息公示 is not browsed:
     * penalties are found, not paraded. Each page reads at most its depth of each item's records, in an index's order.
     */
    private String browse(PublicPage page, int pageNumber, HttpServletRequest request, Model model) {
        int number = Math.max(0, Math.min(pageNumber, MAX_BROWSE_PAGE));
        limit.take(request.getRemoteAddr(), clock.instant());
        Set<String> items = new HashSet<>();
        catalogue.active().stream().map(CatalogueItem::definition)
                .filter(d -> PublicPage.of(d).equals(Optional.of(page))).forEach(d -> items.add(d.code()));
        List<SubjectEntry> read = creditFile.shownOfItems(items, number * BROWSE_SIZE, BROWSE_SIZE + 1);
        List<Disclosure> shown = published(page, read.subList(0, Math.min(read.size(), BROWSE_SIZE)));
        model.addAttribute("browsePage", number);
        model.addAttribute("browseOlder", read.size() > BROWSE_SIZE && number < MAX_BROWSE_PAGE);
        model.addAttribute("browsed", shown);
        return show(page, "", null, null, null, model);
    }

    private String byAddress(PublicPage page, String q, HttpServletRequest request, Model model) {
        String query = PublicInput.clean(q).strip();
        if (query.isEmpty()) {
            return show(page, "", null, null, null, model);
        }
        limit.take(request.getRemoteAddr(), clock.instant());
        if (isIdentityNumber(query)) {
            return show(page, "", null, null, "publicLists.numberNotInUrl", model);
        }
        return show(page, query, published(page, creditFile.shownWithDecisionNumber(query)), null, null, model);
    }

    /**
     * The search box: a decision document number, shown on every record published, is sent on to the address that
     * carries it, unless it holds a run as long as an identity number (perhaps one mistyped beside a name): that one,
     * like an identity number, is looked up and answered here, shown masked and never in a link.
     */
    @PublicEndpoint
    @PostMapping("/disclosures")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(required = false) DocumentType documentType,
                  HttpServletRequest request, Model model) {
        return search(PublicPage.DISCLOSURES, q, documentType, request, model);
    }

    @PublicEndpoint
    @PostMapping("/licences")
    String searchLicences(@RequestParam(defaultValue = "") String q,
                          @RequestParam(required = false) DocumentType documentType, HttpServletRequest request,
                          Model model) {
        return search(PublicPage.LICENCES, q, documentType, request, model);
    }

    @PublicEndpoint
    @PostMapping("/honours")
    String searchHonours(@RequestParam(defaultValue = "") String q,
                         @RequestParam(required = false) DocumentType documentType, HttpServletRequest request,
                         Model model) {
        return search(PublicPage.HONOURS, q, documentType, request, model);
    }

    private String search(PublicPage page, String q, DocumentType documentType, HttpServletRequest request,
                          Model model) {
        q = PublicInput.clean(q);
        // A passport or travel-permit holder is looked up with the type named; without one the type is inferred.
        if (documentType == null && !isIdentityNumber(q) && SearchTerms.holdsIdentityLengthRun(q)) {
            limit.take(request.getRemoteAddr(), clock.instant());
            return show(page, "", published(page, creditFile.shownWithDecisionNumber(q.strip())), null, null, model);
        }
        if (documentType == null && !isIdentityNumber(q)) {
            return "redirect:" + UriComponentsBuilder.fromPath(page.path()).queryParam("q", q.strip()).build()
                    .encode().toUriString();
        }
        // Trying numbers one after another is scraping the records too.
        limit.take(request.getRemoteAddr(), clock.instant());
        try {
            return show(page, "", published(page, ofSubject(documentType, q.strip())), null, null, model);
        } catch (InvalidIdentityException e) {
            model.addAttribute("queryProblemCode", e.code()); // an English page reads it in English
            return show(page, "", List.of(), e.getMessage(), null, model);
        }
    }

    /**
     * A look-up whose page expired or that came from another site ({@link ExpiredForms}) is not run: the search page
     * again, the box empty (an identity number typed is never sent back), asking for the look-up again.
     */
    @PublicEndpoint
    @PostMapping(ExpiredForms.PREFIX + "/disclosures")
    String expired(HttpServletResponse response, Model model) {
        return expired(PublicPage.DISCLOSURES, response, model);
    }

    @PublicEndpoint
    @PostMapping(ExpiredForms.PREFIX + "/licences")
    String expiredLicences(HttpServletResponse response, Model model) {
        return expired(PublicPage.LICENCES, response, model);
    }

    @PublicEndpoint
    @PostMapping(ExpiredForms.PREFIX + "/honours")
    String expiredHonours(HttpServletResponse response, Model model) {
        return expired(PublicPage.HONOURS, response, model);
    }

    private String expired(PublicPage page, HttpServletResponse response, Model model) {
        response.setStatus(HttpStatus.FORBIDDEN.value());
        return show(page, "", null, null, ExpiredForms.MESSAGE_KEY, model);
    }

    /**
     * The page: {@code shown} is echoed in the search box (an identity number never is); {@code found} is null when
     * nothing was searched.
     */
    private String show(PublicPage page, String shown, List<Disclosure> found, String problem, String problemKey,
                        Model model) {
        model.addAttribute("publicPage", page);
        model.addAttribute("pageKey", page.name().toLowerCase(java.util.Locale.ROOT));
        model.addAttribute("q", shown);
        model.addAttribute("searched", found != null);
        model.addAttribute("found", found == null ? List.of() : found);
        model.addAttribute("queryProblem", problem);
        model.addAttribute("queryProblemKey", problemKey);
        model.addAttribute("documentTypes", DocumentType.values());
        return "portal/disclosures";
    }

    /**
     * A term with digits but no Chinese character: an identity number (a passport's, a mistyped one), never sent to
     * an address. Decision numbers name their issuer in Chinese; what holds no digit is neither.
     */
    private static boolean isIdentityNumber(String typed) {
        return SearchTerms.isNumber(typed) && !SearchTerms.isDecisionNumber(typed);
    }

    /**
     * The subject's records. A number nobody is registered under reads a file too, of an id no subject has: read only
     * for a registered one, the answer took longer for a person the platform knows (a resident) than for a stranger,
     * and its time told whether a number is registered where the page itself shows neither any records.
     */
    private List<SubjectEntry> ofSubject(DocumentType type, String number) {
        Optional<UUID> subject = subjects.find(subjects.validate(type, number));
        UUID id = subject.orElseGet(UUID::randomUUID);
        List<FileEntry> file = creditFile.fileAsShown(id);
        return subject.isEmpty() ? List.of() : file.stream().map(e -> new SubjectEntry(id, e)).toList();
    }

    private List<Disclosure> published(PublicPage page, List<SubjectEntry> entries) {
        // Each record is published, or not, by the item version it was stored under (issue #4, RULES.md §4): a later
        // version making the item minor, or no longer minor, does not withdraw or publish what was collected before.
        ItemVersions versions = catalogue.versionsEverInForce();
        // Publication is a disclosure of personal data: a later version that stops sharing the item publicly (or an
        // item taken out of force) withdraws what was published under an earlier one — the stricter of the two holds.
        Set<String> publicNow = new HashSet<>();
        catalogue.active().stream().map(CatalogueItem::definition).filter(d -> d.sharing() == Sharing.PUBLIC)
                .forEach(d -> publicNow.add(d.code()));
        Map<String, String> departments = directory.departmentNames();
        Map<UUID, Optional<SubjectProfile>> profiles = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        List<SubjectEntry> shown = entries.stream().filter(e -> e.entry().status().shown())
                .filter(e -> PublicPage.withinOwnValidity(e.entry().content(), today))
                .filter(e -> publicNow.contains(e.entry().itemCode()))
                .filter(e -> PublicPage.of(itemOf(versions, e.entry())).equals(Optional.of(page))).toList();
        // The flags of the whole page in one query.
        Map<UUID, List<RecordProceeding>> pending = proceedings.pendingOn(shown.stream()
                .map(e -> e.entry().recordKey()).toList());
        return shown.stream()
                .flatMap(e -> {
                    SubjectProfile p = profiles.computeIfAbsent(e.subjectId(), subjects::profile).orElseThrow();
                    // A minor's record is never published, not even once they are of age, nor one of a person whose
                    // age at the decision nobody knows (RULES.md §6; PIPL Art. 28 and 31 for those under 14).
                    if (!p.actedAsAdultOn(e.entry().decisionDate())) {
                        return Stream.empty();
                    }
                    return Stream.of(new Disclosure(p.maskedName(), p.maskedNumber(),
                            itemOf(versions, e.entry()).name(),
                            departments.getOrDefault(e.entry().departmentCode(), e.entry().departmentCode()),
                            e.entry(), pending.getOrDefault(e.entry().recordKey(), List.of()).stream()
                                    .map(RecordProceeding::kind).distinct().toList()));
                }).toList();
    }

    private static ItemDefinition itemOf(ItemVersions versions, FileEntry entry) {
        return versions.of(entry.itemCode(), entry.itemVersion()).orElse(null);
    }
}
