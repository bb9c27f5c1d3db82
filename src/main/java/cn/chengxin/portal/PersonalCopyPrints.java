package cn.chengxin.portal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.chengxin.inquiry.PdfPages;
import cn.chengxin.subject.domain.Masking;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The person's copy ({@link PersonalCopy}) as a document to read and print (gaps review xlvi AA1; PIPL Art. 45 ¶1
 * 查阅): the same assembly as the JSON, rendered from {@code me/copy-print.html} and printed by the reports' machinery
 * ({@link PdfPages}), in Chinese unless the page asked from was English. It says on its first page that it is the
 * person's copy and not a credit report, and carries no number or verification code a report would have, so that no
 * one takes it for one. The name and the number are masked, as on every screen (RULES.md §10): a printed page is
 * left on desks.
 * <p>
 * Bounded: each long list prints its newest {@value #ROWS} rows and says how many more the JSON holds, so that a
 * person looked up daily for years gets a document a printer and a reader can take (the JSON reads 谁查询了我 500 at a
 * time for the same reason) and the rendering stays a request's work.
 */
@Component
public class PersonalCopyPrints {

    /** The rows a list prints; the rest are named by count and are in the JSON copy. */
    static final int ROWS = 500;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ITemplateEngine templates;
    private final MessageSource messages;
    private final PdfPages pages;

    PersonalCopyPrints(ITemplateEngine templates, MessageSource messages, PdfPages pages) {
        this.templates = templates;
        this.messages = messages;
        this.pages = pages;
    }

    /** The copy as a PDF in the page's language: English for an English page, Chinese otherwise. */
    public byte[] pdf(PersonalCopy copy, Locale asked) {
        boolean english = asked != null && "en".equals(asked.getLanguage());
        Locale locale = english ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
        Context context = new Context(locale, Map.of("c", copy, "fmt", new Format(messages, locale),
                "lang", english ? "en" : "zh-CN", "rows", ROWS));
        String title = messages.getMessage("copyPrint.title", null, locale);
        return pages.print(templates.process("me/copy-print", context), title,
                messages.getMessage("copyPrint.subject", null, locale));
    }

    /** What the template formats: times in China's zone, codes by their labels, long lists cut to {@link #ROWS}. */
    public static final class Format {

        private final MessageSource messages;
        private final Locale locale;

        Format(MessageSource messages, Locale locale) {
            this.messages = messages;
            this.locale = locale;
        }

        public String time(Instant at) {
            return at == null ? "—" : TIME.format(at.atZone(CHINA));
        }

        public String day(LocalDate day) {
            return day == null ? "—" : day.toString();
        }

        /** The code's label {@code prefix + code} in the page's language, the code itself when there is none. */
        public String label(String prefix, Object code) {
            return code == null ? "—" : messages.getMessage(prefix + code, null, String.valueOf(code), locale);
        }

        public String yesNo(boolean yes) {
            return messages.getMessage(yes ? "copyPrint.yes" : "copyPrint.no", null, locale);
        }

        /** The name as screens show it (RULES.md §10). */
        public String masked(String name) {
            return name == null ? "—" : Masking.personName(name);
        }

        /** A record's content, as the report prints details: label：value, joined. */
        public String content(Map<String, String> content) {
            return content == null ? "" : content.entrySet().stream()
                    .map(e -> e.getKey() + "：" + (e.getValue() == null ? "" : e.getValue()))
                    .collect(Collectors.joining("；"));
        }

        /** The newest {@link #ROWS} of a list kept newest first, or the first {@link #ROWS} of any other. */
        public <T> List<T> first(List<T> rows) {
            return rows.size() <= ROWS ? rows : rows.subList(0, ROWS);
        }

        /** How many rows {@link #first} leaves out. */
        public int leftOut(List<?> rows) {
            return Math.max(0, rows.size() - ROWS);
        }
    }
}
