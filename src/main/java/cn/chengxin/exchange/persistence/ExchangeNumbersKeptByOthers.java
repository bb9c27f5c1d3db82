package cn.chengxin.exchange.persistence;

import java.util.List;

import cn.chengxin.shared.jdbc.HandedOutSequences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The numbers of this module that others keep: a message's version, which a partner compares with the one it holds
 * (it keeps a message only when its version is higher), and the outbox position a pulling partner keeps as its
 * cursor. The restore guard keeps their highest values outside the database and moves them past those after a
 * confirmed restore (gaps review xxxiii N2; README 备份与恢复).
 */
@Configuration(proxyBeanMethods = false)
class ExchangeNumbersKeptByOthers {

    @Bean
    HandedOutSequences exchangeSequencesHandedOut() {
        return new HandedOutSequences("exchange", List.of("exchange.message_version", "exchange.outbox.seq"));
    }
}
