package cn.chengxin.measures.persistence;

import java.util.List;

import cn.chengxin.shared.jdbc.HandedOutSequences;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The numbers of this module that others keep: a lifted check's position, which department systems page by (their
 * next "after"). The restore guard keeps their highest values outside the database and moves them past those after
 * a confirmed restore (gaps review xxxiii N2; README 备份与恢复).
 */
@Configuration(proxyBeanMethods = false)
class MeasuresNumbersKeptByOthers {

    @Bean
    HandedOutSequences measuresSequencesHandedOut() {
        return new HandedOutSequences("measures", List.of("measures.check_lifted.seq"));
    }
}
