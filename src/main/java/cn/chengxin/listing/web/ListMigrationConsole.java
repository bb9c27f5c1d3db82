package cn.chengxin.listing.web;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.listing.ListMigrations;
import cn.chengxin.listing.Listing;
import cn.chengxin.listing.MigratedRow;
import cn.chengxin.listing.MigrationBatch;
import cn.chengxin.shared.security.Actor;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 名单迁移 (gaps review xliii X2; README 迁移与切换): the list clerks upload the file of entries the older system decided
 * (list:propose), its refused rows shown with line and reason; the reviewers of list entries approve or reject a batch
 * someone else uploaded (list:review, 双人复核). A department's clerk sees only the batches they uploaded.
 */
@Controller
class ListMigrationConsole {

    private final ListMigrations migrations;
    private final Listing listing;

    ListMigrationConsole(ListMigrations migrations, Listing listing) {
        this.migrations = migrations;
        this.listing = listing;
    }

    @RequiresPermission({Permission.LIST_PROPOSE, Permission.LIST_REVIEW})
    @GetMapping("/console/list-migrations")
    String page(Model model) {
        Actor me = AuditLog.currentActor();
        boolean ownOnly = me.departmentCode() != null && !me.departmentCode().isBlank()
                && me.dataScope().restricted();
        List<MigrationBatch> batches = migrations.latest().stream()
                .filter(b -> !ownOnly || b.uploadedBy().equals(me.actorId())).toList();
        Map<UUID, List<MigratedRow>> rows = new HashMap<>();
        // What a reviewer approves: the pending batches' rows, numbers masked.
        batches.stream().filter(MigrationBatch::pending).forEach(b -> rows.put(b.id(), migrations.rows(b.id())));
        model.addAttribute("batches", batches);
        model.addAttribute("rows", rows);
        model.addAttribute("departments", listing.departmentNames());
        model.addAttribute("me", me.actorId());
        return "console/list-migrations";
    }

    /** Keeps the accepted rows for review: nothing is listed until another person approves the batch. */
    @RequiresPermission(Permission.LIST_PROPOSE)
    @PostMapping("/console/list-migrations")
    String upload(@RequestParam("file") MultipartFile file, RedirectAttributes redirect) throws IOException {
        byte[] content = file.getBytes();
        ConsoleActions.flash(redirect, "listMigrations.uploaded", () -> redirect.addFlashAttribute("uploaded",
                migrations.upload(file.getOriginalFilename(), content).id()));
        return "redirect:/console/list-migrations";
    }

    @RequiresPermission(Permission.LIST_REVIEW)
    @PostMapping("/console/list-migrations/{id}/approve")
    String approve(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "listMigrations.approved", () -> migrations.approve(id, note));
        return "redirect:/console/list-migrations";
    }

    @RequiresPermission(Permission.LIST_REVIEW)
    @PostMapping("/console/list-migrations/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam(defaultValue = "") String note, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "listMigrations.rejected", () -> migrations.reject(id, note));
        return "redirect:/console/list-migrations";
    }
}
