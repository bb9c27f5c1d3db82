package cn.chengxin.catalog.web;

import java.time.Instant;
import java.util.List;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.catalog.domain.Withdrawal;
import cn.chengxin.shared.security.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The catalogue is public (公共信用信息目录 are published): a page on the public site, and the active
 * definitions as JSON for departments' systems to build their submissions against.
 */
@Controller
@PublicEndpoint
@Tag(name = "catalog", description = "公共信用信息目录")
class CataloguePublic {

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
            + "legal basis, sharing, severity, publication periods. A withdrawn item (废止) has `withdrawal` set: it "
            + "takes no new records (ADD is refused with ITEM_WITHDRAWN), while the records delivered under it may "
            + "still be corrected (UPDATE) or revoked (REVOKE) against this definition — unless `withdrawal.kind` is "
            + "BASIS_REVOKED: its legal basis was revoked and its records were withdrawn (revoked) with it.")
    List<Published> items() {
        return catalogue.active().stream().map(i -> new Published(i.version(), i.definition(),
                i.withdrawn() ? new Withdrawn(i.decidedAt(), i.withdrawal().basis(), i.withdrawal().kind()) : null))
                .toList();
    }

    /** @param withdrawal null while the item takes new records */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CatalogueItem")
    record Published(int version, ItemDefinition definition, Withdrawn withdrawal) {
    }

    /**
     * When the withdrawal was approved, the document it rests on — the catalogue's revision, or the one that revoked
     * the item's legal basis — and which of the two ({@code kind}: REVISION, BASIS_REVOKED).
     */
    record Withdrawn(Instant withdrawnAt, String basis, Withdrawal.Kind kind) {
    }

}
