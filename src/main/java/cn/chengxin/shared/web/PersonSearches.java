package cn.chengxin.shared.web;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/**
 * 按证件查找 on a console queue (K5 of gaps-review-xxix: 异议处理, 信用修复): the person's cases, posted, shown on the
 * queue as {@code found} with what the queue adds to them; a refusal shown there instead ({@link ConsoleActions}), the
 * number typed kept only in its own field ({@code typedSearch}, fragments/person-search).
 */
public final class PersonSearches {

    private PersonSearches() {
    }

    /** What was typed into the search: the number shown again, in its own field, only when the search was refused. */
    public record TypedSearch(String documentType, String number) {
    }

    /**
     * Runs {@code search} on the document typed and puts its cases on the page, with what {@code shown} adds for them
     * (masked subjects, say), or the refusal.
     */
    public static <T> void show(Model model, HttpServletResponse response, String documentType, String number,
                                BiFunction<String, String, List<T>> search, Consumer<List<T>> shown) {
        try {
            List<T> found = search.apply(documentType, number);
            model.addAttribute("found", found);
            shown.accept(found);
            model.addAttribute("typedSearch", new TypedSearch(documentType, null));
        } catch (RuntimeException e) {
            ConsoleActions.showRefusal(model, response, e);
            model.addAttribute("typedSearch", new TypedSearch(documentType, number));
        }
    }
}
