package cn.chengxin.inquiry;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;

import cn.chengxin.inquiry.domain.RowRefusal;
import cn.chengxin.shared.cli.CommandOptions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;

/**
 * What the move's imports of the old system's CSV exports share (gaps review xliii X6): {@code --file PATH} and the
 * command's own options, the counts and each refused row printed with its line and reason, and the exit code — 0 when
 * every row was imported (now or before), 1 when some were refused (the rest imported: correct those rows and run it
 * again), 2 for a wrong usage or a file not read at all.
 */
abstract class CsvImportCommand implements ApplicationRunner, ExitCodeGenerator {

    /** What an import did, as printed; {@code more}: one more line to print, or null. */
    record Outcome(int imported, int already, List<RowRefusal> refused, String more) {
    }

    private final String name;
    private final String usage;
    private int exitCode;

    /** @param usage the options after {@code --file PATH} and the file's form, for the usage line */
    CsvImportCommand(String name, String usage) {
        this.name = name;
        this.usage = usage;
    }

    /** Imports the file read, the command's own options given. */
    abstract Outcome importCsv(Reader csv, ApplicationArguments args) throws IOException;

    /** Whether the command's own options are there. */
    abstract boolean hasOptions(ApplicationArguments args);

    @Override
    public void run(ApplicationArguments args) {
        String file = CommandOptions.value(args, "file");
        if (file == null || !hasOptions(args)) {
            System.out.println(name + ": usage: " + name + " --file PATH " + usage);
            exitCode = 2;
            return;
        }
        try (Reader csv = ImportCsv.open(Path.of(file))) {
            Outcome done = importCsv(csv, args);
            System.out.print(ImportCsv.summary(name, done.imported(), done.already(), done.refused()));
            if (done.more() != null) {
                System.out.println(name + ": " + done.more());
            }
            exitCode = done.refused().isEmpty() ? 0 : 1;
        } catch (IOException | IllegalArgumentException unread) {
            System.out.println(name + ": " + file + ": not imported: " + unread.getMessage());
            exitCode = 2;
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
