package cn.chengxin.platform.database;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ServerSettingsTests {

    @Test
    void readsNameValuePairsInOrderKeepingEqualsSignsOfValues() {
        assertThat(ServerSettings.parse(" logging_collector=on; log_directory = /tmp/pg log ;;"
                + "auto_explain.log_min_duration=100ms;log_line_prefix=%m a=b"))
                .containsExactly(Map.entry("logging_collector", "on"), Map.entry("log_directory", "/tmp/pg log"),
                        Map.entry("auto_explain.log_min_duration", "100ms"), Map.entry("log_line_prefix", "%m a=b"));
    }

    @Test
    void aBlankTextGivesNoneAndAnEntryWithoutANameIsRefused() {
        assertThat(ServerSettings.parse("")).isEmpty();
        assertThat(ServerSettings.parse(" ; ")).isEmpty();
        assertThatThrownBy(() -> ServerSettings.parse("logging_collector")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ServerSettings.parse("=on")).isInstanceOf(IllegalArgumentException.class);
    }
}
