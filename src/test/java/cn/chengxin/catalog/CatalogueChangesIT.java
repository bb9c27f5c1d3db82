package cn.chengxin.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.catalog.domain.FieldDefinition;
import cn.chengxin.catalog.domain.ItemDefinition;
import cn.chengxin.ingestion.FileSubmissions;
import cn.chengxin.ingestion.parsing.FileFormat;
import cn.chengxin.ingestion.parsing.Limits;
import cn.chengxin.ingestion.parsing.RowSource;
import cn.chengxin.ingestion.parsing.RowSources;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.support.CatalogueVersions;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xxxvii-api R4: a catalogue change is approved with the day it takes effect; until then the version in
 * force validates rows and the coming one is published beside it, in the change feed, to the providing departments
 * and as a JSON Schema of its fields; on the day the new version validates.
 */
@IntegrationTest
class CatalogueChangesIT {

    /** The field the new version adds, required. */
    private static final String ADDED = "correction_order";

    @Autowired
    Catalogue catalogue;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApiClients apiClients;

    @Autowired
    StaffDirectory directory;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    Clock clock;

    @Test
    void aChangeApprovedForALaterDayLeavesRowsToTheVersionInForceUntilThatDay() throws Exception {
        LocalDate today = LocalDate.now(clock);
        LocalDate effective = today.plusDays(3);
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_R4_", "生效日期测试处罚");
        long before = catalogue.active(code).orElseThrow().changeSeq();
        approveRequiringAField(code, effective);

        assertThat(catalogue.active(code).orElseThrow().version()).as("the version before stays in force").isEqualTo(1);
        assertThat(catalogue.scheduled(code)).get().satisfies(s -> {
            assertThat(s.version()).isEqualTo(2);
            assertThat(s.effectiveFrom()).isEqualTo(effective);
        });
        assertThat(sendWithoutTheNewField(code).get("accepted").asInt()).as("validated by v1 before the day")
                .isEqualTo(1);

        // The API shows the coming version beside the one in force, and what it changes in a row.
        JsonNode item = item(code);
        assertThat(item.get("version").asInt()).isEqualTo(1);
        assertThat(item.get("effectiveFrom").asString()).isEqualTo(today.toString());
        JsonNode coming = item.get("coming");
        assertThat(coming.get("version").asInt()).isEqualTo(2);
        assertThat(coming.get("effectiveFrom").asString()).isEqualTo(effective.toString());
        assertThat(coming.get("changes").get("added").get(0).asString()).isEqualTo(ADDED);
        assertThat(coming.get("changes").get("narrows").asBoolean()).isTrue();
        assertThat(coming.get("schema").asString()).isEqualTo("/api/v1/catalog/items/" + code + "/schema.json?version=2");

        // The change feed lists it after the item's first version, not yet in force.
        JsonNode feed = json.readTree(mvc.perform(get("/api/v1/catalog/changes").param("since", String.valueOf(before)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode change = null;
        for (JsonNode c : feed.get("changes")) {
            assertThat(c.get("change").asLong()).isGreaterThan(before);
            if (c.get("code").asString().equals(code)) {
                change = c;
            }
        }
        assertThat(change).as("the feed lists the change").isNotNull();
        assertThat(change.get("version").asInt()).isEqualTo(2);
        assertThat(change.get("kind").asString()).isEqualTo("REVISION");
        assertThat(change.get("inForce").asBoolean()).isFalse();
        assertThat(change.get("effectiveFrom").asString()).isEqualTo(effective.toString());
        assertThat(change.get("fields").get("added").get(0).asString()).isEqualTo(ADDED);

        // The day before, nothing is due; on the day (the clock moved three days on), the new version validates.
        assertThat(catalogue.putDueInForce(effective.minusDays(1))).doesNotContain(code + " v2");
        assertThat(sendWithoutTheNewField(code).get("accepted").asInt()).isEqualTo(1);
        assertThat(catalogue.putDueInForce(effective)).contains(code + " v2");
        JsonNode refused = sendWithoutTheNewField(code);
        assertThat(refused.get("accepted").asInt()).as("validated by v2 from its day").isZero();
        assertThat(refused.get("errors").get(0).get("code").asString()).isEqualTo("FIELD_REQUIRED");
        assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("fields." + ADDED);
        JsonNode now = item(code);
        assertThat(now.get("version").asInt()).isEqualTo(2);
        assertThat(now.get("effectiveFrom").asString()).isEqualTo(effective.toString());
        assertThat(now.get("coming").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'catalog.effective' AND detail LIKE ?")
                .param("%item=" + code + ";%").query(String.class).list()).hasSize(1);
    }

    @Test
    void theProvidingDepartmentIsToldOfTheChangeAndSaysItReadIt() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_R4_", "通知测试处罚");
        approveRequiringAField(code, LocalDate.now(clock).plusDays(10));
        long seq = catalogue.scheduled(code).orElseThrow().changeSeq();
        assertThat(catalogue.changeNotices("MARKET")).anySatisfy(n -> {
            assertThat(n.changeSeq()).isEqualTo(seq);
            assertThat(n.code()).isEqualTo(code);
            assertThat(n.read()).isFalse();
        });

        var operator = authentication(Principals.staff("market-operator", "MARKET", Permission.CONSOLE_HOME,
                Permission.RECORD_SUBMIT));
        String home = mvc.perform(get("/console").with(operator)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(home).contains("id=\"waiting-catalogue-changes\"");
        String page = mvc.perform(get("/console/catalog-changes").with(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("data-change=\"" + seq + "\"").contains("新增字段：" + ADDED);

        mvc.perform(post("/console/catalog-changes/{seq}/acknowledge", seq).with(operator).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(catalogue.changeNotices("MARKET")).filteredOn(n -> n.changeSeq() == seq).singleElement()
                .satisfies(n -> assertThat(n.acknowledgedBy()).isEqualTo("market-operator"));
        assertThat(catalogue.toldOf(seq)).filteredOn(n -> n.departmentCode().equals("MARKET")).singleElement()
                .satisfies(n -> assertThat(n.read()).isTrue());
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'catalog.change.acknowledge' "
                + "AND detail LIKE ?").param("%change=" + seq + ";%").query(Long.class).single()).isEqualTo(1);
        // A department that does not provide the item has no notice of it.
        assertThat(catalogue.changeNotices("LIBRARY")).noneMatch(n -> n.changeSeq() == seq);
    }

    @Test
    void theJsonSchemaOfAnItemsFieldsAcceptsAGoodRowAndNamesTheMissingRequiredField() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_R4_", "模板测试处罚");
        approveRequiringAField(code, LocalDate.now(clock).plusDays(5));

        JsonNode inForce = json.readTree(mvc.perform(get("/api/v1/catalog/items/{code}/schema.json", code))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode coming = json.readTree(mvc.perform(get("/api/v1/catalog/items/{code}/schema.json", code)
                        .param("version", "2")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        Map<String, String> good = Map.of("penalty_type", "罚款", "facts", "无照经营",
                "basis", "《无证无照经营查处办法》第十三条", "authority", "市市场监督管理局");
        assertThat(SchemaCheck.errors(inForce, good)).isEmpty();
        assertThat(SchemaCheck.errors(coming, good)).containsExactly("required: " + ADDED);
        Map<String, String> withIt = new java.util.HashMap<>(good);
        withIt.put(ADDED, "责令改正");
        assertThat(SchemaCheck.errors(coming, withIt)).isEmpty();
        assertThat(SchemaCheck.errors(coming, Map.of("penalty_type", "罚款", "unknown_field", "x")))
                .contains("required: facts", "additionalProperties: unknown_field");
        assertThat(coming.get("properties").get(ADDED).get("x-chengxin-type").asString()).isEqualTo("TEXT");

        String csv = mvc.perform(get("/api/v1/catalog/items/{code}/template.csv", code).param("version", "2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(
                        java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("责令改正事项");
        assertThat(mvc.perform(get("/api/v1/catalog/items/{code}/template.csv", code)).andReturn().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("责令改正事项");
        mvc.perform(get("/api/v1/catalog/items/{code}/schema.json", code).param("version", "9"))
                .andExpect(status().isNotFound());
    }

    /**
     * Gaps review xxxvii-api R4 (rest): an approved version waiting for its day is cancelled by two people, never takes
     * effect, leaves the version in force, and comes again in the change feed as a CANCELLATION under a new number;
     * the departments told of the approval are told of the cancellation, and their page shows both.
     */
    @Test
    void aScheduledVersionCancelledByTwoPeopleNeverTakesEffectAndTheFeedAndDepartmentsSaySo() throws Exception {
        LocalDate effective = LocalDate.now(clock).plusDays(10);
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_R4_", "撤销测试处罚");
        approveRequiringAField(code, effective);
        long approval = catalogue.scheduled(code).orElseThrow().changeSeq();
        var maker = authentication(Principals.staff("cancel-maker", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CATALOG_EDIT, Permission.CATALOG_APPROVE));
        var checker = authentication(Principals.staff("cancel-checker", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CATALOG_EDIT, Permission.CATALOG_APPROVE));

        String itemPage = mvc.perform(get("/console/catalog/{code}", code).with(maker)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(itemPage).contains("id=\"cancel\"", "/console/catalog/" + code + "/cancel");
        mvc.perform(post("/console/catalog/{code}/cancel", code).with(maker).with(csrf()).param("version", "2")
                .param("reason", "上位规定调整，暂缓施行")).andExpect(status().is3xxRedirection());
        assertThat(catalogue.scheduled(code).orElseThrow().cancellation()).satisfies(c -> {
            assertThat(c.proposedBy()).isEqualTo("cancel-maker");
            assertThat(c.approved()).isFalse();
        });
        assertThat(problemOf(() -> catalogue.proposeCancellation(code, 2, "再次申请撤销"), "cancel-checker"))
                .isEqualTo("CANCELLATION_PENDING");
        // Whoever proposed it may not approve it: the version is still scheduled.
        assertThat(problemOf(() -> catalogue.approveCancellation(code, 2), "cancel-maker")).isEqualTo("FOUR_EYES");
        assertThat(catalogue.scheduled(code)).isPresent();
        assertThat(mvc.perform(get("/console/catalog/{code}", code).with(checker)).andReturn().getResponse()
                .getContentAsString()).contains("id=\"cancellation\"", "上位规定调整，暂缓施行",
                "/console/catalog/" + code + "/cancel/approve");

        mvc.perform(post("/console/catalog/{code}/cancel/approve", code).with(checker).with(csrf())
                .param("version", "2")).andExpect(status().is3xxRedirection());

        CatalogueItem cancelled = catalogue.version(code, 2).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(CatalogueItem.Status.CANCELLED);
        assertThat(cancelled.cancellation().cancelledBy()).isEqualTo("cancel-checker");
        assertThat(cancelled.changeSeq()).as("a new number in the feed").isGreaterThan(approval);
        assertThat(catalogue.scheduled(code)).isEmpty();
        assertThat(catalogue.putDueInForce(effective)).doesNotContain(code + " v2");
        assertThat(catalogue.active(code).orElseThrow().version()).as("the version in force stays").isEqualTo(1);
        assertThat(sendWithoutTheNewField(code).get("accepted").asInt()).isEqualTo(1);
        assertThat(item(code).get("coming").isNull()).isTrue();
        mvc.perform(get("/api/v1/catalog/items/{code}/schema.json", code).param("version", "2"))
                .andExpect(status().isNotFound());

        JsonNode feed = json.readTree(mvc.perform(get("/api/v1/catalog/changes").param("since", String.valueOf(
                approval))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        JsonNode change = null;
        for (JsonNode c : feed.get("changes")) {
            if (c.get("code").asString().equals(code)) {
                change = c;
            }
        }
        assertThat(change).as("the cancellation is in the feed after the approval").isNotNull();
        assertThat(change.get("change").asLong()).isEqualTo(cancelled.changeSeq());
        assertThat(change.get("kind").asString()).isEqualTo("CANCELLATION");
        assertThat(change.get("version").asInt()).isEqualTo(2);
        assertThat(change.get("inForce").asBoolean()).isFalse();
        assertThat(change.get("cancelledAt").isNull()).isFalse();

        assertThat(catalogue.toldOf(cancelled.changeSeq())).extracting(ChangeNotice::departmentCode)
                .containsExactlyInAnyOrderElementsOf(catalogue.toldOf(approval).stream()
                        .map(ChangeNotice::departmentCode).toList()).contains("MARKET");
        var operator = authentication(Principals.staff("market-operator", "MARKET", Permission.CONSOLE_HOME,
                Permission.RECORD_SUBMIT));
        String notices = mvc.perform(get("/console/catalog-changes").with(operator)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(notices).contains("data-change=\"" + cancelled.changeSeq() + "\"", "data-field=\"cancellation\"",
                "data-change=\"" + approval + "\"", "data-field=\"cancelled-since\"");
        assertThat(jdbc.sql("SELECT action FROM audit.event WHERE action LIKE 'catalog.cancel.%' AND detail LIKE ? "
                        + "AND result = 'SUCCESS' ORDER BY seq").param("%item=" + code + ";%").query(String.class).list())
                .containsExactly("catalog.cancel.propose", "catalog.cancel.approve");
    }

    /** A cancellation sent back leaves the version to take effect on its day, and may be proposed again. */
    @Test
    void aCancellationSentBackLeavesTheVersionScheduled() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_R4_", "撤销退回测试处罚");
        approveRequiringAField(code, LocalDate.now(clock).plusDays(10));
        as("cancel-maker", () -> {
            catalogue.proposeCancellation(code, 2, "暂缓施行的理由");
            return null;
        });
        assertThat(problemOf(() -> catalogue.rejectCancellation(code, 2, " "), "cancel-checker"))
                .isEqualTo("REJECTION_REASON_MISSING");
        as("cancel-checker", () -> {
            catalogue.rejectCancellation(code, 2, "按期施行");
            return null;
        });
        assertThat(catalogue.scheduled(code).orElseThrow().cancellation()).isNull();
        assertThat(problemOf(() -> catalogue.approveCancellation(code, 2), "cancel-checker"))
                .isEqualTo("CANCELLATION_NONE");
        assertThat(problemOf(() -> catalogue.proposeCancellation(code, 1, "不是待生效的版本"), "cancel-maker"))
                .isEqualTo("ITEM_NOT_SCHEDULED");
        as("cancel-maker", () -> {
            catalogue.proposeCancellation(code, 2, "再次申请撤销");
            return null;
        });
        assertThat(catalogue.scheduled(code).orElseThrow().cancellation().reason()).isEqualTo("再次申请撤销");
    }

    /**
     * Gaps review xxxvii-api R4 (rest): the public catalogue's documents carry an ETag; sent back in If-None-Match it
     * is answered 304 without a body, and a change of the catalogue changes the items' tag.
     */
    @Test
    void theCataloguesDocumentsAnswer304WhileTheirTagStillHolds() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_R4_", "缓存测试处罚");
        for (String path : List.of("/api/v1/catalog/items", "/api/v1/catalog/items/" + code + "/schema.json",
                "/api/v1/catalog/items/" + code + "/template.csv")) {
            var first = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
            String tag = first.getHeader("ETag");
            assertThat(tag).as(path).isNotBlank().startsWith("\"");
            assertThat(first.getHeader("Cache-Control")).as(path).isEqualTo("no-cache");
            var again = mvc.perform(get(path).header("If-None-Match", tag)).andExpect(status().isNotModified())
                    .andReturn().getResponse();
            assertThat(again.getContentAsByteArray()).as(path).isEmpty();
            assertThat(again.getHeader("ETag")).isEqualTo(tag);
            mvc.perform(get(path).header("If-None-Match", "\"another\"")).andExpect(status().isOk());
        }
        String before = mvc.perform(get("/api/v1/catalog/items")).andReturn().getResponse().getHeader("ETag");
        approveRequiringAField(code, LocalDate.now(clock).plusDays(5));
        mvc.perform(get("/api/v1/catalog/items").header("If-None-Match", before)).andExpect(status().isOk());
        // Not on the unknown item's refusal.
        assertThat(mvc.perform(get("/api/v1/catalog/items/P_NO_SUCH/schema.json")).andExpect(status().isNotFound())
                .andReturn().getResponse().getHeader("ETag")).isNull();
    }

    /**
     * Session xl: a version whose cancellation waits for the second person does not take effect when its day comes,
     * nor after (the console says 待撤销审核, the API {@code cancellationPending}); sent back once its day has passed,
     * the job's next step puts it in force.
     */
    @Test
    void aPendingCancellationHoldsTheVersionBackPastItsDayUntilSentBack() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_R4_", "撤销待审测试处罚");
        LocalDate effective = LocalDate.now(clock).plusDays(3);
        approveRequiringAField(code, effective);
        as("cancel-maker", () -> {
            catalogue.proposeCancellation(code, 2, "上位规定可能调整");
            return null;
        });

        // The day comes, and the next, while the cancellation waits: the job passes the version by.
        assertThat(catalogue.putDueInForce(effective)).doesNotContain(code + " v2");
        assertThat(catalogue.putDueInForce(effective.plusDays(1))).doesNotContain(code + " v2");
        assertThat(catalogue.active(code).orElseThrow().version()).isEqualTo(1);
        assertThat(catalogue.scheduled(code).orElseThrow().state()).isEqualTo("CANCELLATION_PENDING");
        assertThat(item(code).get("coming").get("cancellationPending").asBoolean()).isTrue();
        var checker = authentication(Principals.staff("cancel-checker", "CREDIT_OFFICE", Permission.CONSOLE_HOME,
                Permission.CATALOG_EDIT, Permission.CATALOG_APPROVE));
        assertThat(mvc.perform(get("/console/catalog/{code}", code).with(checker)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).contains("待撤销审核 v2", "data-held=\"true\"",
                "/console/catalog/" + code + "/cancel/approve");

        as("cancel-checker", () -> {
            catalogue.rejectCancellation(code, 2, "按期施行");
            return null;
        });
        assertThat(item(code).get("coming").get("cancellationPending").asBoolean()).isFalse();
        assertThat(catalogue.putDueInForce(effective.plusDays(1))).as("its day passed: at the job's next step")
                .contains(code + " v2");
        assertThat(catalogue.active(code).orElseThrow().version()).isEqualTo(2);
        assertThat(problemOf(() -> catalogue.proposeCancellation(code, 2, "已生效后再撤销"), "cancel-maker"))
                .isEqualTo("ITEM_NOT_SCHEDULED");
    }

    /**
     * Session xl: the catalogue's documents carry Last-Modified, the time of the latest change that shaped them. An
     * If-Modified-Since at or after it is answered 304 with the body's ETag, one before it in full, and it gives way to
     * If-None-Match; a change of the catalogue moves the items' date.
     */
    @Test
    void theCataloguesDocumentsAnswer304WhenNotModifiedSinceTheirLastChange() throws Exception {
        String code = CatalogueVersions.newItemLike(catalogue, "P_ADMIN_PENALTY_GENERAL", "P_R4_", "修改时间测试处罚");
        String schema = "/api/v1/catalog/items/" + code + "/schema.json";
        for (String path : List.of("/api/v1/catalog/items", schema, "/api/v1/catalog/items/" + code + "/template.csv",
                "/api/v1/catalog/items/" + code + "/template.xlsx")) {
            var first = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
            String modified = first.getHeader("Last-Modified");
            assertThat(modified).as(path).isNotBlank();
            var again = mvc.perform(get(path).header("If-Modified-Since", modified))
                    .andExpect(status().isNotModified()).andReturn().getResponse();
            assertThat(again.getContentAsByteArray()).as(path).isEmpty();
            assertThat(again.getHeader("ETag")).as(path).isEqualTo(first.getHeader("ETag"));
            assertThat(again.getHeader("Last-Modified")).as(path).isEqualTo(modified);
            mvc.perform(get(path).header("If-Modified-Since", modified).header("If-None-Match", "\"another\""))
                    .andExpect(status().isOk());
            mvc.perform(get(path).header("If-Modified-Since", httpDate(first.getDateHeader("Last-Modified") - 1000)))
                    .andExpect(status().isOk());
        }
        Instant approved = catalogue.active(code).orElseThrow().decidedAt();
        assertThat(mvc.perform(get(schema)).andReturn().getResponse().getHeader("Last-Modified"))
                .as("the item's approval").isEqualTo(httpDate(approved.toEpochMilli()));

        String before = mvc.perform(get("/api/v1/catalog/items")).andReturn().getResponse().getHeader("Last-Modified");
        Thread.sleep(1_100); // Last-Modified has whole seconds: the change must fall in a later one.
        approveRequiringAField(code, LocalDate.now(clock).plusDays(5));
        mvc.perform(get("/api/v1/catalog/items").header("If-Modified-Since", before)).andExpect(status().isOk());
        assertThat(mvc.perform(get("/api/v1/catalog/items")).andReturn().getResponse().getHeader("Last-Modified"))
                .isEqualTo(httpDate(catalogue.scheduled(code).orElseThrow().decidedAt().toEpochMilli()));
        // The version in force did not change: its schema is not modified since.
        mvc.perform(get(schema).header("If-Modified-Since", before)).andExpect(status().isNotModified());
        assertThat(mvc.perform(get("/api/v1/catalog/items/P_NO_SUCH/schema.json")).andExpect(status().isNotFound())
                .andReturn().getResponse().getHeader("Last-Modified")).isNull();
    }

    /**
     * Session xl: an item's XLSX template has the CSV template's header, every column formatted as text; the intake's
     * own reader reads it as a file without rows, and filled with one row it is accepted.
     */
    @Test
    void theXlsxTemplateHasTheCsvHeaderTypedAsTextAndAFilledRowIsAccepted() throws Exception {
        String code = "P_ADMIN_PENALTY_GENERAL";
        ItemDefinition definition = catalogue.active(code).orElseThrow().definition();
        var answer = mvc.perform(get("/api/v1/catalog/items/{code}/template.xlsx", code)).andExpect(status().isOk())
                .andReturn().getResponse();
        assertThat(answer.getContentType()).startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml");
        Path file = Files.createTempFile("template-", ".xlsx");
        List<String> header = new ArrayList<>();
        try {
            Files.write(file, answer.getContentAsByteArray());
            assertThat(zipEntry(file, "xl/worksheets/sheet1.xml")).as("each column styled, for the cells typed later")
                    .containsPattern("<col [^>]*style=\"\\d+\"");
            assertThat(zipEntry(file, "xl/styles.xml")).as("as text").contains("formatCode=\"@\"");
            try (RowSource rows = RowSources.open(file, FileFormat.XLSX, Limits.defaults())) {
                assertThat(rows.next()).as("the header only").isEmpty();
            }
            try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
                 Stream<Row> sheet = workbook.getFirstSheet().openStream()) {
                Row first = sheet.findFirst().orElseThrow();
                first.forEach(c -> header.add(c.getText()));
            }
        } finally {
            Files.deleteIfExists(file);
        }
        assertThat(header).isEqualTo(FileSubmissions.templateHeader(definition));
        assertThat(String.join(",", header)).isEqualTo(new String(FileSubmissions.templateCsv(definition),
                StandardCharsets.UTF_8).strip().replace("\uFEFF", ""));

        TestCitizens.Person p = TestCitizens.register(subjects, "表模板");
        Map<String, String> row = new HashMap<>(Map.of("事项代码", code, "证件号码", p.number(), "主体名称", p.name(),
                "部门记录编号", "R4-XLSX-" + UUID.randomUUID(), "决定文书号", "驻市监罚〔2026〕"
                        + (System.nanoTime() % 100_000) + "号", "决定日期", LocalDate.now(clock).minusMonths(1).toString()));
        Map<String, String> values = Map.of("penalty_type", "罚款", "facts", "无照经营",
                "basis", "《无证无照经营查处办法》第十三条", "authority", "市市场监督管理局");
        definition.fields().stream().filter(f -> f.required() || values.containsKey(f.name()))
                .forEach(f -> row.put(f.label(), values.getOrDefault(f.name(), "测试")));
        ByteArrayOutputStream filled = new ByteArrayOutputStream();
        Workbook workbook = new Workbook(filled, "test", "1.0");
        Worksheet sheet = workbook.newWorksheet("报送模板");
        for (int c = 0; c < header.size(); c++) {
            sheet.value(0, c, header.get(c));
            if (row.containsKey(header.get(c))) {
                sheet.value(1, c, row.get(header.get(c)));
            }
        }
        workbook.finish();
        mvc.perform(multipart("/api/v1/submissions/files").file(new MockMultipartFile("file", "模板.xlsx",
                        "application/octet-stream", filled.toByteArray())).param("validateOnly", "true")
                        .header("Authorization", "Bearer " + marketKey()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.received").value(1))
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(0));
    }

    /** An HTTP date (RFC 9110 IMF-fixdate) of {@code millis}, to the second. */
    private static String httpDate(long millis) {
        return DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", java.util.Locale.US)
                .format(Instant.ofEpochMilli(millis).atOffset(ZoneOffset.UTC));
    }

    /** The code of the problem {@code action} is refused with, done as {@code who}. */
    private static String problemOf(Runnable action, String who) throws Exception {
        try {
            as(who, () -> {
                action.run();
                return null;
            });
        } catch (RuntimeException refused) {
            if (refused instanceof cn.chengxin.shared.DomainProblem problem) {
                return problem.code();
            }
            throw refused;
        }
        throw new AssertionError("not refused");
    }

    /** A version 2 of the item that adds a required field, approved to take effect on {@code effective}. */
    private void approveRequiringAField(String code, LocalDate effective) throws Exception {
        ItemDefinition v1 = catalogue.active(code).orElseThrow().definition();
        List<FieldDefinition> fields = new ArrayList<>(v1.fields());
        fields.add(FieldDefinition.text(ADDED, "责令改正事项", true));
        CatalogueVersions.draft(catalogue, new ItemDefinition(v1.code(), v1.name(), v1.subjectType(), v1.nature(),
                v1.category(), v1.domain(), fields, v1.providers(), v1.legalBasis(), v1.sharing(), v1.severity(),
                v1.publicationMinMonths(), v1.publicationMaxMonths(), v1.retentionYears(), v1.usableForPunishment(),
                v1.usableForScoring(), v1.sharedUpward(), v1.updateCycle(), v1.linksToResponsiblePersons(),
                v1.description()));
        CatalogueVersions.submit(catalogue, code);
        as("catalogue-checker", () -> {
            catalogue.approve(code, CatalogueVersions.pending(catalogue, code), "同意", effective);
            return null;
        });
    }

    private JsonNode item(String code) throws Exception {
        for (JsonNode i : json.readTree(mvc.perform(get("/api/v1/catalog/items")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString())) {
            if (i.get("definition").get("code").asString().equals(code)) {
                return i;
            }
        }
        throw new AssertionError("not in the catalogue: " + code);
    }

    /** A penalty of the item sent by the market regulator's system, with the fields of version 1 only. */
    private JsonNode sendWithoutTheNewField(String code) throws Exception {
        TestCitizens.Person p = TestCitizens.register(subjects, "贾生效");
        String key = marketKey();
        String body = mvc.perform(post("/api/v1/submissions").header("Authorization", "Bearer " + key)
                        .header("Idempotency-Key", UUID.randomUUID().toString())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"records\":[{\"itemCode\":\"" + code + "\",\"subjectNumber\":\"" + p.number()
                                + "\",\"subjectName\":\"" + p.name() + "\",\"version\":\"1\",\"action\":\"ADD\","
                                + "\"sourceRecordId\":\"R4-" + UUID.randomUUID() + "\",\"decisionNumber\":\"驻市监罚〔2026〕"
                                + (System.nanoTime() % 100_000) + "号\",\"decisionDate\":\""
                                + LocalDate.now(clock).minusMonths(1) + "\",\"fields\":{\"penalty_type\":\"罚款\","
                                + "\"facts\":\"无照经营\",\"basis\":\"《无证无照经营查处办法》第十三条\","
                                + "\"authority\":\"市市场监督管理局\"}}]}"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body);
    }

    /** A key of the market regulator's system, which provides the administrative penalties. */
    private String marketKey() {
        UUID market = directory.departments().stream().filter(d -> d.code().equals("MARKET")).findFirst()
                .orElseThrow().id();
        return apiClients.issue("部门报送", "MARKET", ApiClient.Kind.DEPARTMENT, market,
                Set.of(Permission.RECORD_SUBMIT), 6000).key();
    }

    /** The entry {@code name} of a zip file (an XLSX workbook's parts), as text. */
    private static String zipEntry(Path zip, String name) throws IOException {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry(name);
            assertThat(entry).as(name).isNotNull();
            return new String(file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * The JSON Schema keywords the platform's field schemas use, checked as draft 2020-12 defines them; a keyword it
     * does not know fails the test (the schema must stay within what clients' validators read alike).
     */
    static final class SchemaCheck {

        private static final Set<String> KNOWN = Set.of("$schema", "$id", "title", "description", "type",
                "properties", "required", "additionalProperties", "x-chengxin-type", "maxLength", "minLength",
                "format", "pattern", "enum");

        static List<String> errors(JsonNode schema, Map<String, String> fields) {
            List<String> errors = new ArrayList<>();
            keywords(schema);
            assertThat(schema.get("type").asString()).isEqualTo("object");
            for (JsonNode r : schema.get("required")) {
                String v = fields.get(r.asString());
                if (v == null) {
                    errors.add("required: " + r.asString());
                }
            }
            JsonNode properties = schema.get("properties");
            for (Map.Entry<String, String> f : fields.entrySet()) {
                JsonNode p = properties.get(f.getKey());
                if (p == null) {
                    if (!schema.get("additionalProperties").asBoolean()) {
                        errors.add("additionalProperties: " + f.getKey());
                    }
                    continue;
                }
                keywords(p);
                String v = f.getValue();
                if (p.has("maxLength") && v.codePointCount(0, v.length()) > p.get("maxLength").asInt()
                        || p.has("minLength") && v.codePointCount(0, v.length()) < p.get("minLength").asInt()) {
                    errors.add("length: " + f.getKey());
                }
                if (p.has("pattern") && !Pattern.compile(p.get("pattern").asString()).matcher(v).find()) {
                    errors.add("pattern: " + f.getKey());
                }
                if (p.has("enum")) {
                    boolean listed = false;
                    for (JsonNode e : p.get("enum")) {
                        listed |= e.asString().equals(v);
                    }
                    if (!listed) {
                        errors.add("enum: " + f.getKey());
                    }
                }
            }
            return errors;
        }

        private static void keywords(JsonNode node) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                assertThat(KNOWN).as("a keyword the check knows").contains(e.getKey());
            }
        }
    }
}
