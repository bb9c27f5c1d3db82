package cn.chengxin.platform.logging;

import cn.chengxin.shared.privacy.IdentityRedaction;
import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * Boot's structured (JSON) log lines made as safe as the pattern's (RULES.md §10): every string written — the
 * message, the stack trace, the MDC values, the logger's and thread's names — has its identity numbers masked
 * ({@code logging.structured.json.customizer} in application.yml).
 */
public class RedactingJsonMembers implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, IdentityRedaction::redact));
    }
}
