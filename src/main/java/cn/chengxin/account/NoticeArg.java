package cn.chengxin.account;

import java.time.LocalDate;
import java.util.List;

/**
 * One typed argument of a notice's wording (G13): the notice is rendered in the reader's language from its wording's
 * message keys and these arguments, each shown as its type says — a date or number as it is, an item or department by
 * its name, a label by its message key. {@code zh} is the argument as the Chinese text has it (a Chinese date, a name
 * as the catalogue had it then), {@code params} a label's own arguments. Never put an identity number in one: the
 * arguments are stored and shown like the text (RULES.md §10).
 */
public record NoticeArg(Type type, String value, String zh, List<String> params) {

    /** How an argument is shown in another language. */
    public enum Type {
        /** Typed by a person or taken from a record (reasons, names, decision numbers): shown as it is. */
        TEXT,
        /** A day: ISO form ({@code value}); {@code zh} may carry the Chinese form the text used. */
        DATE,
        NUMBER,
        /** A catalogue item (or {@code LIST_<type>} for a list entry) by its code; its name as the text had it. */
        ITEM,
        /** A providing department by its code; its name as the text had it. */
        DEPARTMENT,
        /** A message key, rendered with {@code params}; {@code zh} is the Chinese the text used. */
        LABEL
    }

    public NoticeArg {
        value = value == null ? "" : value;
        zh = zh == null ? value : zh;
        params = params == null ? List.of() : List.copyOf(params);
    }

    public static NoticeArg text(String text) {
        return new NoticeArg(Type.TEXT, text, text, null);
    }

    public static NoticeArg date(LocalDate day) {
        return new NoticeArg(Type.DATE, day.toString(), day.toString(), null);
    }

    /** A day the Chinese text wrote in its own form, e.g. {@code 2027年3月1日}. */
    public static NoticeArg date(LocalDate day, String zh) {
        return new NoticeArg(Type.DATE, day.toString(), zh, null);
    }

    public static NoticeArg number(long number) {
        return new NoticeArg(Type.NUMBER, Long.toString(number), Long.toString(number), null);
    }

    public static NoticeArg item(String code, String name) {
        return new NoticeArg(Type.ITEM, code, name, null);
    }

    public static NoticeArg department(String code, String name) {
        return new NoticeArg(Type.DEPARTMENT, code, name, null);
    }

    public static NoticeArg label(String key, String zh, String... params) {
        return new NoticeArg(Type.LABEL, key, zh, List.of(params));
    }
}
