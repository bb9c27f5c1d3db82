package cn.chengxin.catalog.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.domain.CatalogueProblem;
import cn.chengxin.catalog.domain.FieldsJsonSchema;
import cn.chengxin.catalog.domain.ItemChange;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Withdrawal;
import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.shared.web.Refuses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The catalogue is public (公共信用信息目录 are published): a page on the public site, and the active
 * definitions as JSON for departments' systems to build their submissions against, with the version coming into force,
 * the feed of approved changes and each item's fields as a JSON Schema (gaps review xxxvii-api R4).
 */
@Controller
@PublicEndpoint
@Tag(name = "catalog", description = "公共信用信息目录")
class CataloguePublic {

    /** The most changes a page of the feed holds. */
    static final int MOST_CHANGES = 500;

    private final Catalogue catalogue;

    CataloguePublic(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The items in force; a withdrawn one apart, with the document that withdrew it (its reason is internal). */
    @GetMapping("/catalog")
    String page(Model model) {
        List<CatalogueItem> inForce = catalogue.active();
        model.addAttribute("items", inForce.stream().filter(i -> !i.withdrawn()).toList());
        model.addAttribute("withdrawn", inForce.stream().filter(CatalogueItem::withdrawn).toList());
        // Providers by their names in the directory, as a reader knows them. A code the directory lacks is left out:
        // staff pages flag it for the credit office to register, but a citizen can do nothing with a code.
        java.util.Map<String, String> departments = catalogue.departments();
        model.addAttribute("providers", inForce.stream().collect(java.util.stream.Collectors.toMap(
                CatalogueItem::code, i -> i.definition().providers().stream().filter(departments::containsKey)
                        .map(departments::get).toList(), (a, b) -> a)));
        return "portal/catalog";
    }

    @GetMapping(value = "/api/v1/catalog/items", produces = "application/json")
    @ResponseBody
    @Operation(summary = "已启用的目录事项", description = "Version in force of every item: code, fields, providers, "
            + "legal basis, sharing, severity, publication periods, and the day it took effect (`effectiveFrom`). "
            + "A version approved to take effect later is `coming`: its number, its day, its definition and what it "
            + "changes in a row's fields (added, removed, now required, changed; `narrows`: a row valid today may be "
            + "refused under it). While a cancellation of it waits for a second person (`cancellationPending`) it "
            + "does not take effect, even once its day has come; sent back, it takes effect on its day, or within a "
            + "minute when that has passed. Rows are validated by the version in force on the day the platform "
            + "receives them. "
            + "`schema` is the JSON Schema of the item's `fields`. A withdrawn item (废止) has `withdrawal` set: it "
            + "takes no new records (ADD is refused with ITEM_WITHDRAWN), while the records delivered under it may "
            + "still be corrected (UPDATE) or revoked (REVOKE) against this definition — unless `withdrawal.kind` is "
            + "BASIS_REVOKED: its legal basis was revoked and its records were withdrawn (revoked) with it.")
    List<Published> items() {
        Map<String, CatalogueItem> coming = catalogue.scheduled().stream()
                .collect(Collectors.toMap(CatalogueItem::code, Function.identity()));
        return catalogue.active().stream().map(i -> new Published(i.version(), i.effectiveFrom(), i.definition(),
                i.withdrawn() ? new Withdrawn(i.decidedAt(), i.withdrawal().basis(), i.withdrawal().kind()) : null,
                coming.containsKey(i.code()) ? coming(coming.get(i.code())) : null, schemaPath(i.code())))
                .toList();
    }

    private Coming coming(CatalogueItem next) {
        return new Coming(next.version(), next.effectiveFrom(), next.decidedAt(), next.cancellation() != null,
                catalogue.changeOf(next), next.definition(), schemaPath(next.code()) + "?version=" + next.version());
    }

    @GetMapping(value = "/api/v1/catalog/changes", produces = "application/json")
    @ResponseBody
    @Operation(summary = "目录变更", description = "The feed of approved catalogue changes (new items, new versions, "
            + "withdrawals), in the order approved, each with its number `change`. Page with `since`: the `change` of "
            + "the last one read (0 or absent: from the first). `next` is the `since` of the following page, null "
            + "when this page reached the end: poll again later with the last `change` read. `effectiveFrom` is the "
            + "day the version takes effect; `inForce` whether it is in force now. An approved version cancelled "
            + "before its day comes again with a new `change`, kind CANCELLATION and `cancelledAt`: it never takes "
            + "effect, the version in force stays, and its schema and template are no longer served. The base "
            + "catalogue seeded with the platform's release is not in the feed (GET /api/v1/catalog/items lists it).")
    ChangesPage changes(@Parameter(description = "The `change` of the last change read; 0 or absent: from the first")
                        @RequestParam(defaultValue = "0") long since,
                        @Parameter(description = "At most this many changes (1–500, default 100)")
                        @RequestParam(defaultValue = "100") int limit) {
        int size = Math.max(1, Math.min(MOST_CHANGES, limit));
        List<CatalogueItem> page = catalogue.changesAfter(Math.max(0, since), size);
        List<Change> changes = page.stream().map(i -> new Change(i.changeSeq(), i.code(), i.definition().name(),
                i.version(), kind(i), i.decidedAt(), i.effectiveFrom(), i.status() == CatalogueItem.Status.ACTIVE
                        || i.status() == CatalogueItem.Status.RETIRED,
                catalogue.changeOf(i), schemaPath(i.code()) + "?version=" + i.version(),
                i.status() == CatalogueItem.Status.CANCELLED ? i.cancellation().cancelledAt() : null)).toList();
        return new ChangesPage(changes, page.size() == size ? page.get(page.size() - 1).changeSeq() : null);
    }

    /** A cancelled version is in the feed once more, under the cancellation's number, as what became of it. */
    private String kind(CatalogueItem change) {
        if (change.status() == CatalogueItem.Status.CANCELLED) {
            return "CANCELLATION";
        }
        return change.withdrawal() != null ? "WITHDRAWAL" : catalogue.before(change).isEmpty() ? "NEW_ITEM"
                : "REVISION";
    }

    @GetMapping(value = "/api/v1/catalog/items/{code}/schema.json",
            produces = {"application/schema+json", MediaType.APPLICATION_JSON_VALUE})
    @Operation(summary = "事项字段的 JSON Schema", description = "The JSON Schema (draft 2020-12) of a record's `fields` "
            + "under the item's version in force, or under `version` (one in force before, or the coming one): each "
            + "field typed (`x-chengxin-type`: TEXT, INTEGER, DECIMAL, DATE as an ISO date, BOOLEAN, CHOICE as an "
            + "enumeration), the required ones in `required`, no other field allowed. Its file templates: "
            + "`template.csv` and `template.xlsx` beside it.")
    @Refuses(status = 404, value = "ITEM_NOT_FOUND")
    @ResponseBody
    ResponseEntity<Map<String, Object>> schema(@PathVariable String code,
                                               @RequestParam(required = false) Integer version) {
        CatalogueItem item = catalogue.published(code, version).orElseThrow(CatalogueProblem::versionNotFound);
        return ResponseEntity.ok().contentType(MediaType.valueOf("application/schema+json"))
                .body(FieldsJsonSchema.of(item.definition(), item.version(),
                        schemaPath(code) + "?version=" + item.version()));
    }

    private static String schemaPath(String code) {
        return "/api/v1/catalog/items/" + code + "/schema.json";
    }

    /**
     * @param effectiveFrom the day this version took effect
     * @param withdrawal    null while the item takes new records
     * @param coming        the version approved to take effect later, null when none
     * @param schema        the JSON Schema of the item's {@code fields} under this version
     */
    @Schema(name = "CatalogueItem")
    record Published(int version, LocalDate effectiveFrom, ItemDefinition definition, Withdrawn withdrawal,
                     Coming coming, String schema) {
    }

    /**
     * A version approved to take effect on {@code effectiveFrom}; until then the version in force validates rows.
     *
     * @param approvedAt when a second person approved it
     * @param cancellationPending its cancellation is proposed and waits for a second person (待撤销审核): it does not
     *                   take effect until decided, even past {@code effectiveFrom}
     * @param changes    what it changes in a row's fields against the version in force
     * @param schema     the JSON Schema of the item's {@code fields} under it
     */
    @Schema(name = "CatalogueComingVersion")
    record Coming(int version, LocalDate effectiveFrom, Instant approvedAt, boolean cancellationPending,
                  ItemChange changes, ItemDefinition definition, String schema) {
    }

    /**
     * One approved change.
     *
     * @param change   its number, to page by ({@code since})
     * @param kind     NEW_ITEM, REVISION, WITHDRAWAL, or CANCELLATION: the version approved under an earlier number
     *                 was cancelled before its day
     * @param inForce  whether the version is (or was) in force; false while it waits for its day, and once cancelled
     * @param cancelledAt when a second person approved the cancellation; null but for a CANCELLATION
     */
    @Schema(name = "CatalogueChange")
    record Change(long change, String code, String name, int version,
                  @Schema(allowableValues = {"NEW_ITEM", "REVISION", "WITHDRAWAL", "CANCELLATION"}) String kind,
                  Instant approvedAt, LocalDate effectiveFrom, boolean inForce, ItemChange fields, String schema,
                  Instant cancelledAt) {
    }

    /** @param next the {@code since} of the following page; null when this page reached the end */
    @Schema(name = "CatalogueChanges")
    record ChangesPage(List<Change> changes, Long next) {
    }

    /**
     * When the withdrawal was approved, the document it rests on — the catalogue's revision, or the one that revoked
     * the item's legal basis — and which of the two ({@code kind}: REVISION, BASIS_REVOKED).
     */
    record Withdrawn(Instant withdrawnAt, String basis, Withdrawal.Kind kind) {
    }

}
