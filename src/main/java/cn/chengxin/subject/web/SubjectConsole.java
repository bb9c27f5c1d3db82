package cn.chengxin.subject.web;

import java.util.Optional;

import cn.chengxin.subject.SubjectProfile;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff look up a subject by number. The number is posted (never put in a URL, where it would reach access
 * logs and browser history) and the page shows masked data only.
 */
@Controller
class SubjectConsole {

    private final SubjectRegistry registry;

    SubjectConsole(SubjectRegistry registry) {
        this.registry = registry;
    }

    @GetMapping("/console/subjects")
    String form() {
        return "console/subjects";
    }

    @PostMapping("/console/subjects")
    String find(@RequestParam String number, Model model) {
        try {
            IdentityDocument document = registry.validate(null, number);
            Optional<SubjectProfile> profile = registry.find(document).flatMap(registry::profile);
            model.addAttribute("searchedMasked", document.masked());
            profile.ifPresentOrElse(p -> model.addAttribute("profile", p),
                    () -> model.addAttribute("notFound", true));
        } catch (InvalidIdentityException e) {
            model.addAttribute("rejection", e.rejection());
        }
        return "console/subjects";
    }
}
