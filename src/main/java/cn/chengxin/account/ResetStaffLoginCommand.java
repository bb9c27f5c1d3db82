package cn.chengxin.account;

import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.cli.CommandOptions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code reset-staff-login --user NAME}: 运维重置 of a staff member's sign-in on the server ({@link
 * StaffDirectory#resetAtServer}): the authenticator always, the password too when the environment variable
 * {@code CHENGXIN_RESET_PASSWORD} holds a new one (an environment variable, so that the password stays out of the
 * shell's history and the process list). Exit code 1 if it was refused.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "reset-staff-login")
class ResetStaffLoginCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String PASSWORD_VARIABLE = "CHENGXIN_RESET_PASSWORD";

    private final StaffDirectory directory;
    private int exitCode;

    ResetStaffLoginCommand(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        String user = CommandOptions.value(args, "user");
        if (user == null) {
            System.out.println("reset-staff-login: usage: reset-staff-login --user NAME  (new password, if any, in "
                    + PASSWORD_VARIABLE + ")");
            exitCode = 2;
            return;
        }
        String password = System.getenv(PASSWORD_VARIABLE);
        try {
            directory.resetAtServer(user, password == null || password.isEmpty() ? null : password);
            System.out.printf("reset-staff-login: %s: authenticator reset%s; a new one is enrolled at the next sign-in; "
                    + "the account's sessions ended%n", user, password == null || password.isEmpty() ? ""
                    : " and password set");
            exitCode = 0;
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem refused)) {
                throw e;
            }
            System.out.printf("reset-staff-login: %s: refused (%s): %s%n", user, refused.code(), e.getMessage());
            exitCode = 1;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
