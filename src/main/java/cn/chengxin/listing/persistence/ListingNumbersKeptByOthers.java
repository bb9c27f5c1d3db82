package cn.chengxin.listing.persistence;

import java.util.List;

import cn.chengxin.shared.jdbc.HandedOutSequences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The numbers of this module that others keep: a list entry's change number, which the exchange sends as the
 * entry's version to partners. The restore guard keeps their highest values outside the database and moves them
 * past those after a confirmed restore (gaps review xxxiii N2; README 备份与恢复).
 */
@Configuration(proxyBeanMethods = false)
class ListingNumbersKeptByOthers {

    @Bean
    HandedOutSequences listingSequencesHandedOut() {
        return new HandedOutSequences("listing", List.of("listing.change_seq"));
    }
}
