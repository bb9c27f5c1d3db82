package cn.chengxin.exchange.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import cn.chengxin.audit.SigningKeys;
import cn.chengxin.catalog.domain.CourtListingTerm;
import cn.chengxin.exchange.domain.ExchangeMessage;
import cn.chengxin.exchange.domain.MessageKind;
import cn.chengxin.shared.calendar.CivilPeriods;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The published list of court defaulters (失信被执行人名单, Supreme People's Court) as a CSV file with a header row:
 * 姓名, 身份证号码, 执行法院, 案号, 生效法律文书确定的义务, 失信被执行人行为具体情形, 发布日期, and optionally
 * 截止日期 and 移除日期. Each row becomes a black-list entry issued by {@value #ISSUER}, listed from publication for the
 * term the court decided (RULES.md §7; 法释〔2017〕7号第一条、第二条; {@link CourtListingTerm}): to the row's 截止日期 when
 * it gives one (two years, or extended by one to three for aggravating grounds); without an end when its grounds are
 * 第一条第一项 (able to perform and refusing); else two years from publication (第二条第一款; counted as the law counts
 * years, {@link CivilPeriods}). A removal (移除日期) is a newer version of the same entry. The list names organisations
 * too, by their unified social credit code in the same column: the row is read as a person's until the number is known
 * ({@link #about}).
 */
public final class CourtDefaulterFile {

    public static final String ISSUER = "SPC";
    static final String ISSUER_NAME = "最高人民法院失信被执行人名单";
    static final String BASIS = "《最高人民法院关于公布失信被执行人名单信息的若干规定》（法释〔2017〕7号）";
    /** The catalogue item each row is: a person's court-defaulter record, so the court's own measures follow it. */
    static final String ITEM = "P_COURT_DEFAULTER";
    /** The item an organisation's row is: an organisation's court-defaulter record. */
    public static final String ORGANISATION_ITEM = "O_COURT_DEFAULTER";
    public static final int MAX_ROWS = 100_000;
    private static final List<String> REQUIRED = List.of("姓名", "身份证号码", "执行法院", "案号", "生效法律文书确定的义务",
            "失信被执行人行为具体情形", "发布日期");

    private CourtDefaulterFile() {
    }

    /** A row that became a message, or the reason it did not. */
    public record Row(long line, ExchangeMessage message, String problem) {
    }

    /** The file could not be read as such a list at all. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason);
        }
    }

    public static List<Row> read(InputStream in, Instant loadedAt) {
        List<Row> rows = new ArrayList<>();
        try (InputStream input = in) {
            String text = new String(input.readAllBytes(), StandardCharsets.UTF_8);
            // Spreadsheet programs save UTF-8 CSV with a byte-order mark, which would otherwise stick to 姓名.
            Reader reader = new StringReader(text.startsWith("\uFEFF") ? text.substring(1) : text);
            CSVParser csv = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                    .setIgnoreEmptyLines(true).get().parse(reader);
            Map<String, Integer> header = csv.getHeaderMap();
            List<String> missing = REQUIRED.stream().filter(h -> !header.containsKey(h)).toList();
            if (!missing.isEmpty()) {
                throw new Unreadable("缺少列：" + String.join("、", missing));
            }
            for (CSVRecord record : csv) {
                if (rows.size() >= MAX_ROWS) {
                    throw new Unreadable("一个文件最多 " + MAX_ROWS + " 行");
                }
                rows.add(row(record, loadedAt));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new Unreadable("不是 UTF-8 CSV 文件：" + e.getClass().getSimpleName());
        }
        return rows;
    }

    private static Row row(CSVRecord r, Instant loadedAt) {
        long line = r.getRecordNumber() + 1;
        try {
            String number = get(r, "身份证号码", 40);
            String caseNumber = get(r, "案号", 100);
            LocalDate published = LocalDate.parse(get(r, "发布日期", 10));
            LocalDate removed = optionalDate(r, "移除日期");
            LocalDate courtsEnd = optionalDate(r, "截止日期");
            if (courtsEnd != null && courtsEnd.isBefore(published)) {
                throw new IllegalArgumentException("截止日期：不得早于发布日期");
            }
            LocalDate latest = removed != null && removed.isAfter(published) ? removed : published;
            String id = HexFormat.of().formatHex(SigningKeys.sm3((caseNumber + "|" + number.toUpperCase())
                    .getBytes(StandardCharsets.UTF_8))).substring(0, 32);
            get(r, "生效法律文书确定的义务", 500);
            LocalDate end = end(published, courtsEnd, get(r, "失信被执行人行为具体情形", 500));
            ExchangeMessage message = new ExchangeMessage(ISSUER, "list/spc-" + id,
                    version(latest, published, end, removed != null), MessageKind.LIST_ENTRY, loadedAt,
                    new ExchangeMessage.Subject("RESIDENT_ID", number, get(r, "姓名", 100)), ITEM, "BLACK", null,
                    new ExchangeMessage.Period(published, end), removed != null ? "EXITED" : "EFFECTIVE", false,
                    get(r, "执行法院", 64), caseNumber, BASIS, ISSUER_NAME, null);
            List<String> problems = message.problems();
            return problems.isEmpty() ? new Row(line, message, null)
                    : new Row(line, null, String.join("; ", problems));
        } catch (DateTimeParseException e) {
            return new Row(line, null, "日期须为 yyyy-MM-dd");
        } catch (IllegalArgumentException e) {
            return new Row(line, null, e.getMessage());
        }
    }

    /**
     * The listing's last day, as the court decided it (RULES.md §7; 法释〔2017〕7号第一条、第二条): the row's 截止日期;
     * none for the grounds of 第一条第一项, whatever two years have passed; else two years from publication (第二条第一款).
     */
    static LocalDate end(LocalDate published, LocalDate courtsEnd, String behaviour) {
        if (courtsEnd != null) {
            return courtsEnd;
        }
        return CourtListingTerm.withoutTerm(behaviour) ? null
                : CivilPeriods.lastDayOfYears(published, CourtListingTerm.STATUTORY_MONTHS / 12);
    }

    /**
     * The row's version (a received row is replaced by a higher version only): it grows with the row's latest date, and
     * within a day a removal outranks the listing it ends ({@link #REMOVAL}), a listing without an end outranks one with
     * an end, and a later end an earlier one, so that a court's extension replaces the term loaded before. Loads before
     * finding I2 numbered rows {@code day * 10 (+1 for a removal)}; migration V238 put the rows they left on this scale,
     * as a listing's lowest version ({@code day * SCALE}) and a removal, so that loading the list again sets the term
     * the court decided without undoing a removal.
     */
    static long version(LocalDate latest, LocalDate published, LocalDate end, boolean removed) {
        long within = removed ? REMOVAL : end == null ? REMOVAL - 1
                : Math.min(REMOVAL - 2, 1 + Math.max(0, end.toEpochDay() - published.toEpochDay()));
        return latest.toEpochDay() * SCALE + within;
    }

    /** How many versions a day of the list holds (see {@link #version}). */
    static final long SCALE = 100_000;
    /** The version of a removal within its day: the highest. */
    static final long REMOVAL = SCALE - 1;

    private static LocalDate optionalDate(CSVRecord r, String column) {
        String text = r.isMapped(column) && r.isSet(column) ? r.get(column) : null;
        return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
    }

    /**
     * The row's entry about the subject its number turned out to name: the document type the number was read as, and
     * for an organisation (a credit code) the organisation's court-defaulter item, so that the measures meant for
     * defaulting organisations follow it and those meant for persons do not.
     */
    public static ExchangeMessage about(ExchangeMessage row, String documentType, boolean organisation) {
        return new ExchangeMessage(row.sourcePlatform(), row.sourceId(), row.version(), row.kind(), row.occurredAt(),
                new ExchangeMessage.Subject(documentType, row.subject().number(), row.subject().name()),
                organisation ? ORGANISATION_ITEM : row.item(), row.listType(), row.severity(), row.period(),
                row.status(), row.disputed(), row.department(), row.decisionNumber(), row.legalBasis(),
                row.issuingPlatformName(), row.proceedings());
    }

    private static String get(CSVRecord r, String column, int max) {
        String value = r.isMapped(column) && r.isSet(column) ? r.get(column) : null;
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(column + "：必填");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(column + "：不超过 " + max + " 字");
        }
        return value.strip();
    }
}
