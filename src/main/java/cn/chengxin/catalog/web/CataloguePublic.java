package cn.chengxin.catalog.web;

import java.util.List;

import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.domain.ItemDefinition;
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

    @GetMapping("/catalog")
    String page(Model model) {
        model.addAttribute("items", catalogue.active());
        return "portal/catalog";
    }

    @GetMapping(value = "/api/v1/catalog/items", produces = "application/json")
    @ResponseBody
    @Operation(summary = "已启用的目录事项", description = "Active version of every item: code, fields, providers, "
            + "legal basis, sharing, severity, publication periods.")
    List<Published> items() {
        return catalogue.active().stream().map(i -> new Published(i.version(), i.definition())).toList();
    }

    record Published(int version, ItemDefinition definition) {
    }

}
