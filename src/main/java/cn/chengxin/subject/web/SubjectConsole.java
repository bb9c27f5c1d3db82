package cn.chengxin.subject.web;

import cn.chengxin.audit.AuditDetail;
import java.util.UUID;

import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.subject.domain.IdentityDocument;
import cn.chengxin.subject.domain.InvalidIdentityException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Staff look up a subject by number (of a document type they name, or inferred for identity numbers and credit
 * codes). The number is posted (never put in a URL, where it would reach access logs and browser history) and the
 * page shows masked data only. A person whose birth date is unknown gets the form to propose it ({@link
 * BirthDateConsole}).
 */
@RequiresPermission(Permission.SUBJECT_READ)
@Controller
class SubjectConsole {

    private final SubjectRegistry registry;
    private final SubjectPage page;

    SubjectConsole(SubjectRegistry registry, SubjectPage page) {
        this.registry = registry;
        this.page = page;
    }

    @GetMapping("/console/subjects")
    String form(Model model) {
        page.choices(model);
        return SubjectPage.VIEW;
    }

    /**
     * A staff look-up of a person is a query of personal credit data: the purpose is required and the query
     * is recorded (RULES.md §9: staff identity and purpose logged) before anything is shown.
     */
    @PostMapping("/console/subjects")
    String find(@RequestParam String number, @RequestParam(required = false) DocumentType documentType,
                @RequestParam StaffQueryPurpose purpose, Model model) {
        model.addAttribute("documentType", documentType);
        try {
            IdentityDocument document = registry.validate(documentType, number);
            page.show(registry.pseudonymOf(document), registry.find(document), purpose, null, model);
            model.addAttribute("searchedMasked", document.masked());
        } catch (InvalidIdentityException e) {
            page.choices(model);
            model.addAttribute("purpose", purpose);
            model.addAttribute("rejection", e.rejection());
        }
        return SubjectPage.VIEW;
    }

    /**
     * Opens a subject known by id, from a console list that names the person masked only (such as the persons
     * awaiting a birth date): the id is posted, never put in a URL, and the look is recorded with its purpose as a
     * look-up by number is, so the staff member need not type the number.
     */
    @PostMapping("/console/subjects/open")
    String open(@RequestParam UUID subject, @RequestParam StaffQueryPurpose purpose, Model model) {
        if (page.show(subject, purpose, AuditDetail.of("OPENED_FROM_LIST"), model).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return SubjectPage.VIEW;
    }
}
