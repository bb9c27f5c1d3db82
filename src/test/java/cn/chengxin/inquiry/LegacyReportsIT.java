package cn.chengxin.inquiry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import cn.chengxin.inquiry.domain.LegacyReport;
import cn.chengxin.inquiry.domain.ReportKind;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.TestCitizens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xliii X6 (a) on PostgreSQL: the older platform's reports, registered from its export by
 * {@code import-legacy-reports}, verify here through their validity (genuine, expired) as that platform's, with no
 * content; a wrong code and an unknown number answer as not found; bad rows are named with their line and reason; a
 * rerun registers nothing twice; the code is never stored in clear.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LegacyReportsIT {

    private static final String PLATFORM = "旧市公共信用信息平台";

    @Autowired
    LegacyReports legacy;

    @Autowired
    Reports reports;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void theOldPlatformsReportsVerifyHereAndTheImportNamesItsBadRowsAndRunsAgainSafely(@TempDir Path dir,
                                                                                       CapturedOutput output)
            throws Exception {
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
        String tag = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        String valid = "JX" + tag + "01";
        String expired = "JX" + tag + "02";
        String wrongRerun = "JX" + tag + "03";
        TestCitizens.Person p = TestCitizens.register(subjects, "旧报告核验");
        UUID subject = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        Reports.Issued ours = reports.forSelf(subject, ReportKind.OCCUPATIONAL);
        Path csv = dir.resolve("reports.csv");
        Files.writeString(csv, "\uFEFFnumber,code,issued_on,valid_until\n"
                // line 2: valid, typed with a dash and in lower case as a person might copy it
                + valid + ",ab12-cd34," + today.minusDays(10) + "," + today.plusDays(20) + "\n"
                // line 3: expired yesterday: taken, so that a bank is told it expired
                + "\"" + expired + "\",QQ77RR88," + today.minusDays(40) + "," + today.minusDays(1) + "\n"
                + "\n"
                + "JX" + tag + "04,ZZ11YY22,2026-02-30," + today + "\n"           // line 5: not a day
                + "JX" + tag + "05,ZZ11YY22," + today + "," + today.minusDays(1) + "\n" // line 6: ends before issued
                + "JX" + tag + "06,ZZ11YY22," + today + "\n"                      // line 7: a column missing
                + ours.number() + ",ZZ11YY22," + today + "," + today + "\n"      // line 8: one of ours
                + "JX" + tag + "07,Z," + today + "," + today + "\n"               // line 9: code too short
                + wrongRerun + ",MM55NN66," + today + "," + today.plusDays(5) + "\n", StandardCharsets.UTF_8);

        ImportLegacyReportsCommand command = new ImportLegacyReportsCommand(legacy);
        command.run(new DefaultApplicationArguments("--file", csv.toString(), "--platform", " " + PLATFORM + " "));
        assertThat(command.getExitCode()).as("some rows refused").isEqualTo(1);
        assertThat(output).contains("import-legacy-reports: 3 imported, 0 imported before, 5 refused",
                "refused line 5: issued_on: not a day", "refused line 6: valid_until: before issued_on",
                "refused line 7: expected 4 columns", "refused line 8: number: a report this platform issued",
                "refused line 9: code: 4 to 20 letters or digits");
        assertThat(jdbc.sql("SELECT code_sm3 FROM inquiry.legacy_report WHERE number = ?").param(valid)
                .query(String.class).single()).as("the code kept only as its digest with the number")
                .isEqualTo(LegacyReport.codeDigest(valid, "AB12CD34")).isNotEqualTo(LegacyReport.codeDigest(
                        expired, "AB12CD34"));
        assertThat(jdbc.sql("SELECT count(*) FROM inquiry.legacy_report WHERE number = ? OR code_sm3 LIKE '%AB12%'")
                .param(ours.number()).query(Long.class).single()).isZero();

        // Run again (a fix of one row in between): nothing registered twice, a changed row refused, not overwritten.
        Files.writeString(csv, Files.readString(csv).replace(wrongRerun + ",MM55NN66", wrongRerun + ",MM55NN67"));
        command.run(new DefaultApplicationArguments("--file", csv.toString(), "--platform", PLATFORM));
        assertThat(command.getExitCode()).isEqualTo(1);
        assertThat(output).contains("import-legacy-reports: 0 imported, 2 imported before, 6 refused",
                "refused line 10: number: registered before with another code, days or platform");
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'inquiry.legacy-report.import' "
                + "AND actor_kind = 'SYSTEM' AND detail LIKE ?").param("reason=LEGACY_REPORTS_IMPORTED; registered=%"
                + "platform=" + PLATFORM).query(Long.class).single()).as("each run audited with its counts")
                .isGreaterThanOrEqualTo(2);

        // The API: genuine and valid, expired, a wrong code and an unknown number alike.
        verification(valid, "AB12CD34").andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.legacy.platform").value(PLATFORM))
                .andExpect(jsonPath("$.legacy.issuedOn").value(today.minusDays(10).toString()))
                .andExpect(jsonPath("$.legacy.validUntil").value(today.plusDays(20).toString()))
                .andExpect(jsonPath("$.maskedName").doesNotExist())
                .andExpect(jsonPath("$.sm3").doesNotExist());
        verification(expired.toLowerCase(), "qq77 rr88").andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.status").value("EXPIRED"))
                .andExpect(jsonPath("$.legacy.platform").value(PLATFORM));
        verification(valid, "AB12CD35").andExpect(jsonPath("$.authentic").value(false))
                .andExpect(jsonPath("$.status").value("NOT_FOUND")).andExpect(jsonPath("$.legacy").doesNotExist());
        verification("JX" + tag + "99", "AB12CD34").andExpect(jsonPath("$.status").value("NOT_FOUND"));
        verification(ours.number(), ours.verificationCode()).andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.legacy").doesNotExist());

        // The page: the old platform named, the days, nothing of a person.
        String page = page(valid, "AB12-CD34", null);
        assertThat(page).contains("该报告由原平台“" + PLATFORM + "”出具，真实，仍在有效期内。",
                today.plusDays(20).toString(), "不持有报告内容").doesNotContain("未能核验", "信息主体");
        assertThat(page(expired, "QQ77RR88", "en")).contains("Issued by the older platform “" + PLATFORM
                + "”: authentic, but past its validity.");
        assertThat(page(valid, "WRONG123", null)).contains("未能核验").doesNotContain(PLATFORM);
    }

    @Test
    void aWrongUsageOrAWrongHeaderImportsNothing(@TempDir Path dir, CapturedOutput output) throws Exception {
        ImportLegacyReportsCommand command = new ImportLegacyReportsCommand(legacy);
        command.run(new DefaultApplicationArguments("--file", dir.resolve("x.csv").toString()));
        assertThat(command.getExitCode()).isEqualTo(2);
        assertThat(output).contains("import-legacy-reports: usage:");
        Path csv = dir.resolve("swapped.csv");
        Files.writeString(csv, "code,number,issued_on,valid_until\nAB12CD34,JXSWAPPED1,2026-01-01,2026-12-31\n");
        command.run(new DefaultApplicationArguments("--file", csv.toString(), "--platform", PLATFORM));
        assertThat(command.getExitCode()).isEqualTo(2);
        assertThat(output).contains("not imported: line 1: expected the header number,code,issued_on,valid_until");
        Path gbk = dir.resolve("gbk.csv");
        Files.write(gbk, ("number,code,issued_on,valid_until\nJXGBK1,AB12CD34,2026-01-01,2026-12-31,旧\n")
                .getBytes(java.nio.charset.Charset.forName("GBK")));
        command.run(new DefaultApplicationArguments("--file", gbk.toString(), "--platform", PLATFORM));
        assertThat(command.getExitCode()).isEqualTo(2);
        assertThat(output).contains("not imported: the file is not UTF-8 text");
        assertThat(jdbc.sql("SELECT count(*) FROM inquiry.legacy_report WHERE number IN ('JXSWAPPED1', 'JXGBK1')")
                .query(Long.class).single()).isZero();
    }

    private ResultActions verification(String number, String code) throws Exception {
        return mvc.perform(post("/api/v1/reports/verifications").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON)
                .content("{\"number\":\"" + number + "\",\"code\":\"" + code + "\"}").with(r -> {
                    r.setRemoteAddr("10.82.3." + (1 + Math.floorMod((number + code).hashCode(), 200)));
                    return r;
                })).andExpect(status().isOk());
    }

    private String page(String number, String code, String lang) throws Exception {
        var request = post("/verify").param("number", number).param("code", code).with(csrf()).with(r -> {
            r.setRemoteAddr("10.82.4." + (1 + Math.floorMod((number + code).hashCode(), 200)));
            return r;
        });
        if (lang != null) {
            request = request.param("lang", lang);
        }
        String page = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        return page.substring(page.indexOf("<main"), page.indexOf("</main>"));
    }
}
