package cn.chengxin.audit.web;

import java.util.Locale;

import cn.chengxin.audit.AuditDetail;
import org.springframework.context.MessageSource;

/**
 * An event's detail for the auditor (K7): a structured one ({@link AuditDetail}) in words of the reader's language,
 * {@code audit.detail.<CODE>} with its values (each label value by its own text); free text, which events recorded
 * before K7 hold, and a code no one labelled (AuditDetailLabelsTests prevents it) as stored.
 */
final class DetailNames {

    private DetailNames() {
    }

    static String name(MessageSource messages, String stored, Locale locale) {
        return AuditDetail.parse(stored).map(detail -> {
            Object[] args = detail.values().stream().map(v -> v.label()
                    ? messages.getMessage(v.text(), null, v.text(), locale) : v.text()).toArray();
            return messages.getMessage("audit.detail." + detail.code(), args, null, locale);
        }).orElse(stored);
    }
}
