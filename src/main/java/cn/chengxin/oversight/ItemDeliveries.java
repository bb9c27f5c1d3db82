package cn.chengxin.oversight;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.Catalogue;
import cn.chengxin.catalog.CatalogueItem;
import cn.chengxin.catalog.domain.UpdateCycle;
import cn.chengxin.creditfile.CollectionFigures;
import cn.chengxin.creditfile.CollectionFigures.LastReceived;
import cn.chengxin.oversight.domain.DeliveryCycle;
import cn.chengxin.shared.calendar.WorkingCalendar;
import cn.chengxin.shared.calendar.WorkingDays;
import org.springframework.stereotype.Service;

/**
 * 部门督办, item by item (RULES.md §12: collection completeness; issue #4: each item's update cycle): for each item in
 * force and each active department the catalogue names as its provider, the last day the department delivered one of
 * its records and whether the item is overdue by its cycle ({@link DeliveryCycle}). The catalogue's providers are the
 * departments expected to deliver: a department that delivered an item it no longer provides owes nothing, and one
 * named that never delivered is measured from the day it has been named without a break. Withdrawn items take no new
 * records and are left out. As it stands today, whatever the period: silence is a backlog, not a flow.
 */
@Service
public class ItemDeliveries {

    /**
     * One department's item: {@code lastReceived} null when it never delivered one, {@code overdueFrom} null for a
     * cycle that is never overdue.
     */
    public record ItemDelivery(String departmentCode, String departmentName, String itemCode, String itemName,
                               UpdateCycle cycle, LocalDate lastReceived, LocalDate overdueFrom, boolean overdue) {
    }

    private final Catalogue catalogue;
    private final CollectionFigures collection;
    private final StaffDirectory directory;
    private final WorkingDays workingDays;
    private final Clock clock;

    ItemDeliveries(Catalogue catalogue, CollectionFigures collection, StaffDirectory directory,
                   WorkingDays workingDays, Clock clock) {
        this.catalogue = catalogue;
        this.collection = collection;
        this.directory = directory;
        this.workingDays = workingDays;
        this.clock = clock;
    }

    /** Every department's items, by department code then item code. */
    public List<ItemDelivery> now() {
        LocalDate today = LocalDate.now(clock);
        WorkingCalendar calendar = workingDays.calendar();
        Map<String, Department> active = new HashMap<>();
        directory.departments().stream().filter(Department::active).forEach(d -> active.put(d.code(), d));
        Map<String, LocalDate> last = new HashMap<>();
        for (LastReceived r : collection.lastReceived()) {
            last.put(r.departmentCode() + '\n' + r.itemCode(), r.receivedOn());
        }
        List<ItemDelivery> out = new ArrayList<>();
        for (CatalogueItem item : catalogue.active()) {
            if (item.withdrawn()) {
                continue;
            }
            UpdateCycle cycle = item.definition().updateCycle();
            for (String code : item.definition().providers()) {
                Department department = active.get(code);
                if (department == null) {
                    continue;
                }
                LocalDate received = last.get(code + '\n' + item.code());
                Optional<LocalDate> since = received != null ? Optional.of(received) : namedSince(item, code);
                LocalDate from = since.flatMap(day -> DeliveryCycle.overdueFrom(cycle, day, calendar)).orElse(null);
                out.add(new ItemDelivery(code, department.name(), item.code(), item.definition().name(), cycle,
                        received, from, from != null && !today.isBefore(from)));
            }
        }
        out.sort(Comparator.comparing(ItemDelivery::departmentCode).thenComparing(ItemDelivery::itemCode));
        return out;
    }

    /** How many of the departments' items are overdue today. */
    public long overdue() {
        return now().stream().filter(ItemDelivery::overdue).count();
    }

    /**
     * The day the department has been a provider of the item since, without a break up to the version in force: the
     * approval of the earliest version of that run.
     */
    private Optional<LocalDate> namedSince(CatalogueItem inForce, String department) {
        List<CatalogueItem> versions = new ArrayList<>(catalogue.history(inForce.code()).stream()
                .filter(i -> i.decidedAt() != null && i.version() <= inForce.version()
                        && (i.status() == CatalogueItem.Status.ACTIVE || i.status() == CatalogueItem.Status.RETIRED))
                .toList());
        versions.sort(Comparator.comparingInt(CatalogueItem::version).reversed());
        CatalogueItem earliest = null;
        for (CatalogueItem v : versions) {
            if (!v.definition().providers().contains(department)) {
                break;
            }
            earliest = v;
        }
        return Optional.ofNullable(earliest).map(v -> LocalDate.ofInstant(v.decidedAt(), clock.getZone()));
    }
}
