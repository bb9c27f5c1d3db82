package cn.chengxin.portal.content.web;

import java.util.List;
import java.util.UUID;

import cn.chengxin.portal.Article;
import cn.chengxin.portal.ContentPublishing;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleStatus;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.web.ConsoleActions;
import cn.chengxin.subject.domain.TypedText;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 典型案例与文章 in the console: browse (any staff: what the public site shows; drafts, texts under review or sent back
 * and withdrawn ones only to content:edit and content:publish, since an unreviewed case may still name its person),
 * write and submit (content:edit), publish, send back or withdraw (content:publish). Every action names the version
 * it was taken on.
 */
@Controller
class ContentConsole {

    private final ContentPublishing content;

    ContentConsole(ContentPublishing content) {
        this.content = content;
    }

    @RequiresPermission(Permission.CONSOLE_HOME)
    @GetMapping("/console/content")
    String list(@RequestParam(required = false) ArticleStatus status, Authentication who, Model model) {
        boolean writer = writer(who);
        ArticleStatus shown = writer ? status : ArticleStatus.PUBLISHED;
        model.addAttribute("articles", content.all(shown));
        model.addAttribute("statuses", writer ? ArticleStatus.values() : new ArticleStatus[] {ArticleStatus.PUBLISHED});
        model.addAttribute("status", shown);
        // Published before every kind was de-identified (I8): for the writers and reviewers to withdraw and correct.
        model.addAttribute("toReview", writer ? content.publishedToReview() : List.of());
        return "console/content";
    }

    @RequiresPermission(Permission.CONSOLE_HOME)
    @GetMapping("/console/content/{id}")
    String detail(@PathVariable UUID id, Authentication who, Model model) {
        Article article = article(id);
        if (article.status() != ArticleStatus.PUBLISHED && !writer(who)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        model.addAttribute("article", article);
        model.addAttribute("decisions", content.linkedDecisions(id));
        return "console/content-item";
    }

    /** Who may read what is not public: the writers and the reviewers of content. */
    private static boolean writer(Authentication who) {
        return who != null && who.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals(Permission.CONTENT_EDIT.code()) || a.equals(Permission.CONTENT_PUBLISH.code()));
    }

    @RequiresPermission(Permission.CONTENT_EDIT)
    @GetMapping("/console/content/new")
    String create(Model model) {
        return form(model, new ArticleForm(), null, null);
    }

    @RequiresPermission(Permission.CONTENT_EDIT)
    @GetMapping("/console/content/{id}/edit")
    String edit(@PathVariable UUID id, Model model) {
        ArticleForm form = ArticleForm.of(article(id));
        form.setDecisions(String.join("\n", content.linkedDecisions(id)));
        return form(model, form, id, null);
    }

    @RequiresPermission(Permission.CONTENT_EDIT)
    @PostMapping("/console/content")
    String saveNew(@ModelAttribute("article") ArticleForm form, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        try {
            Article saved = content.draft(form.toText(), form.getDecisions());
            redirect.addFlashAttribute("successKey", "content.draftSaved");
            return "redirect:/console/content/" + saved.id();
        } catch (RuntimeException e) {
            return refused(model, response, form, null, e);
        }
    }

    @RequiresPermission(Permission.CONTENT_EDIT)
    @PostMapping("/console/content/{id}")
    String save(@PathVariable UUID id, @ModelAttribute("article") ArticleForm form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        try {
            content.edit(id, form.getVersion(), form.toText(), form.getDecisions());
            redirect.addFlashAttribute("successKey", "content.draftSaved");
            return "redirect:/console/content/" + id;
        } catch (RuntimeException e) {
            return refused(model, response, form, id, e);
        }
    }

    @RequiresPermission(Permission.CONTENT_EDIT)
    @PostMapping("/console/content/{id}/submit")
    String submit(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        return act(redirect, id, "content.submitted", () -> content.submit(id, version));
    }

    @RequiresPermission(Permission.CONTENT_PUBLISH)
    @PostMapping("/console/content/{id}/publish")
    String publish(@PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String note,
                   @RequestParam(defaultValue = "false") boolean confidentialityReviewed,
                   RedirectAttributes redirect) {
        return act(redirect, id, "content.published",
                () -> content.publish(id, version, note, confidentialityReviewed));
    }

    /**
     * A reason refused for the number it holds is shown again beside its field, masked, to be corrected (422: the
     * article was not sent back).
     */
    @RequiresPermission(Permission.CONTENT_PUBLISH)
    @PostMapping("/console/content/{id}/reject")
    String reject(@PathVariable UUID id, @RequestParam int version, @RequestParam(defaultValue = "") String note,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            content.reject(id, version, note);
        } catch (TypedText.HoldsIdentityNumber refused) {
            ConsoleActions.showRefusal(model, response, refused);
            model.addAttribute("rejectNote", TypedText.shownAgain(note));
            model.addAttribute("article", article(id));
            model.addAttribute("decisions", content.linkedDecisions(id));
            return "console/content-item";
        } catch (RuntimeException e) {
            ConsoleActions.flashRefusal(redirect, e);
            return "redirect:/console/content/" + id;
        }
        redirect.addFlashAttribute("successKey", "content.rejected");
        return "redirect:/console/content/" + id;
    }

    @RequiresPermission(Permission.CONTENT_PUBLISH)
    @PostMapping("/console/content/{id}/withdraw")
    String withdraw(@PathVariable UUID id, @RequestParam int version, RedirectAttributes redirect) {
        return act(redirect, id, "content.withdrawn", () -> content.withdraw(id, version));
    }

    private Article article(UUID id) {
        return content.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String act(RedirectAttributes redirect, UUID id, String successKey, Runnable action) {
        ConsoleActions.flash(redirect, successKey, action);
        return "redirect:/console/content/" + id;
    }

    /**
     * The form shown again with the domain's refusal and what was typed (422, or its kind's status such as 409 for an
     * article changed meanwhile: nothing was saved); anything else is not the user's to fix and goes on to the error
     * handling.
     */
    private String refused(Model model, HttpServletResponse response, ArticleForm form, UUID id, RuntimeException e) {
        ConsoleActions.showRefusal(model, response, e);
        if (e instanceof TypedText.HoldsIdentityNumber) {
            // As typed, any number masked: the writer corrects the text rather than types it again.
            form.setTitle(TypedText.shownAgain(form.getTitle()));
            form.setSummary(TypedText.shownAgain(form.getSummary()));
            form.setBody(TypedText.shownAgain(form.getBody()));
            form.setDecisions(TypedText.shownAgain(form.getDecisions()));
        }
        return form(model, form, id, (DomainProblem) e);
    }

    private String form(Model model, ArticleForm form, UUID id, DomainProblem problem) {
        model.addAttribute("article", form);
        model.addAttribute("id", id);
        model.addAttribute("kinds", ArticleKind.values());
        model.addAttribute("problem", problem);
        return "console/content-form";
    }
}
