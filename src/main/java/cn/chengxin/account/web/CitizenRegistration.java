package cn.chengxin.account.web;

import java.util.UUID;

import cn.chengxin.account.CitizenAccounts;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.PublicEndpoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 实名注册: identity number and name checked against the registry, phone proved by a one-time code. */
@Controller
@PublicEndpoint
class CitizenRegistration {

    private final CitizenAccounts citizens;

    CitizenRegistration(CitizenAccounts citizens) {
        this.citizens = citizens;
    }

    @GetMapping("/me/register")
    String form() {
        return "me/register";
    }

    @PostMapping("/me/register")
    String start(@RequestParam String number, @RequestParam String name, @RequestParam String phone,
                 @RequestParam String password, Model model) {
        try {
            UUID registration = citizens.startRegistration(number, name, phone, password);
            model.addAttribute("registration", registration);
            return "me/register-verify";
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            // The number typed is not sent back to the page: the citizen types it again.
            model.addAttribute("failure", problem.getMessage());
            model.addAttribute("failureCode", problem.code());
            model.addAttribute("name", name);
            return "me/register";
        }
    }

    @PostMapping("/me/register/verify")
    String verify(@RequestParam UUID registration, @RequestParam String code, Model model,
                  RedirectAttributes redirect) {
        try {
            citizens.completeRegistration(registration, code);
            redirect.addFlashAttribute("registered", true);
            return "redirect:/me/login?registered";
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem problem)) {
                throw e;
            }
            model.addAttribute("failure", problem.getMessage());
            model.addAttribute("failureCode", problem.code());
            model.addAttribute("registration", registration);
            return "CODE_WRONG".equals(problem.code()) ? "me/register-verify" : "me/register";
        }
    }
}
