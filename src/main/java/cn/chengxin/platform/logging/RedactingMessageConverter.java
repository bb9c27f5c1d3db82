package cn.chengxin.platform.logging;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import cn.chengxin.shared.privacy.IdentityRedaction;
import org.slf4j.helpers.MessageFormatter;

/**
 * {@code %m}, {@code %msg}, {@code %message} made safe (logback-spring.xml): identity numbers masked, and
 * line breaks inside the arguments encoded, so that a name typed as "张三\n2026-… ERROR …" cannot forge a
 * log line. The message pattern's own line breaks (written by us, not by users) are kept.
 */
public class RedactingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        Object[] arguments = event.getArgumentArray();
        String message;
        if (arguments == null || arguments.length == 0) {
            message = event.getFormattedMessage();
        } else {
            Object[] encoded = new Object[arguments.length];
            for (int i = 0; i < arguments.length; i++) {
                encoded[i] = arguments[i] instanceof Throwable ? arguments[i] : encodeLineBreaks(arguments[i]);
            }
            message = MessageFormatter.arrayFormat(event.getMessage(), encoded).getMessage();
        }
        return IdentityRedaction.redact(message);
    }

    static String encodeLineBreaks(Object argument) {
        String text = String.valueOf(argument);
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }
}
