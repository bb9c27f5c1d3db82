package cn.chengxin.platform.logging;

import java.nio.charset.Charset;

import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.encoder.EncoderBase;
import org.springframework.boot.logging.logback.StructuredLogEncoder;

/**
 * The console's lines (logback-spring.xml): Boot's pattern, with the request id and the redacting conversion rules,
 * or, when {@code logging.structured.format.console} names a format (ecs, logstash, gelf), Boot's structured JSON,
 * one object a line, with every string redacted ({@link RedactingJsonMembers}) and the request id among the MDC
 * members (gaps review xxxiii N8). Chosen once, at start.
 */
public class ConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private String pattern;
    private String format;
    private Charset charset;
    private Encoder<ILoggingEvent> delegate;

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    public void setFormat(String format) {
        this.format = format;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (format != null && !format.isBlank()) {
            StructuredLogEncoder structured = new StructuredLogEncoder();
            structured.setFormat(format.strip());
            structured.setCharset(charset);
            delegate = structured;
        } else {
            PatternLayoutEncoder lines = new PatternLayoutEncoder();
            lines.setPattern(pattern);
            lines.setCharset(charset);
            delegate = lines;
        }
        delegate.setContext(getContext());
        delegate.start();
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate.footerBytes();
    }
}
