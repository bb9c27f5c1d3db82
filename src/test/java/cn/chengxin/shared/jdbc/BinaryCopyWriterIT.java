package cn.chengxin.shared.jdbc;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import cn.chengxin.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The binary forms {@link BinaryCopyWriter} writes for the staging of ingested records (uuid, date, jsonb, each may be
 * null) read back by PostgreSQL as the values given: a day off, a swapped half of a uuid or a jsonb without its
 * version byte would store every record wrong or fail the COPY.
 */
@IntegrationTest
class BinaryCopyWriterIT {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void uuidsDatesAndJsonbArriveAsGiven() {
        UUID id = UUID.fromString("0194f3a2-7c1d-7e55-9abc-def012345678");
        List<String> read = transactions.execute(tx -> {
            jdbc.sql("CREATE TEMP TABLE binary_copy_check (n int, id uuid, day date, content jsonb, note text) "
                    + "ON COMMIT DROP").update();
            BinaryCopyWriter rows = new BinaryCopyWriter();
            rows.row(5).int4(1).uuid(id).date(LocalDate.of(2025, 3, 14))
                    .jsonb("{\"penalty_type\":\"罚款\",\"fine\":\"0.5\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .text("驻市监罚〔2025〕1号");
            rows.row(5).int4(2).uuid((UUID) null).date(LocalDate.of(1999, 12, 31)).jsonb(null).text(null);
            rows.row(5).int4(3).uuid(new UUID(0, 0)).date(LocalDate.of(2000, 1, 1)).jsonb("{}".getBytes()).text("");
            rows.row(5).int4(4).uuid(id).date(null).jsonb("[1,2]".getBytes()).text("x");
            PostgresCopy.copyIn(dataSource, "binary_copy_check", rows);
            return jdbc.sql("SELECT concat_ws('|', n, coalesce(id::text, 'null'), coalesce(day::text, 'null'), "
                    + "coalesce(content->>'penalty_type', content::text, 'null'), coalesce(note, 'null')) "
                    + "FROM binary_copy_check ORDER BY n").query(String.class).list();
        });

        assertThat(read).containsExactly(
                "1|0194f3a2-7c1d-7e55-9abc-def012345678|2025-03-14|罚款|驻市监罚〔2025〕1号",
                "2|null|1999-12-31|null|null",
                "3|00000000-0000-0000-0000-000000000000|2000-01-01|{}|",
                "4|0194f3a2-7c1d-7e55-9abc-def012345678|null|[1, 2]|x");
    }
}
