package cn.chengxin.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.chengxin.shared.web.AuditFailureAnswered;
import cn.chengxin.shared.web.Refuses;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each API class's {@link Refuses} against what the code under its handlers can raise (gaps review xxxvii R1/R2):
 * the hand-declared codes must not drift. The raisable set is derived mechanically from the sources: starting at the
 * API class, every class of its module that it names, and that those name in turn (consoles and other controllers
 * left out), is read, and every string literal that is a problem code ({@code problem.<CODE>} in messages.properties)
 * is a code the handlers may answer. Each must be declared on the class or one of its operations, be one the
 * platform's document adds to every operation, be a row code of a batch ({@code RowError.CODES}, enumerated as the
 * row error's {@code code} in the document) or be listed below as answered on a console page only, with the reason. A code newly
 * raised in a class an API reaches therefore fails here until it is declared or placed; and a declared code that no
 * code raises fails too.
 */
class RefusesDriftTests {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Pattern LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]{2,})\"");

    /** What {@link ProblemResponses} adds to every operation (body, key, rate, content, internal error). */
    private static final Set<String> EVERY_OPERATION = Set.of("MALFORMED_REQUEST", "VALIDATION_FAILED",
            "BODY_TOO_LARGE", "UNSUPPORTED_MEDIA_TYPE", "UNAUTHENTICATED", "API_KEY_INVALID", "API_KEY_EXPIRED",
            "API_KEY_INSTITUTION_BANNED", "FORBIDDEN", "API_KEY_ADDRESS_REFUSED", "RATE_LIMITED", "NOT_ACCEPTABLE",
            "INTERNAL_ERROR");

    /**
     * The audit log's refusal, judged per operation, not per class ({@link
     * #anOperationDeclaresTheAuditLogsRefusalExactlyWhenItsHandlerReachesTheLog}).
     */
    private static final String AUDIT_UNAVAILABLE = "AUDIT_UNAVAILABLE";

    /**
     * Codes the classes an API reaches raise for console pages only (the same facade serves both), per API class,
     * with why no API operation answers them.
     */
    private static final Map<String, Set<String>> CONSOLE_ONLY = Map.ofEntries(
            // Partners and court list loads are kept on 控制台 → 信息交换; the API receives, answers pulls and reconciles.
            Map.entry("ExchangeApi", Set.of("LIST_FILE_UNREADABLE", "LIST_LOAD_DECIDED", "LIST_LOAD_NOT_FOUND",
                    "LIST_LOAD_SELF_REVIEW", "PARTNER_INSECURE_URL", "PARTNER_INVALID", "PARTNER_KEY_INVALID",
                    "PARTNER_PULL_NEEDS_ADDRESS", "SUBJECT_NAME_MISMATCH",
                    // a court list file's refused and warned rows, shown on the console's load page
                    "LIST_ITEM_UNKNOWN", "LIST_ROW_INVALID", "SUBJECT_FORMER_NAME")),
            // A list migration batch is uploaded as a CSV and decided (approved, sent back) on 名单迁移 by a second
            // person; the API sends rows and reads its own batch (another's, or none, is 404).
            Map.entry("ListMigrationsApi", Set.of("LIST_MIGRATION_DECIDED", "LIST_MIGRATION_FILE_UNREADABLE",
                    "LIST_MIGRATION_SELF_REVIEW", "LIST_MIGRATION_UNKNOWN", "REVIEW_NOTE_REQUIRED")),
            // Consents, counter visits, statements and staff (government) reports are pages of the portal and console;
            // the API's purpose is @NotNull, so a missing one is VALIDATION_FAILED before PURPOSE_REQUIRED.
            Map.entry("ReportsApi", Set.of("CODE_EXPIRED", "CODE_WRONG", "CONSENT_DAYS_INVALID",
                    "CONSENT_MINOR", "CONSENT_NOT_WITHDRAWABLE", "CONSENT_PURPOSE_REQUIRED",
                    "COUNTER_AUTHORISATION_REQUIRED", "COUNTER_CHECK_INCOMPLETE",
                    "COUNTER_CONSENT_DECIDED", "COUNTER_CONSENT_NOT_FOUND", "COUNTER_CONSENT_REASON_REQUIRED",
                    "COUNTER_CONSENT_SELF_REVIEW", "COUNTER_GUARDIANSHIP_PAPER_REQUIRED", "COUNTER_GUARDIAN_REQUIRED",
                    "COUNTER_NAME_MISMATCH", "COUNTER_NAME_REQUIRED", "COUNTER_PHONE_CODE_EXPIRED",
                    "COUNTER_SUBJECT_JOINED", // a counter report whose person was joined since found: ask again
                    "COUNTER_PHONE_CODE_REQUIRED", "COUNTER_PHONE_CODE_WRONG", "COUNTER_PHONE_REQUIRED",
                    "EVIDENCE_EMPTY", "EVIDENCE_TOO_LARGE", "EVIDENCE_TOO_MANY", "EVIDENCE_TYPE",
                    "FREE_REPORTS_USED", "INSTITUTION_UNKNOWN", "PURPOSE_REQUIRED", "REPORT_EXPIRED",
                    "SUBJECT_UNKNOWN")),
            // Benefits and scoring models are kept, and score reviews decided, on the console; the working-day
            // calendar is kept there too (score reviews only count on it); Scoring's Checkpoints is a recompute's own
            // progress, not the audit's checkpoints.
            Map.entry("BenefitsApi", Set.of("CALENDAR_ADJUSTED_NOT_WEEKEND", "CALENDAR_DAY_INVALID", "CHECKPOINT_UNKNOWN",
                    "ASSESSMENT_INVALID", "BENEFIT_INVALID", "BENEFIT_UNKNOWN", "MODEL_ASSESSMENT_MISSING",
                    "MODEL_INVALID", "MODEL_NOT_PENDING",
                    "MODEL_SELF_REVIEW", "MODEL_UNKNOWN", "REJECTION_REASON_MISSING", "SCORE_REVIEW_ANSWER",
                    "SCORE_REVIEW_ANSWERED", "SCORE_REVIEW_OPEN", "SCORE_REVIEW_OUTCOME", "SCORE_REVIEW_REASONS",
                    "SCORE_REVIEW_RECORD_NOT_SCORED", "SCORE_REVIEW_RECORD_REQUIRED", "SCORE_REVIEW_UNKNOWN")),
            // Name changes and registered residence are proposed and reviewed on the console, and audited there; a
            // number's validation stores and audits nothing.
            Map.entry("IdentityValidationApi", Set.of("NAME_CHANGE_DATE_INVALID", "NAME_CHANGE_EVIDENCE_KIND",
                    "NAME_CHANGE_INCOMPLETE", "NAME_CHANGE_SAME_NAME", "REGISTRY_PERIOD_INVALID",
                    "RESIDENCE_REGION_INVALID", "REVIEW_NOTE_REQUIRED")),
            // The catalogue is drafted, reviewed, withdrawn and a scheduled version cancelled on the console (four
            // eyes), and those changes are audited; the API only reads it, unaudited.
            Map.entry("CataloguePublic", Set.of("CANCELLATION_NONE", "CANCELLATION_PENDING",
                    "CANCELLATION_REASON_MISSING", "CHANGE_NOTICE_UNKNOWN", "DISCARD_NOTE_TOO_LONG", "EFFECTIVE_DATE_PAST",
                    "EFFECTIVE_DATE_TOO_FAR", "FIELD_CHOICES_MISSING", "FIELD_DUPLICATE", "FIELD_FORBIDDEN",
                    "FIELD_NAME_FORMAT", "FOUR_EYES", "ITEM_CHANGED", "ITEM_CODE_FORMAT", "ITEM_EXISTS",
                    "ITEM_FORBIDDEN", "ITEM_INCOMPLETE", "ITEM_IN_PREPARATION", "ITEM_NAME_MISSING",
                    "ITEM_NOT_PENDING", "ITEM_NOT_SCHEDULED", "ITEM_NO_DRAFT", "ITEM_PENDING", "ITEM_SCHEDULED",
                    "LEGAL_BASIS_MISSING",
                    "LINK_ONLY_FOR_ORGANISATIONS", "PERIOD_INVALID", "PERIOD_TOO_LONG", "PROVIDER_MISSING",
                    "PROVIDER_UNKNOWN", "PUBLICATION_BEYOND_RETENTION", "PUNISHMENT_ONLY_NEGATIVE",
                    "REFUSABLE_ONLY_PERSONAL_HONOURS", "REJECTION_REASON_MISSING",
                    "REPAIR_REQUIREMENTS_ONLY_PLATFORM_REPAIRED", "RETENTION_FIELD_NOT_DATE", "RETENTION_TOO_LONG",
                    "SEVERITY_ONLY_FOR_NEGATIVE", "SEVERITY_REQUIRED", "UPWARD_NOT_FOR_AUTHORISED_QUERY",
                    "UPWARD_NOT_USABLE_FOR_PUNISHMENT", "WITHDRAWAL_BASIS_MISSING", "WITHDRAWAL_BASIS_TOO_LONG",
                    "WITHDRAWAL_KIND_MISSING", "WITHDRAWAL_REASON_MISSING", "WITHDRAWAL_REASON_TOO_LONG")),
            // A breach whose record is owed is answered 202 with COMMITMENT_BREACH_OWED in its body
            // (BreachRegistered), not as a problem; another department's commitment is 404 COMMITMENT_UNKNOWN on the
            // API (403 stays the console's).
            Map.entry("CommitmentsApi", Set.of("COMMITMENT_BREACH_OWED", "COMMITMENT_OTHER_DEPARTMENT")),
            // The platform's own answers of the shared error handling, which every controller meets alike; the
            // platform description and changelog refuse nothing of their own.
            Map.entry("PlatformApi", Set.of("CONFLICT", "FILE_TOO_LARGE", "HTTP_ERROR", "METHOD_NOT_ALLOWED", "NOT_FOUND")),
            // Verification answers a report's state in its body (status VALID/CHANGED/EXPIRED/NOT_FOUND); issuing
            // reports and consents (ReportsApi, pages) refuse with these.
            Map.entry("ReportVerificationApi", Set.of("CODE_EXPIRED", "CODE_WRONG", "CONSENT_CODE_INVALID",
                    "CONSENT_DAYS_INVALID", "CONSENT_EXPIRED", "CONSENT_INSTITUTION_BANNED", "CONSENT_KIND_MISMATCH",
                    "CONSENT_MINOR", "CONSENT_MISSING", "CONSENT_NOT_WITHDRAWABLE", "CONSENT_OTHER_INSTITUTION",
                    "CONSENT_PENDING_REVIEW", "CONSENT_PURPOSE_MISMATCH", "CONSENT_PURPOSE_REQUIRED",
                    "CONSENT_REVIEW_REJECTED", "CONSENT_SUBJECT_MISMATCH", "CONSENT_USED", "CONSENT_WITHDRAWN",
                    "EVIDENCE_EMPTY", "EVIDENCE_TOO_LARGE", "EVIDENCE_TOO_MANY", "EVIDENCE_TYPE",
                    "IDEMPOTENCY_KEY_CONFLICT", "IDEMPOTENCY_KEY_INVALID",
                    "COUNTER_AUTHORISATION_REQUIRED", "COUNTER_CHECK_INCOMPLETE", "COUNTER_CONSENT_DECIDED",
                    "COUNTER_CONSENT_NOT_FOUND", "COUNTER_CONSENT_REASON_REQUIRED", "COUNTER_CONSENT_SELF_REVIEW",
                    "COUNTER_GUARDIANSHIP_PAPER_REQUIRED", "COUNTER_GUARDIAN_REQUIRED", "COUNTER_NAME_MISMATCH",
                    "COUNTER_SUBJECT_JOINED", // a counter report whose person was joined since found: ask again
                    "COUNTER_NAME_REQUIRED", "COUNTER_PHONE_CODE_EXPIRED", "COUNTER_PHONE_CODE_REQUIRED",
                    "COUNTER_PHONE_CODE_WRONG", "COUNTER_PHONE_REQUIRED", "FREE_REPORTS_USED", "INSTITUTION_UNKNOWN",
                    "PURPOSE_REQUIRED", "REPORT_EMPTIED", "REPORT_EXPIRED", "REPORT_KIND_INVALID",
                    "REPORT_LANGUAGE_UNKNOWN", "REPORT_PAST_VALIDITY", "SUBJECT_UNKNOWN")),
            // The template only reads the catalogue, unaudited; a batch's refusals are SubmissionsApi's.
            Map.entry("TemplatesApi", Set.of("BATCH_CONFLICT", "BATCH_INTERRUPTED", "BATCH_IN_PROGRESS", "BATCH_TOO_LARGE",
                    "DEPARTMENT_REQUIRED", "INGESTION_BUSY", "UPLOAD_FAILED", "SUBJECT_FORMER_NAME")),
            // Keys are proposed, issued, renewed and revoked, and institutions banned, on the console (two
            // administrators); the API reads and rotates its own key.
            Map.entry("WhoAmIApi", Set.of("API_CLIENT_ADDRESSES", "API_CLIENT_ADDRESSES_REQUIRED", "API_CLIENT_CREDIT_CODE",
                    "API_CLIENT_DEPARTMENT_REQUIRED", "API_CLIENT_INSTITUTION_BANNED", "API_CLIENT_INVALID",
                    "API_CLIENT_KIND_PERMISSIONS", "API_CLIENT_NOT_FOUND", "API_CLIENT_PERMISSIONS",
                    "API_CLIENT_PROPOSAL_DECIDED", "API_CLIENT_PROPOSAL_NOT_FOUND", "API_CLIENT_RATE",
                    "API_CLIENT_REFERENCE", "API_CLIENT_RENEWAL_PENDING", "API_CLIENT_REVOKE_GROUND",
                    "API_CLIENT_SELF_REVIEW", "INSTITUTION_UNKNOWN", "INSTITUTION_VIOLATION_DECIDED",
                    "INSTITUTION_VIOLATION_GROUND", "INSTITUTION_VIOLATION_NOT_FOUND", "INSTITUTION_VIOLATION_PERIOD",
                    "INSTITUTION_VIOLATION_SELF_REVIEW")));

    /**
     * Codes an API answers inside a batch's result, per row, beside {@code RowError.CODES}: a submission's row warnings
     * ({@code RowWarning}: accepted all the same) and a list migration's refused rows ({@code MigrationBatch.RefusedRow}
     * in the batch's {@code refused}, each with its line).
     */
    private static final Map<String, Set<String>> BATCH_ROW_CODES = Map.of(
            "SubmissionsApi", Set.of("SUBJECT_FORMER_NAME"),
            "ListMigrationsApi", Set.of("LIST_MIGRATION_ALREADY_LISTED", "LIST_MIGRATION_ALREADY_MIGRATED",
                    "LIST_MIGRATION_ROW_INVALID", "LIST_MIGRATION_RULE_UNKNOWN", "SUBJECT_UNKNOWN"));

    @Test
    void everyCodeTheHandlersMayRaiseIsDeclaredAndEveryDeclaredCodeIsRaised() throws IOException {
        Set<String> problemCodes = problemCodes();
        Set<String> rowCodes = rowCodes();
        Map<String, Set<String>> undeclared = new TreeMap<>();
        Map<String, Set<String>> unraised = new TreeMap<>();
        Map<String, Set<String>> needlesslyExempt = new TreeMap<>();
        List<Path> apis = apiClasses();
        assertThat(apis).as("the API classes").hasSizeGreaterThanOrEqualTo(8);
        for (Path api : apis) {
            String name = simpleName(api);
            Set<String> raised = raisable(api, problemCodes);
            Set<String> declared = declared(api);
            raised.remove(AUDIT_UNAVAILABLE);
            declared.remove(AUDIT_UNAVAILABLE);
            Set<String> exempt = CONSOLE_ONLY.getOrDefault(name, Set.of());
            Set<String> missing = new TreeSet<>(raised);
            missing.removeAll(declared);
            missing.removeAll(EVERY_OPERATION);
            missing.removeAll(rowCodes);
            missing.removeAll(BATCH_ROW_CODES.getOrDefault(name, Set.of()));
            missing.removeAll(exempt);
            if (!missing.isEmpty()) {
                undeclared.put(name, missing);
            }
            Set<String> orphan = new TreeSet<>(declared);
            orphan.removeAll(raised);
            orphan.removeIf(c -> Arrays.asList(ProblemResponses.IDENTITY_CODES).contains(c) || raisedAnywhere(c));
            if (!orphan.isEmpty()) {
                unraised.put(name, orphan);
            }
            Set<String> stale = new TreeSet<>(exempt);
            stale.removeAll(raised);
            if (!stale.isEmpty()) {
                needlesslyExempt.put(name, stale);
            }
        }
        assertThat(undeclared).as("codes raised under an API class's handlers, neither declared with @Refuses, nor "
                + "added to every operation, nor a row code, nor console-only").isEmpty();
        assertThat(unraised).as("codes declared with @Refuses that no code raises").isEmpty();
        assertThat(needlesslyExempt).as("console-only codes the API class no longer reaches").isEmpty();
    }

    /**
     * Gaps review xl U3: 503 {@code AUDIT_UNAVAILABLE} is declared on an operation exactly when its handler's calls
     * reach the audit log's record methods ({@link AuditReach}), keyed or public: a read that audits nothing (who am I)
     * declares no 503 it never answers, and an audited action declares the one it answers when its event cannot be
     * stored. An operation that answers the log's failure otherwise ({@link AuditFailureAnswered}: a breach owed) reaches
     * the log and declares no 503.
     */
    @Test
    void anOperationDeclaresTheAuditLogsRefusalExactlyWhenItsHandlerReachesTheLog() throws IOException {
        AuditReach reach = new AuditReach();
        Map<String, String> wrong = new TreeMap<>();
        Set<String> reaching = new TreeSet<>();
        Set<String> notReaching = new TreeSet<>();
        for (Path api : apiClasses()) {
            Class<?> type = type(api);
            for (Method method : type.getDeclaredMethods()) {
                if (!apiOperation(method)) {
                    continue;
                }
                String name = type.getSimpleName() + "." + method.getName();
                boolean reaches = reach.reachesAuditLog(method);
                (reaches ? reaching : notReaching).add(name);
                boolean answeredOtherwise = method.isAnnotationPresent(AuditFailureAnswered.class);
                boolean declares = refuses(type, method).contains(AUDIT_UNAVAILABLE);
                if (answeredOtherwise && !reaches) {
                    wrong.put(name, "marked @AuditFailureAnswered but reaches no audit log");
                } else if (declares && (answeredOtherwise || !reaches)) {
                    wrong.put(name, answeredOtherwise ? "declares the 503 it answers otherwise"
                            : "declares 503 AUDIT_UNAVAILABLE but reaches no audit log");
                } else if (!declares && reaches && !answeredOtherwise) {
                    wrong.put(name, "reaches the audit log but declares no 503 AUDIT_UNAVAILABLE");
                }
            }
        }
        // The reach is read at all: an audited report and the audited check reach it, a read of the key does not.
        assertThat(reaching).contains("ReportsApi.report", "ChecksApi.batch", "CommitmentsApi.breach");
        assertThat(notReaching).contains("WhoAmIApi.whoAmI", "PlatformApi.platform");
        assertThat(wrong).as("operations whose 503 AUDIT_UNAVAILABLE is declared otherwise than their handler "
                + "reaches the audit log (reaching: " + reaching + ")").isEmpty();
    }

    private static boolean apiOperation(Method method) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.path()).anyMatch(p -> p.startsWith("/api/"));
    }

    /** The codes declared on the operation: its class's and its own. */
    private static Set<String> refuses(Class<?> type, Method method) {
        Set<String> codes = new TreeSet<>();
        List<Refuses> all = new ArrayList<>(AnnotatedElementUtils.findMergedRepeatableAnnotations(type, Refuses.class));
        all.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(method, Refuses.class));
        all.forEach(r -> codes.addAll(Arrays.asList(r.value())));
        return codes;
    }

    /** The row codes of a batch are enumerated in the document as the row error's {@code code}, and each is raised. */
    @Test
    void theRowCodesOfABatchAreEnumeratedAndEachIsAProblemCode() throws IOException {
        Set<String> rowCodes = rowCodes();
        assertThat(rowCodes).contains("FIELD_REQUIRED", "ID_CHECKSUM", "SUBJECT_NAME_MISMATCH", "DECISION_DATE_FORMAT");
        assertThat(problemCodes()).containsAll(rowCodes);
    }

    private static Set<String> rowCodes() {
        return new TreeSet<>(cn.chengxin.ingestion.RowError.CODES);
    }

    private static boolean raisedAnywhere(String code) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(f -> f.toString().endsWith(".java")).map(RefusesDriftTests::code)
                    .anyMatch(s -> s.contains("\"" + code + "\"") || s.contains(" " + code + "(")
                            || s.contains(" " + code + ","));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> problemCodes() throws IOException {
        Set<String> codes = new TreeSet<>();
        for (String line : Files.readAllLines(Path.of("src/main/resources/messages.properties"),
                StandardCharsets.UTF_8)) {
            if (line.startsWith("problem.") && line.contains("=")) {
                codes.add(line.substring("problem.".length(), line.indexOf('=')).strip());
            }
        }
        return codes;
    }

    /**
     * The controllers answering under {@code /api}: the {@code *Api} classes, and any other that declares what it
     * refuses (the audit checkpoints'). CataloguePublic's one read of the catalogue raises nothing of its own.
     */
    private static List<Path> apiClasses() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES.resolve("cn/chengxin"))) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                String s = code(f);
                return (s.contains("@RestController") || s.contains("@Controller")) && s.contains("\"/api/")
                        && (f.getFileName().toString().endsWith("Api.java") || s.contains("Refuses("));
            }).sorted().toList();
        }
    }

    /**
     * The modules every module calls, whose codes reach an API through its own classes (gaps review xl U3): the audit
     * log and the shared kernel (idempotency keys, evidence files, the working-day calendar). A class of theirs that a
     * reached class names raises its own codes there; they are not followed further, each being a facade for its
     * module's internals (which raise for their own pages).
     */
    private static final List<String> COMMON_MODULES = List.of("audit", "shared");

    /**
     * The codes in the classes of the API's module that the API reaches by name, transitively, and in the common
     * modules' classes those name.
     */
    private static Set<String> raisable(Path api, Set<String> problemCodes) throws IOException {
        Path root = SOURCES.resolve("cn/chengxin");
        String moduleName = root.relativize(api).getName(0).toString();
        Map<String, Path> classes = classesOf(root.resolve(moduleName));
        Map<String, Path> common = new HashMap<>();
        for (String module : COMMON_MODULES) {
            if (!module.equals(moduleName)) {
                common.putAll(classesOf(root.resolve(module)));
            }
        }
        common.keySet().removeAll(classes.keySet());
        Set<String> reached = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(simpleName(api)));
        while (!todo.isEmpty()) {
            String name = todo.remove(todo.size() - 1);
            if (!reached.add(name)) {
                continue;
            }
            String source = code(classes.get(name));
            for (String other : classes.keySet()) {
                if (!reached.contains(other) && !controller(other)
                        && Pattern.compile("\\b" + other + "\\b").matcher(source).find()) {
                    todo.add(other);
                }
            }
        }
        Set<Path> read = new LinkedHashSet<>();
        Set<String> raised = new TreeSet<>();
        for (String name : reached) {
            read.add(classes.get(name));
            String source = code(classes.get(name));
            for (Map.Entry<String, Path> other : common.entrySet()) {
                if (!controller(other.getKey())
                        && Pattern.compile("\\b" + other.getKey() + "\\b").matcher(source).find()) {
                    read.add(other.getValue());
                }
            }
        }
        for (Path file : read) {
            Matcher m = LITERAL.matcher(withoutRefuses(code(file)));
            while (m.find()) {
                if (problemCodes.contains(m.group(1))) {
                    raised.add(m.group(1));
                }
            }
        }
        return raised;
    }

    private static Map<String, Path> classesOf(Path module) throws IOException {
        Map<String, Path> classes = new HashMap<>();
        try (Stream<Path> files = Files.walk(module)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> classes.put(simpleName(f), f));
        }
        return classes;
    }

    private static boolean controller(String name) {
        return name.contains("Console") || name.endsWith("Api") || name.endsWith("Controller")
                || name.endsWith("Page") || name.endsWith("Pages");
    }

    /** The codes declared with {@link Refuses} on the class and its methods, read as Spring reads them. */
    private static Set<String> declared(Path api) {
        Class<?> type = type(api);
        Set<String> codes = new TreeSet<>();
        List<Refuses> all = new ArrayList<>(AnnotatedElementUtils.findMergedRepeatableAnnotations(type, Refuses.class));
        for (Method method : type.getDeclaredMethods()) {
            all.addAll(AnnotatedElementUtils.findMergedRepeatableAnnotations(method, Refuses.class));
        }
        for (Refuses refuses : all) {
            codes.addAll(Arrays.asList(refuses.value()));
            if (refuses.identityNumbers()) {
                codes.addAll(Arrays.asList(ProblemResponses.IDENTITY_CODES));
            }
        }
        return codes;
    }

    private static Class<?> type(Path api) {
        try {
            return Class.forName(SOURCES.relativize(api).toString().replace('/', '.').replaceAll("\\.java$", ""));
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String simpleName(Path file) {
        return file.getFileName().toString().replaceAll("\\.java$", "");
    }

    /** The source without comments (a code named in prose is not raised). */
    private static String code(Path file) {
        try {
            return Files.readString(file).replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\\n]*", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The source without its {@code @Refuses} annotations (a declaration is not a raise). */
    private static String withoutRefuses(String source) {
        return source.replaceAll("(?s)@(cn\\.chengxin\\.shared\\.web\\.)?Refuses\\(.*?\\)\\n", "");
    }
}
