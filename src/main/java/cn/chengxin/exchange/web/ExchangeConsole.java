package cn.chengxin.exchange.web;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

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

    @PostMapping("/console/exchange/court-defaulters")
    String loadCourtDefaulters(@RequestParam("file") MultipartFile file, RedirectAttributes redirect)
            throws java.io.IOException {
        java.io.InputStream content = file.getInputStream();
        ConsoleActions.flash(redirect, "exchange.loadedFile",
                () -> redirect.addFlashAttribute("loaded", exchange.loadCourtDefaulters(content)));
        return "redirect:/console/exchange";
    }
}
