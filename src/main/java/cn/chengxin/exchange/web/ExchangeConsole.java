package cn.chengxin.exchange.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.audit.AuditLog;
import cn.chengxin.exchange.Exchange;
import cn.chengxin.exchange.QueueSize;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 信息交换 in the console: this platform, its partners, their queues and lag, the messages they refused (set aside),
 * the requests we refused (a partner missing from configuration shows there), the reconciliation results and the
 * list entries other platforms issued that arrived last, with their dispute marks and pending reviews or lawsuits.
 */
@Controller
@RequiresPermission(Permission.EXCHANGE_MANAGE)
class ExchangeConsole {

    private final Exchange exchange;
    private final Clock clock;

    ExchangeConsole(Exchange exchange, Clock clock) {
        this.exchange = exchange;
        this.clock = clock;
    }

    /** For those who keep the exchange and for the second person who approves a list file (issue #5). */
    @RequiresPermission({Permission.EXCHANGE_MANAGE, Permission.EXCHANGE_APPROVE})
    @GetMapping("/console/exchange")
    String page(Model model) {
        Map<String, QueueSize> queues = new HashMap<>();
        Map<String, Long> lagMinutes = new HashMap<>();
        exchange.queueSizes().forEach(q -> {
            queues.put(q.partnerCode(), q);
            if (q.oldestWaiting() != null) {
                lagMinutes.put(q.partnerCode(), Duration.between(q.oldestWaiting(), clock.instant()).toMinutes());
            }
        });
        model.addAttribute("platform", exchange.platform());
        model.addAttribute("partners", exchange.partners());
        model.addAttribute("queues", queues);
        model.addAttribute("lag", lagMinutes);
        model.addAttribute("setAside", exchange.setAside());
        model.addAttribute("refusedAttempts", exchange.refusedAttempts(50));
        model.addAttribute("reconciliations", exchange.reconciliations(60));
        model.addAttribute("receivedEntries", exchange.latestReceivedEntries(50));
        model.addAttribute("yesterday", LocalDate.now(clock).minusDays(1));
        model.addAttribute("loads", exchange.listLoads(20));
        model.addAttribute("me", AuditLog.currentActor().actorId());
        return "console/exchange";
    }

    @PostMapping("/console/exchange/reconcile")
    String reconcile(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                     RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "exchange.reconciled", () -> exchange.reconcile(day));
        return "redirect:/console/exchange";
    }

    @PostMapping("/console/exchange/partners/{code}/resend")
    String resend(@PathVariable String code, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "exchange.resent",
                () -> redirect.addFlashAttribute("resent", exchange.resendCurrentState(code)));
        return "redirect:/console/exchange";
    }

    /** Marks a partner to be pulled (its feed read from its address) or not, gaps review xxviii J7. */
    @PostMapping("/console/exchange/partners/{code}/pull")
    String pull(@PathVariable String code, @RequestParam boolean pull, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "exchange.pullSet", () -> exchange.setPulled(code, pull));
        return "redirect:/console/exchange";
    }

    /** Keeps the file for review: nothing is applied until another person approves it. */
    @PostMapping("/console/exchange/court-defaulters")
    String uploadCourtDefaulters(@RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws java.io.IOException {
        byte[] content = file.getBytes();
        ConsoleActions.flash(redirect, "exchange.uploadedFile", () -> redirect.addFlashAttribute("uploaded",
                exchange.uploadCourtDefaulters(file.getOriginalFilename(), content).id()));
        return "redirect:/console/exchange";
    }

    /** A second person applies the file (exchange:approve, never its uploader: issue #5). */
    @RequiresPermission(Permission.EXCHANGE_APPROVE)
    @PostMapping("/console/exchange/loads/{id}/approve")
    String approveLoad(@PathVariable UUID id, RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "exchange.loadedFile",
                () -> redirect.addFlashAttribute("loaded", exchange.approveLoad(id)));
        return "redirect:/console/exchange";
    }

    @RequiresPermission(Permission.EXCHANGE_APPROVE)
    @PostMapping("/console/exchange/loads/{id}/reject")
    String rejectLoad(@PathVariable UUID id, @RequestParam(defaultValue = "") String note,
                      RedirectAttributes redirect) {
        ConsoleActions.flash(redirect, "exchange.loadRejected", () -> exchange.rejectLoad(id, note));
        return "redirect:/console/exchange";
    }
}
