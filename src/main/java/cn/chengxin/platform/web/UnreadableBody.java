package cn.chengxin.platform.web;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;

/**
 * Which field of a JSON body could not be read, and why, for the caller's developer: a scenario written in lower
 * case, an unknown field, a list where a text belongs. The value itself is never repeated (it may be an identity
 * number), nor a field's name unlike any an API defines; for a field that takes one of a list of codes, the codes are.
 */
final class UnreadableBody {

    /**
     * A name an API could define. Any other is the caller's own text, which may be an identity number sent as a key,
     * and is not repeated.
     */
    private static final Pattern FIELD_NAME = Pattern.compile("[A-Za-z_][A-Za-z_]{0,63}");
    private static final String UNSHOWN = "（未显示的字段名）";

    private UnreadableBody() {
    }

    /** The field and the reason, when the body was JSON but a field could not be read; empty for broken JSON. */
    static Optional<Map<String, String>> fault(Throwable unreadable) {
        for (Throwable t = unreadable; t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
                return Optional.of(Map.of("field", field(mismatch), "message", reason(mismatch)));
            }
        }
        return Optional.empty();
    }

    private static String field(MismatchedInputException mismatch) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference step : mismatch.getPath()) {
            if (step.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(FIELD_NAME.matcher(step.getPropertyName()).matches()
                        ? step.getPropertyName() : UNSHOWN);
            } else if (step.getIndex() >= 0) {
                path.append('[').append(step.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String reason(MismatchedInputException mismatch) {
        if (mismatch instanceof PropertyBindingException) {
            return "不接受该字段";
        }
        Class<?> target = mismatch.getTargetType();
        if (target != null && target.isEnum()) {
            return "取值无效，可选值：" + Arrays.stream(target.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.joining("、"));
        }
        if (mismatch instanceof InvalidFormatException) {
            return "格式不正确";
        }
        return "类型不正确";
    }
}
