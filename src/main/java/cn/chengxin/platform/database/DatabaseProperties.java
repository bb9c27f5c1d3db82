package cn.chengxin.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code chengxin.db.*}: where the embedded PostgreSQL keeps its data and how it runs. Ignored when an
 * external database is configured with {@code CHENGXIN_DB_URL}.
 *
 * @param url            JDBC URL of an external PostgreSQL (≥ 15); blank selects the embedded server
 * @param embeddedDir    data directory of the embedded server (default {@code ./data/postgres})
 * @param embeddedPort   fixed port of the embedded server; 0 picks a free one (tests)
 * @param durable        fsync and synchronous commit on: committed data survives a crash
 * @param embeddedAllowed true only in the {@code dev} and {@code test} profiles; any other start needs a managed PostgreSQL
 * @param cleanOnStart   wipe the data directory at start (tests only)
 */
@ConfigurationProperties("chengxin.db")
public record DatabaseProperties(String url, Path embeddedDir, Integer embeddedPort, Boolean durable,
                                 Boolean embeddedAllowed, Boolean cleanOnStart) {

    public boolean external() {
        return url != null && !url.isBlank();
    }
}
