package cn.chengxin.account;

import java.util.Locale;

import cn.chengxin.account.domain.AdminKind;
import cn.chengxin.shared.DomainProblem;
import cn.chengxin.shared.cli.CommandOptions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code create-administrator --user NAME --kind SYSTEM|SECURITY|AUDIT [--name 姓名] [--even-if-one-exists]}: the first
 * administrators of a production platform ({@link StaffDirectory#createAdministratorAtServer}, gaps review xliii X1),
 * one run per kind. The first password comes from {@code CHENGXIN_RESET_PASSWORD} (an environment variable, kept out
 * of the shell's history and the process list) or is generated and printed once; it is temporary, and the
 * authenticator is enrolled at the first sign-in. Exit code 1 if refused, 2 for a wrong usage.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "create-administrator")
class CreateAdministratorCommand implements ApplicationRunner, ExitCodeGenerator {

    static final String EVEN_IF_ONE_EXISTS = "--even-if-one-exists";

    private final StaffDirectory directory;
    private int exitCode;

    CreateAdministratorCommand(StaffDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        String user = CommandOptions.value(args, "user");
        AdminKind kind = kind(CommandOptions.value(args, "kind"));
        if (user == null || kind == null) {
            System.out.println("create-administrator: usage: create-administrator --user NAME --kind "
                    + "SYSTEM|SECURITY|AUDIT [--name 姓名] [" + EVEN_IF_ONE_EXISTS + "]  (first password, if chosen, in "
                    + ResetStaffLoginCommand.PASSWORD_VARIABLE + ")");
            exitCode = 2;
            return;
        }
        String chosen = System.getenv(ResetStaffLoginCommand.PASSWORD_VARIABLE);
        try {
            StaffDirectory.CreatedAtServer created = directory.createAdministratorAtServer(user, CommandOptions.value(args, "name"),
                    kind, chosen == null || chosen.isEmpty() ? null : chosen,
                    CommandOptions.flag(args, EVEN_IF_ONE_EXISTS.substring(2)));
            System.out.printf("create-administrator: %s: created as %s (%s); %s; the password is changed and the "
                            + "authenticator enrolled at the first sign-in%n", user, kind.label(), kind.name(),
                    chosen == null || chosen.isEmpty() ? "temporary password (shown once): " + created.password()
                            : "temporary password from " + ResetStaffLoginCommand.PASSWORD_VARIABLE);
            exitCode = 0;
        } catch (RuntimeException e) {
            if (!(e instanceof DomainProblem refused)) {
                throw e;
            }
            System.out.printf("create-administrator: %s: refused (%s): %s%n", user, refused.code(), e.getMessage());
            exitCode = 1;
        }
    }

    private static AdminKind kind(String value) {
        try {
            return value == null ? null : AdminKind.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
