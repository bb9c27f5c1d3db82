package cn.chengxin.creditfile;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

import cn.chengxin.creditfile.persistence.JdbcLegacySourceIds;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The old platform's ids of the records a city's back-load stored (gaps review xliii X3; legacySourceId, 旧系统记录编号):
 * the province holds each such record under that id already, so the record's later changes are sent upward naming it
 * (docs/exchange-format.md), and the province updates its old copy instead of holding a second. Kept once per record,
 * from the back-load (a batch marked {@code origin=MIGRATION}) that stored it; a routine batch keeps none.
 */
@Service
public class LegacySourceIds {

    private final JdbcLegacySourceIds store;

    LegacySourceIds(JdbcLegacySourceIds store) {
        this.store = store;
    }

    /** Keeps the old ids of records a back-load stored, in the transaction that stored them. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void keep(UUID batchId, Map<UUID, String> byRecord) {
        store.keep(batchId, byRecord);
    }

    /** The old ids of those of the records that have one, by record key. */
    public Map<UUID, String> of(Collection<UUID> recordKeys) {
        return store.of(recordKeys);
    }
}
