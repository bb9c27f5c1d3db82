package cn.chengxin.ingestion.web;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.creditfile.CreditFile;
import cn.chengxin.ingestion.persistence.JdbcBatches;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * 数据质量: per department, what was delivered, what was refused and why (by code), and how long decisions
 * take to arrive (days from decision to acceptance). Aggregates only, no personal data.
 */
@Controller
@RequiresPermission(Permission.CONSOLE_HOME)
class QualityConsole {

    private final JdbcBatches batches;
    private final CreditFile creditFile;
    private final StaffDirectory directory;

    QualityConsole(JdbcBatches batches, CreditFile creditFile, StaffDirectory directory) {
        this.batches = batches;
        this.creditFile = creditFile;
        this.directory = directory;
    }

    @GetMapping("/console/quality")
    String page(Model model) {
        model.addAttribute("volumes", batches.volumes());
        model.addAttribute("rejections", batches.rejectionsByCode());
        model.addAttribute("timeliness", creditFile.timeliness());
        // Each department by its name, as the clerk knows it; the code beside it, as the files and the API name it.
        model.addAttribute("departments", directory.departmentNames());
        return "console/quality";
    }
}
