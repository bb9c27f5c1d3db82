package cn.chengxin.listing.web;

import cn.chengxin.listing.Listing;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import cn.chengxin.shared.security.StaffQueryPurpose;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 待补全出生日期 in the console: the persons a rule would have listed but for their unknown birth date, for the
 * staff who complete birth dates (subject:amend). Each row opens the person's subject page by a form that posts the
 * subject's id with a purpose (the look is recorded there, as a look-up by number is): no number to type, and no
 * number or pseudonym in a URL.
 */
@Controller
class AwaitingBirthDateConsole {

    /** The most rows the page shows, oldest first: a clerk works from the top. */
    static final int SHOWN = 200;

    private final Listing listing;

    AwaitingBirthDateConsole(Listing listing) {
        this.listing = listing;
    }

    @RequiresPermission(Permission.SUBJECT_AMEND)
    @GetMapping("/console/lists/awaiting-birth-date")
    String awaiting(Model model) {
        model.addAttribute("awaiting", listing.awaitingBirthDate(SHOWN));
        model.addAttribute("total", listing.awaitingBirthDateCount());
        model.addAttribute("purposes", StaffQueryPurpose.values());
        model.addAttribute("defaultPurpose", StaffQueryPurpose.DATA_QUALITY);
        // The reporting department by its name, as the entries' pages name it: a code tells the clerk nothing.
        model.addAttribute("departments", listing.departmentNames());
        return "console/awaiting-birth-dates";
    }
}
