package cn.chengxin.audit;

import java.util.List;

import cn.chengxin.audit.domain.KeptCheckpoint;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code verify-audit}: verifies the whole audit log and prints every finding; exit code 1 if any. With
 * {@code --checkpoint-size --checkpoint-root --checkpoint-at --checkpoint-signature}, as /audit/checkpoints shows a
 * checkpoint, it also verifies the log against that checkpoint, kept by the auditor; exit code 2 if it cannot be read.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "verify-audit")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    static final List<String> CHECKPOINT_OPTIONS = List.of("checkpoint-size", "checkpoint-root", "checkpoint-at",
            "checkpoint-signature");

    private final AuditVerification verification;
    private int exitCode;

    AuditVerifyCommand(AuditVerification verification) {
        this.verification = verification;
    }

    @Override
    public void run(ApplicationArguments args) {
        KeptCheckpoint kept = null;
        if (CHECKPOINT_OPTIONS.stream().anyMatch(args::containsOption)) {
            List<String> fields = CHECKPOINT_OPTIONS.stream().map(o -> option(args, o)).toList();
            try {
                kept = AuditVerification.kept(fields.get(0), fields.get(1), fields.get(2), fields.get(3));
            } catch (AuditVerification.MalformedCheckpoint e) {
                System.out.printf("verify-audit: CHECKPOINT_MALFORMED --%s: %s; nothing verified%n",
                        CHECKPOINT_OPTIONS.get(e.field().ordinal()), e.getMessage());
                exitCode = 2;
                return;
            }
        }
        AuditVerification.Report report = verification.verify(kept);
        System.out.printf("verify-audit: %,d events and %d checkpoints checked in %d ms%n", report.eventsChecked(),
                report.checkpointsChecked(), report.took().toMillis());
        if (report.eventsPastLastCheckpoint() > 0) {
            System.out.printf("verify-audit: %,d events after the last checkpoint (size %d) checked; no signed "
                    + "checkpoint covers them yet%n", report.eventsPastLastCheckpoint(), report.lastCheckpointSize());
        }
        report.findings().forEach(f -> System.out.printf("verify-audit: %s events %d–%d: %s%n", f.kind(),
                f.fromSeq(), f.toSeq(), f.detail()));
        report.restores().forEach(r -> System.out.printf("verify-audit: event %d records the confirmed restore %s: "
                + "the log went on from %d, having reached %d before; the events in between were lost%n", r.seq(),
                r.name(), r.position(), r.reached()));
        if (report.keptBeforeRestore() != null) {
            System.out.printf("verify-audit: the kept checkpoint of size %d was signed before the restore %s, over "
                    + "events it lost: not a rewrite%n", kept.treeSize(), report.keptBeforeRestore().name());
        }
        if (kept != null && report.intact() && report.keptBeforeRestore() == null) {
            System.out.printf("verify-audit: matches the kept checkpoint of size %d%n", kept.treeSize());
        }
        System.out.println(report.intact() ? "verify-audit: intact" : "verify-audit: TAMPERED");
        exitCode = report.intact() ? 0 : 1;
    }

    private static String option(ApplicationArguments args, String name) {
        List<String> values = args.getOptionValues(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
