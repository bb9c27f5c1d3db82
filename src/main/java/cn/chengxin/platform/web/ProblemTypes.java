package cn.chengxin.platform.web;

import cn.chengxin.shared.security.PublicEndpoint;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page behind each problem's {@code type} URI (RFC 9457 §3.1.1: the type should be documentation a
 * person can read): what the code means and what to do. Known codes are those with a {@code problem.<CODE>}
 * message; modules add theirs to messages.properties.
 */
@PublicEndpoint
@Controller
class ProblemTypes {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final MessageSource messages;

    ProblemTypes(MessageSource messages) {
        this.messages = messages;
    }

    @GetMapping("/problems/{slug}")
    String describe(@PathVariable String slug, Model model, Locale locale) {
        if (!SLUG.matcher(slug).matches()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String code = slug.toUpperCase(Locale.ROOT).replace('-', '_');
        String description = messages.getMessage("problem." + code, null, null, locale);
        if (description == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("code", code);
        model.addAttribute("description", description);
        return "problem-type";
    }
}
