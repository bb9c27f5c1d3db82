package cn.chengxin.ingestion.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.creditfile.CollectionFigures;
import cn.chengxin.ingestion.persistence.JdbcBatches;
import cn.chengxin.ingestion.persistence.JdbcBatches.Volume;
import cn.chengxin.shared.calendar.ReportPeriod;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.shared.security.RequiresPermission;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 数据质量: per department, what was delivered in a period, what was refused and why (by code, with its share of the
 * rows), and how long decisions take to arrive (days from decision to acceptance). Aggregates only, no personal data.
 * The credit office oversees the departments' timeliness and completeness and reports yearly (RULES.md §12), so the
 * period is the year so far unless another is chosen, and a data-providing department that delivered nothing in it
 * is listed too, with its last delivery: silence is what oversight must see first. A department provides data when
 * the catalogue names it as a provider of an item in force, whatever its kind in the directory; a provider code the
 * directory does not know is listed as well, flagged, for nobody can deliver under it.
 */
@Controller
@RequiresPermission(Permission.CONSOLE_HOME)
class QualityConsole {

    /** One department's line: its deliveries in the period, and when it last delivered at all (null: never). */
    record DepartmentQuality(Volume volume, LocalDate lastDelivery) {
    }

    private final JdbcBatches batches;
    private final CollectionFigures collection;
    private final StaffDirectory directory;
    private final Catalogue catalogue;
    private final Clock clock;

    QualityConsole(JdbcBatches batches, CollectionFigures collection, StaffDirectory directory, Catalogue catalogue,
                   Clock clock) {
        this.batches = batches;
        this.collection = collection;
        this.directory = directory;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @GetMapping("/console/quality")
    String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                Model model) {
        ReportPeriod period = ReportPeriod.chosenOrYearToDate(from, to, LocalDate.now(clock));
        LocalDate start = period.from();
        LocalDate end = period.to();
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        // Each department by its name, as the clerk knows it; the code beside it, as the files and the API name it.
        model.addAttribute("departments", directory.departmentNames());
        if (!period.valid()) {
            model.addAttribute("periodInvalid", true);
            model.addAttribute("volumes", List.of());
            model.addAttribute("delivered", Map.of());
            model.addAttribute("rejections", List.of());
            model.addAttribute("timeliness", List.of());
            return "console/quality";
        }
        ZoneId zone = clock.getZone();
        Instant since = start.atStartOfDay(zone).toInstant();
        Instant until = end.plusDays(1).atStartOfDay(zone).toInstant();
        Map<String, Volume> volumes = new TreeMap<>();
        batches.volumes(since, until).forEach(v -> volumes.put(v.departmentCode(), v));
        providers().forEach(code -> volumes.putIfAbsent(code, new Volume(code, 0, 0, 0, 0, 0)));
        Map<String, Instant> last = batches.lastDeliveries();
        List<DepartmentQuality> lines = new ArrayList<>();
        volumes.values().forEach(v -> lines.add(new DepartmentQuality(v, last.containsKey(v.departmentCode())
                ? LocalDate.ofInstant(last.get(v.departmentCode()), zone) : null)));
        lines.sort(Comparator.comparing((DepartmentQuality q) -> q.volume().batches() > 0)
                .thenComparing(q -> q.volume().departmentCode()));
        model.addAttribute("volumes", lines);
        model.addAttribute("delivered", volumes);
        model.addAttribute("rejections", batches.rejectionsByCode(since, until));
        // From the kept days' figures and today's records (gaps review xxxv P2), not a sort of the period's records.
        model.addAttribute("timeliness", collection.timeliness(start, end));
        return "console/quality";
    }

    /**
     * Whoever owes deliveries: the providers of every item in force (a withdrawn one takes no new records), and the
     * active departments kept as data providers. A department switched off in the directory owes nothing.
     */
    private Set<String> providers() {
        Set<String> inactive = new TreeSet<>();
        Set<String> providers = new TreeSet<>();
        for (Department department : directory.departments()) {
            if (!department.active()) {
                inactive.add(department.code());
            } else if (department.kind() == Department.Kind.DATA_PROVIDER) {
                providers.add(department.code());
            }
        }
        catalogue.active().stream().filter(item -> !item.withdrawn()).map(CatalogueItem::definition)
                .forEach(definition -> providers.addAll(definition.providers()));
        providers.removeAll(inactive);
        return providers;
    }
}
