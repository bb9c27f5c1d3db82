package cn.chengxin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.ui.ExtendedModelMap;

class ConsoleActionsTests {

    /**
     * A form shown again after a refusal answers the status the API gives the refusal's kind: a stale form is a
     * conflict (409), a thing gone is not found (404), only bad input is 422; the page holds the refusal either way.
     */
    @Test
    void aRefusalShownAgainAnswersTheStatusOfItsKindAsTheApiDoes() {
        for (DomainProblem.Kind kind : DomainProblem.Kind.values()) {
            ExtendedModelMap model = new ExtendedModelMap();
            MockHttpServletResponse response = new MockHttpServletResponse();
            ConsoleActions.showRefusal(model, response, new CodedProblem("SOME_" + kind, kind, "已被他人修改"));
            assertThat(response.getStatus()).as(kind.name()).isEqualTo(Problems.statusOf(kind).value());
            assertThat(model).containsEntry("failureCode", "SOME_" + kind).containsEntry("failure", "已被他人修改");
        }
        MockHttpServletResponse stale = new MockHttpServletResponse();
        ConsoleActions.showRefusal(new ExtendedModelMap(), stale,
                new CodedProblem("ENTRY_CHANGED", DomainProblem.Kind.CONFLICT, "已被他人处理"));
        assertThat(stale.getStatus()).isEqualTo(409);
        MockHttpServletResponse invalid = new MockHttpServletResponse();
        ConsoleActions.showRefusal(new ExtendedModelMap(), invalid,
                new CodedProblem("NOTE_REQUIRED", DomainProblem.Kind.INVALID_INPUT, "须写明理由"));
        assertThat(invalid.getStatus()).isEqualTo(422);
    }

    @Test
    void anythingButARefusalIsNotTheUsersToFixAndGoesOn() {
        IllegalStateException broken = new IllegalStateException("boom");
        MockHttpServletResponse response = new MockHttpServletResponse();
        assertThatThrownBy(() -> ConsoleActions.showRefusal(new ExtendedModelMap(), response, broken))
                .isSameAs(broken);
        assertThat(response.getStatus()).isEqualTo(200);
    }
}
