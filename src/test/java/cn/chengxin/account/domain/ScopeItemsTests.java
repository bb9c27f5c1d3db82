package cn.chengxin.account.domain;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataScopeTests {

    @Test
    void trimsUpperCasesDropsBlanksAndKeepsEachItemOnceInTheOrderGiven() {
        assertThat(ScopeItems.normalise(List.of(" tax_arrears ", "", "COURT_JUDGEMENT", "Tax_Arrears", "  ")))
                .containsExactly("TAX_ARREARS", "COURT_JUDGEMENT");
    }

    @Test
    void refusesWhatIsNotACatalogueItemCode() {
        assertThatThrownBy(() -> ScopeItems.normalise(List.of("TAX_ARREARS", "税务")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ScopeItems.normalise(List.of("1ABC"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noneNamedIsAnEmptyScope() {
        assertThat(ScopeItems.normalise(List.of())).isEmpty();
    }
}
