package cn.chengxin.catalog.web;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.ChangeNotice;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 目录变更通知 for a providing department's operators (gaps review xxxvii-api R4): each approved change of an item the
 * department provides, with the day it takes effect and what its rows must change, until someone of the department
 * says they read it (知悉). Staff of no department have none.
 */
@Controller
@RequiresPermission(Permission.RECORD_SUBMIT)
class CatalogueChangesConsole {

    private final Catalogue catalogue;

    CatalogueChangesConsole(Catalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** One notice as shown: the notice, the version it announces and that version's change of the rows. */
    record Shown(ChangeNotice notice, CatalogueItem version, cn.chengxin.catalog.domain.ItemChange change) {

        /** The notice of the version's cancellation (it carries the cancellation's number), not of its approval. */
        public boolean cancellation() {
            return version.status() == CatalogueItem.Status.CANCELLED && version.changeSeq() != null
                    && version.changeSeq() == notice.changeSeq();
        }

        /** The notice of an approval cancelled since. */
        public boolean cancelledSince() {
            return version.status() == CatalogueItem.Status.CANCELLED && !cancellation();
        }
    }

    @GetMapping("/console/catalog-changes")
    String page(Model model) {
        String department = AuditLog.currentActor().departmentCode();
        List<ChangeNotice> notices = department == null ? List.of() : catalogue.changeNotices(department);
        // By item and version: a cancelled version's approval and its cancellation are two notices of one version.
        Map<String, CatalogueItem> versions = notices.stream().map(n -> catalogue.version(n.code(), n.version()))
                .flatMap(java.util.Optional::stream)
                .collect(Collectors.toMap(v -> v.code() + " " + v.version(), Function.identity(), (a, b) -> a));
        model.addAttribute("notices", notices.stream().filter(n -> versions.containsKey(n.code() + " " + n.version()))
                .map(n -> {
                    CatalogueItem version = versions.get(n.code() + " " + n.version());
                    return new Shown(n, version, catalogue.changeOf(version));
                }).toList());
        return "console/catalog-changes";
    }

    @PostMapping("/console/catalog-changes/{seq}/acknowledge")
    String acknowledge(@PathVariable long seq, RedirectAttributes redirect) {
        String department = AuditLog.currentActor().departmentCode();
        ConsoleActions.flash(redirect, "catalog.changes.acknowledged", () -> {
            if (department == null) {
                throw new cn.chengxin.catalog.domain.CatalogueProblem("CHANGE_NOTICE_UNKNOWN",
                        cn.chengxin.shared.DomainProblem.Kind.NOT_FOUND, "本部门没有这条未读的目录变更通知");
            }
            catalogue.acknowledgeChange(department, seq);
        });
        return "redirect:/console/catalog-changes";
    }
}
