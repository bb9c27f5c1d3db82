package cn.chengxin.audit;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** {@code verify-audit}: verifies the whole audit log and prints every finding; exit code 1 if any. */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "verify-audit")
class AuditVerifyCommand implements ApplicationRunner, ExitCodeGenerator {

    private final AuditVerification verification;
    private int exitCode;

    AuditVerifyCommand(AuditVerification verification) {
        this.verification = verification;
    }

    @Override
    public void run(ApplicationArguments args) {
        AuditVerification.Report report = verification.verify();
        System.out.printf("verify-audit: %,d events and %d checkpoints checked in %d ms%n", report.eventsChecked(),
                report.checkpointsChecked(), report.took().toMillis());
        report.findings().forEach(f -> System.out.printf("verify-audit: %s events %d–%d: %s%n", f.kind(),
                f.fromSeq(), f.toSeq(), f.detail()));
        System.out.println(report.intact() ? "verify-audit: intact" : "verify-audit: TAMPERED");
        exitCode = report.intact() ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
