package cn.chengxin.inquiry;

import java.io.IOException;
import java.io.Reader;

import cn.chengxin.inquiry.domain.LegacyReport;
import cn.chengxin.shared.cli.CommandOptions;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code import-legacy-reports --file PATH --platform 名称}: registers the older platform's reports from its export
 * ({@link LegacyReports#importCsv}; README 迁移与切换), so that they verify here through their validity. Prints the
 * counts and each refused row with its line and reason; exit codes as {@link CsvImportCommand}'s. The export holds
 * verification codes in clear: delete it once imported.
 */
@Component
@ConditionalOnProperty(name = "chengxin.cli.command", havingValue = "import-legacy-reports")
class ImportLegacyReportsCommand extends CsvImportCommand {

    private final LegacyReports legacy;

    ImportLegacyReportsCommand(LegacyReports legacy) {
        super("import-legacy-reports", "--platform 原平台名称  (CSV, UTF-8, header "
                + String.join(",", LegacyReport.COLUMNS) + ")");
        this.legacy = legacy;
    }

    @Override
    boolean hasOptions(ApplicationArguments args) {
        return CommandOptions.value(args, "platform") != null;
    }

    @Override
    Outcome importCsv(Reader csv, ApplicationArguments args) throws IOException {
        LegacyReports.Imported done = legacy.importCsv(csv, CommandOptions.value(args, "platform"));
        return new Outcome(done.registered(), done.already(), done.refused(), null);
    }
}
