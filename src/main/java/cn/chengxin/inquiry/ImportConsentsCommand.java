package cn.chengxin.inquiry;

import java.io.IOException;
import java.io.Reader;

import cn.chengxin.inquiry.domain.MigratedConsent;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code import-consents --file PATH}: carries the older platform's consents over ({@link MigratedConsents#importCsv};
 * README 迁移与切换, after the subjects' records are loaded and the institutions' keys issued). Prints the counts, each
 * refused row with its line and reason (never a number) and how many people were told; exit codes as
 * {@link CsvImportCommand}'s. The export holds identity numbers in clear: delete it once imported.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "import-consents")
class ImportConsentsCommand extends CsvImportCommand {

    private final MigratedConsents consents;

    ImportConsentsCommand(MigratedConsents consents) {
        super("import-consents", " (CSV, UTF-8, header " + String.join(",", MigratedConsent.COLUMNS) + ")");
        this.consents = consents;
    }

    @Override
    boolean hasOptions(ApplicationArguments args) {
        return true;
    }

    @Override
    Outcome importCsv(Reader csv, ApplicationArguments args) throws IOException {
        MigratedConsents.Imported done = consents.importCsv(csv);
        return new Outcome(done.migrated(), done.already(), done.refused(),
                done.peopleTold() + " people told (消息通知)");
    }
}
