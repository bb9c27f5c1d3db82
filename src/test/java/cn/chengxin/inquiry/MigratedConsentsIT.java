package cn.chengxin.inquiry;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.account.ApiClient;
import cn.chengxin.account.ApiClients;
import cn.chengxin.inquiry.domain.Consent;
import cn.chengxin.inquiry.domain.Purpose;
import cn.chengxin.shared.security.Permission;
import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import cn.chengxin.support.TestCreditCodes;
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

import static cn.chengxin.support.AsStaff.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xliii X6 (b) on PostgreSQL: the older platform's consents, carried over by {@code import-consents}, stand
 * here as granted then: the institution's query is answered on one, the person sees each in 授权管理 (marked) and in
 * 谁查询了我, and is told once, by one notice listing the institutions; bad rows are named with their line and reason,
 * never the number; a rerun carries nothing twice and tells no one again.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class MigratedConsentsIT {

    @Autowired
    MigratedConsents migrated;

    @Autowired
    Consents consents;

    @Autowired
    ApiClients apiClients;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void consentsOfTheOldPlatformStandHereAndEachPersonIsToldOnce(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String codeA = TestCreditCodes.next();
        String codeB = TestCreditCodes.next();
        String bankA = "迁移授权银行甲" + tag;
        String bankB = "迁移授权租赁乙" + tag;
        ApiClients.IssuedKey keyA = as("migration-setup", () -> apiClients.issue("信贷系统", bankA,
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 6000, codeA));
        as("migration-setup", () -> apiClients.issue("租赁系统", bankB, ApiClient.Kind.INSTITUTION, null,
                Set.of(Permission.API_REPORT_QUERY), 6000, codeB));
        TestCitizens.Person p = TestCitizens.register(subjects, "迁授权");
        TestCitizens.Person q = TestCitizens.register(subjects, "迁授权乙");
        UUID pid = id(p);
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant granted = now.minus(Duration.ofDays(30));
        String badChecksum = p.number().substring(0, 17) + (p.number().endsWith("0") ? "1" : "0");
        Path csv = dir.resolve("consents.csv");
        Files.writeString(csv, "identity_number,institution_credit_code,purpose,granted_at,expires_at\n"
                + p.number() + "," + codeA + ",LENDING," + granted + "," + now.plus(Duration.ofDays(60)) + "\n"
                + p.number() + "," + codeB.toLowerCase() + ",房屋租赁,2026-01-05 09:30:00," + now.plus(Duration.ofDays(9))
                .atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate() + "\n"
                + q.number() + "," + codeA + ",LENDING," + granted + "," + now.plus(Duration.ofDays(60)) + "\n"
                + badChecksum + "," + codeA + ",LENDING," + granted + "," + now.plus(Duration.ofDays(60)) + "\n"
                + p.number() + ",91999999MA00000000," + "LENDING," + granted + "," + now.plus(Duration.ofDays(60)) + "\n"
                + q.number() + "," + codeB + ",LENDING," + granted + "," + now.minus(Duration.ofHours(1)) + "\n"
                + TestCitizens.unregisteredNumber() + "," + codeA + ",LENDING," + granted + "," + now.plusSeconds(99) + "\n"
                + q.number() + "," + codeA + ",SPYING," + granted + "," + now.plus(Duration.ofDays(60)) + "\n",
                StandardCharsets.UTF_8);

        ImportConsentsCommand command = new ImportConsentsCommand(migrated);
        command.run(new DefaultApplicationArguments("--file", csv.toString()));
        assertThat(command.getExitCode()).isEqualTo(1);
        assertThat(output).contains("import-consents: 3 imported, 0 imported before, 5 refused",
                "refused line 5: identity_number: ID_CHECKSUM",
                "refused line 6: institution_credit_code: no institution here that may query reports",
                "refused line 7: expires_at: expired before the import",
                "refused line 8: identity_number: no such person in the register",
                "refused line 9: purpose: not one of this platform's purposes",
                "import-consents: 2 people told")
                .doesNotContain(p.number(), badChecksum);

        assertThat(consents.of(pid)).extracting(Consent::organisation, Consent::purpose, Consent::grantedAt)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(bankA, Purpose.LENDING, granted),
                        org.assertj.core.groups.Tuple.tuple(bankB, Purpose.TENANCY,
                                java.time.LocalDateTime.of(2026, 1, 5, 9, 30)
                                        .atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant()));
        assertThat(jdbc.sql("SELECT count(*) FROM inquiry.consent WHERE subject_id = ? AND granted_via = 'migration'")
                .param(pid).query(Long.class).single()).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM audit.event WHERE action = 'consent.migrate' AND subject_pseudonym = ?"
                + " AND detail LIKE 'reason=CONSENT_MIGRATED_TERMS; organisation=%'")
                .param(subjects.pseudonymOf(pid).orElseThrow()).query(Long.class).single()).isEqualTo(2);
        String notices = "SELECT body FROM account.notice WHERE subject_id = ? AND kind = 'CONSENTS_MIGRATED'";
        assertThat(jdbc.sql(notices).param(pid).query(String.class).list()).singleElement().asString()
                .contains(bankA, bankB);

        // The institution's query is answered on the carried-over consent, as on one granted here.
        mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + keyA.key())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"subjectNumber\":\"" + p.number() + "\",\"purpose\":\"LENDING\"}"))
                .andExpect(status().isOk());

        // The person sees them, marked, and the carrying over in 谁查询了我; the number masked on both pages.
        String page = mvc.perform(get("/me/consents").with(authentication(Principals.citizen(subjects, pid))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains(bankA, bankB, "自原平台迁入").doesNotContain(p.number());
        String access = mvc.perform(get("/me/access").with(authentication(Principals.citizen(subjects, pid))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(access).contains("原平台的查询授权迁入本平台").doesNotContain(p.number());
        String english = mvc.perform(get("/me/notices").param("lang", "en")
                        .with(authentication(Principals.citizen(subjects, pid))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Your consents given on the older platform were carried over");

        // Run again: nothing twice, no one told again.
        command.run(new DefaultApplicationArguments("--file", csv.toString()));
        assertThat(output).contains("import-consents: 0 imported, 3 imported before, 5 refused",
                "import-consents: 0 people told");
        assertThat(consents.of(pid)).hasSize(2);
        assertThat(jdbc.sql(notices).param(pid).query(String.class).list()).hasSize(1);
    }

    /**
     * X6 (rest): the old consent's terms come with it. A single-use one answers one query, then is refused as used and
     * shows 已使用, as one granted here; a guardian's shows the guardian (the name masked) and the relation; a child's
     * without a guardian, a relation unknown, a name holding digits or half a guardian are refused by line. An export of
     * the first five columns still reads.
     */
    @Test
    void aMigratedConsentKeepsItsSingleUseAndItsGuardian(@TempDir Path dir, CapturedOutput output) throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String code = TestCreditCodes.next();
        String bank = "迁移一次授权银行" + tag;
        ApiClients.IssuedKey key = as("migration-setup", () -> apiClients.issue("信贷系统", bank,
                ApiClient.Kind.INSTITUTION, null, Set.of(Permission.API_REPORT_QUERY), 6000, code));
        TestCitizens.Person adult = TestCitizens.register(subjects, "迁一次");
        java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai")));
        TestCitizens.Person child = TestCitizens.register(subjects, "迁监护", today.minusYears(9));
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Instant granted = now.minus(Duration.ofDays(3));
        String until = now.plus(Duration.ofDays(20)).toString();
        Path csv = dir.resolve("terms.csv");
        Files.writeString(csv, String.join(",", cn.chengxin.inquiry.domain.MigratedConsent.COLUMNS) + "\n"
                + adult.number() + "," + code + ",LENDING," + granted + "," + until + ",是,,\n"
                + child.number() + "," + code + ",TENANCY," + granted + "," + until + ",false,王监护,父母\n"
                + child.number() + "," + code + ",LENDING," + granted + "," + until + ",,,\n"
                + child.number() + "," + code + ",LEASING," + granted + "," + until + ",,王监护,邻居\n"
                + child.number() + "," + code + ",BIDDING," + granted + "," + until + ",,王110101,PARENT\n"
                + child.number() + "," + code + ",EMPLOYMENT," + granted + "," + until + ",,王监护,\n"
                + adult.number() + "," + code + ",TENANCY," + granted + "," + until + ",maybe,,\n"
                + adult.number() + "," + code + ",LEASING," + granted + "," + until + ",1,李监护\n",
                StandardCharsets.UTF_8);

        ImportConsentsCommand command = new ImportConsentsCommand(migrated);
        command.run(new DefaultApplicationArguments("--file", csv.toString()));
        assertThat(output).contains("import-consents: 2 imported, 0 imported before, 6 refused",
                "refused line 4: guardian_name: empty, and the person was under 14 at the grant",
                "refused line 5: guardian_relation: not one of",
                "refused line 6: guardian_name: not a name",
                "refused line 7: guardian_relation: empty while guardian_name is given",
                "refused line 8: single_use: not true or false",
                "refused line 9: expected 8 columns").doesNotContain(adult.number(), child.number());

        UUID adultId = id(adult);
        UUID childId = id(child);
        assertThat(consents.of(adultId)).singleElement().satisfies(c -> assertThat(c.singleUse()).isTrue());
        assertThat(consents.of(childId)).singleElement().satisfies(c -> assertThat(c.singleUse()).isFalse());
        assertThat(jdbc.sql("SELECT guardian_name || '/' || guardian_relation FROM inquiry.migrated_consent"
                + " WHERE subject_id = ?").param(childId).query(String.class).single()).isEqualTo("王监护/PARENT");
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = 'consent.migrate' AND subject_pseudonym = ?")
                .param(subjects.pseudonymOf(childId).orElseThrow()).query(String.class).single())
                .startsWith("reason=CONSENT_MIGRATED_GUARDIAN;").contains("王*护").doesNotContain("王监护");

        // The single-use consent answers one query; the second is refused as used, and 授权管理 shows it 已使用.
        String body = "{\"subjectNumber\":\"" + adult.number() + "\",\"purpose\":\"LENDING\"}";
        mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + key.key())
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isOk());
        String refused = mvc.perform(post("/api/v1/reports").header("Authorization", "Bearer " + key.key())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is4xxClientError()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("CONSENT_USED");
        String page = mvc.perform(get("/me/consents").with(authentication(Principals.citizen(subjects, adultId))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).containsPattern("data-field=\"state\">已使用<").doesNotContain("data-field=\"guardian\"");

        // The guardian's consent shows the guardian, masked, and the relation, in either language.
        String childPage = mvc.perform(get("/me/consents").with(authentication(Principals.citizen(subjects, childId))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(childPage).contains("由监护人王*护（父母）代为授权").doesNotContain("王监护");
        String english = mvc.perform(get("/me/consents").param("lang", "en")
                        .with(authentication(Principals.citizen(subjects, childId))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Given by the guardian 王*护 (parent)");

        // An export of the first five columns still reads: many uses, the person's own.
        TestCitizens.Person older = TestCitizens.register(subjects, "迁五列");
        Path five = dir.resolve("five.csv");
        Files.writeString(five, "identity_number,institution_credit_code,purpose,granted_at,expires_at\n"
                + older.number() + "," + code + ",LENDING," + granted + "," + until + "\n"
                + older.number() + "," + code + ",TENANCY," + granted + "," + until + ",是\n", StandardCharsets.UTF_8);
        command.run(new DefaultApplicationArguments("--file", five.toString()));
        assertThat(output).contains("import-consents: 1 imported, 0 imported before, 1 refused",
                "refused line 3: expected 5 columns");
        assertThat(consents.of(id(older))).singleElement().satisfies(c -> assertThat(c.singleUse()).isFalse());
    }

    private UUID id(TestCitizens.Person person) {
        return subjects.find(subjects.validate(DocumentType.RESIDENT_ID, person.number())).orElseThrow();
    }
}
