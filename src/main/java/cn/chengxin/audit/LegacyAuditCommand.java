package cn.chengxin.audit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;

import cn.chengxin.shared.cli.CommandOptions;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code record-legacy-audit (--file PATH [--file PATH …] | --sm3 HEX) --place 存放位置 --custodian 保管人
 * --from yyyy-MM-dd --until yyyy-MM-dd}: records the older platform's logs' archive ({@link LegacyAuditArchive}; README
 * 迁移与切换 step 6). The digest is computed here from the archive's files — one SM3 over their bytes in the order given,
 * each file's own printed too, so that a file can be checked alone — or given when the archive cannot be read from this
 * server (then computed where it is, with the same tool). Exit code 0 when recorded, 2 for a wrong usage or a file not
 * read.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "record-legacy-audit")
class LegacyAuditCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String NAME = "record-legacy-audit";

    private final LegacyAuditArchive archive;
    private int exitCode;

    LegacyAuditCommand(LegacyAuditArchive archive) {
        this.archive = archive;
    }

    @Override
    public void run(ApplicationArguments args) {
        List<String> files = CommandOptions.values(args, "file");
        String given = CommandOptions.value(args, "sm3");
        if (files.isEmpty() == (given == null)) {
            usage("either --file (one or more) or --sm3");
            return;
        }
        try {
            String sm3 = given != null ? given : digest(files);
            LegacyAuditArchive.Archive recorded = new LegacyAuditArchive.Archive(sm3,
                    CommandOptions.value(args, "place"), CommandOptions.value(args, "custodian"),
                    day(CommandOptions.value(args, "from")), day(CommandOptions.value(args, "until")));
            long seq = archive.record(recorded);
            System.out.printf("%s: recorded as audit event %d (%s): SM3 %s, %s to %s, kept at %s by %s%n", NAME, seq,
                    LegacyAuditArchive.ACTION, recorded.sm3(), recorded.from(), recorded.until(), recorded.place(),
                    recorded.custodian());
            exitCode = 0;
        } catch (IllegalArgumentException | IOException wrong) {
            usage(wrong.getMessage());
        }
    }

    private void usage(String why) {
        System.out.println(NAME + ": " + why + System.lineSeparator() + NAME + ": usage: " + NAME
                + " (--file PATH [--file PATH ...] | --sm3 HEX) --place 存放位置 --custodian 保管人 --from yyyy-MM-dd"
                + " --until yyyy-MM-dd");
        exitCode = 2;
    }

    /** One SM3 over the files' bytes in order; each file's own SM3 printed as it is read. */
    private static String digest(List<String> files) throws IOException {
        SM3Digest whole = new SM3Digest();
        byte[] buffer = new byte[64 * 1024];
        for (String file : files) {
            SM3Digest own = new SM3Digest();
            try (InputStream in = Files.newInputStream(Path.of(file))) {
                for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                    whole.update(buffer, 0, n);
                    own.update(buffer, 0, n);
                }
            }
            System.out.println(NAME + ": " + file + ": SM3 " + hex(own));
        }
        return hex(whole);
    }

    private static String hex(SM3Digest sm3) {
        byte[] out = new byte[sm3.getDigestSize()];
        sm3.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private static LocalDate day(String text) {
        try {
            return text == null ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException notADay) {
            throw new IllegalArgumentException("not a day (yyyy-MM-dd): " + text);
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
