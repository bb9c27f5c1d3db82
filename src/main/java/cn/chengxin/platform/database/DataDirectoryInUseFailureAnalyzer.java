package cn.chengxin.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Says in plain words why a command (or a second platform) did not start next to a running platform, instead of a
 * stack trace ({@code META-INF/spring.factories}).
 */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUse> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUse cause) {
        return new FailureAnalysis(cause.getMessage() + ".",
                "Stop the platform first, then run the command again.", cause);
    }
}
