package cn.chengxin.catalog.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a new version of an item changes in the rows a department sends (issue #4: "versioned: a change never rewrites
 * history"; gaps review xxxvii-api R4): the content fields added, removed, made required, or whose type, length or
 * choices changed. A change {@link #narrows} what a row may carry when a row valid under the version before may be
 * refused under the new one: a field removed or made required, a type changed, a length shortened, a choice dropped.
 * Such a change is announced with a notice period ({@link EffectiveDates}).
 *
 * @param added       the fields of the new version the old one lacked, by name
 * @param removed     the fields of the old version the new one lacks
 * @param nowRequired fields of both that the new version requires and the old did not
 * @param changed     fields of both whose type, length or choices differ
 */
public record ItemChange(List<String> added, List<String> removed, List<String> nowRequired, List<String> changed,
                         boolean narrows) {

    public ItemChange {
        added = List.copyOf(added);
        removed = List.copyOf(removed);
        nowRequired = List.copyOf(nowRequired);
        changed = List.copyOf(changed);
    }

    /** A new item: all its fields are added, and nothing a department sent before is refused by it. */
    public static ItemChange newItem(ItemDefinition now) {
        return new ItemChange(now.fields().stream().map(FieldDefinition::name).toList(), List.of(), List.of(),
                List.of(), false);
    }

    public static ItemChange between(ItemDefinition before, ItemDefinition now) {
        Map<String, FieldDefinition> old = new LinkedHashMap<>();
        before.fields().forEach(f -> old.put(f.name(), f));
        List<String> added = new ArrayList<>();
        List<String> nowRequired = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        boolean narrows = false;
        for (FieldDefinition f : now.fields()) {
            FieldDefinition was = old.remove(f.name());
            if (was == null) {
                added.add(f.name());
                narrows |= f.required();
                continue;
            }
            if (f.required() && !was.required()) {
                nowRequired.add(f.name());
                narrows = true;
            }
            if (f.type() != was.type() || f.maxLength() != was.maxLength() || !f.choices().equals(was.choices())) {
                changed.add(f.name());
                narrows |= f.type() != was.type() && f.type() != FieldType.TEXT || f.maxLength() < was.maxLength()
                        || f.type() == FieldType.CHOICE && !f.choices().containsAll(was.choices());
            }
        }
        List<String> removed = List.copyOf(old.keySet());
        return new ItemChange(added, removed, nowRequired, changed, narrows || !removed.isEmpty());
    }

    /** Whether the version changes nothing in a row's fields (its periods, severity or providers, say). */
    public boolean fieldsUnchanged() {
        return added.isEmpty() && removed.isEmpty() && nowRequired.isEmpty() && changed.isEmpty();
    }
}
