package cn.chengxin.audit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.UUID;

import cn.chengxin.subject.SubjectRegistry;
import cn.chengxin.subject.domain.DocumentType;
import cn.chengxin.support.IntegrationTest;
import cn.chengxin.support.Principals;
import cn.chengxin.support.TestCitizens;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static cn.chengxin.support.ConsoleStaff.staff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Gaps review xliii X8 on PostgreSQL: {@code record-legacy-audit} records the older platform's logs' archive — its SM3
 * computed from the files, place, custodian, period — as one audit event the audit administrator reads in words, and
 * 谁查询了我 says from which day it covers and where the earlier queries are kept; a wrong usage records nothing.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LegacyAuditArchiveIT {

    @Autowired
    LegacyAuditArchive archive;

    @Autowired
    SubjectRegistry subjects;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    Clock clock;

    @Test
    void theArchiveIsRecordedOnceShownToTheAuditorAndNamedOnTheAccessPage(@TempDir Path dir, CapturedOutput output)
            throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        Path first = Files.writeString(dir.resolve("audit-2019-2026.csv"), "seq,at,action\n1,2019-01-01,login\n");
        Path second = Files.writeString(dir.resolve("query-log.csv"), "查询日志 " + tag + "\n", StandardCharsets.UTF_8);
        String place = "市档案馆电子档案室 " + tag;
        LegacyAuditCommand command = new LegacyAuditCommand(archive);
        long before = events();

        command.run(new DefaultApplicationArguments("--file", first.toString(), "--sm3", "ab".repeat(32), "--place",
                place, "--custodian", "信用办", "--from", "2019-01-01", "--until", "2026-12-01"));
        assertThat(command.getExitCode()).as("both a file and a digest").isEqualTo(2);
        command.run(new DefaultApplicationArguments("--sm3", "ab".repeat(32), "--place", place, "--custodian",
                "信用办", "--from", "2026-12-01", "--until", "2019-01-01"));
        assertThat(command.getExitCode()).as("a period ending before it begins").isEqualTo(2);
        assertThat(output).contains("record-legacy-audit: usage:");
        assertThat(events()).as("nothing recorded by a wrong usage").isEqualTo(before);

        command.run(new DefaultApplicationArguments("--file", first.toString(), "--file", second.toString(),
                "--place", place, "--custodian", "信用办 档案管理岗", "--from", "2019-01-01", "--until", "2026-12-01"));
        assertThat(command.getExitCode()).isZero();
        String whole = sm3(Files.readAllBytes(first), Files.readAllBytes(second));
        assertThat(output).contains(first + ": SM3 " + sm3(Files.readAllBytes(first)),
                second + ": SM3 " + sm3(Files.readAllBytes(second)), "SM3 " + whole);
        assertThat(events()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT detail FROM audit.event WHERE action = ? AND actor_kind = 'SYSTEM' "
                        + "AND category = 'QUERY' ORDER BY seq DESC LIMIT 1").param(LegacyAuditArchive.ACTION)
                .query(String.class).single()).isEqualTo("reason=LEGACY_AUDIT_ARCHIVED; sm3=" + whole + "; place="
                + place + "; custodian=信用办 档案管理岗; from=2019-01-01; until=2026-12-01");

        // The audit administrator reads it in words.
        String console = mvc.perform(get("/console/audit").param("action", LegacyAuditArchive.ACTION)
                        .with(staff("审计员迁移", "audit:read")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(console).contains("记录原平台审计日志与查询日志的归档", "原平台日志归档：SM3 " + whole, place);

        // 谁查询了我: from the first archive's day, where the older queries are; the person's number never shown.
        LegacyAuditArchive.Coverage coverage = archive.coverage().orElseThrow();
        TestCitizens.Person p = TestCitizens.register(subjects, "迁移查看");
        UUID id = subjects.find(subjects.validate(DocumentType.RESIDENT_ID, p.number())).orElseThrow();
        String page = mvc.perform(get("/me/access").with(authentication(Principals.citizen(subjects, id))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(coverage.since()).isBeforeOrEqualTo(LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai"))));
        assertThat(page).contains("本页列出本平台自 " + coverage.since() + " 起", "存放：" + coverage.place())
                .doesNotContain(p.number());
        String english = mvc.perform(get("/me/access").param("lang", "en")
                        .with(authentication(Principals.citizen(subjects, id))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("on this platform from " + coverage.since(), "kept at: " + coverage.place());
    }

    private long events() {
        return jdbc.sql("SELECT count(*) FROM audit.event WHERE action = ?").param(LegacyAuditArchive.ACTION)
                .query(Long.class).single();
    }

    private static String sm3(byte[]... parts) {
        SM3Digest sm3 = new SM3Digest();
        for (byte[] part : parts) {
            sm3.update(part, 0, part.length);
        }
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
