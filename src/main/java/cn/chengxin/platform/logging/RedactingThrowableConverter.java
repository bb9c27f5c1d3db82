package cn.chengxin.platform.logging;

import ch.qos.logback.classic.spi.IThrowableProxy;
import cn.chengxin.shared.privacy.IdentityRedaction;
import org.springframework.boot.logging.logback.ExtendedWhitespaceThrowableProxyConverter;

/** Boot's {@code %wEx} with identity numbers masked: exception messages may quote input. */
public class RedactingThrowableConverter extends ExtendedWhitespaceThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy proxy) {
        return IdentityRedaction.redact(super.throwableProxyToString(proxy));
    }
}
