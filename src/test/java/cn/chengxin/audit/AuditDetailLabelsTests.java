package cn.chengxin.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import cn.chengxin.support.AuditedActions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 审计日志 names each structured detail in words, {@code audit.detail.<CODE>} (K7): every code the sources record
 * ({@code AuditDetail.of("CODE")}, or codes in a conditional), read from the sources so that one added tomorrow is
 * found, has a label in both languages. A code given otherwise than as a literal could not be checked, so none is.
 * The failure lists the codes that have no label.
 */
class AuditDetailLabelsTests {

    private static final Pattern DETAIL = Pattern.compile("AuditDetail\\.of\\(");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");

    @Test
    void everyRecordedDetailCodeHasALabelInBothLanguages() throws IOException {
        Map<String, String> codes = recorded();
        assertThat(codes).as("the scan finds the codes it is known to").containsKeys("NO_CODE_NO_ACCOUNT",
                "OWN_ACCOUNT", "NOT_REGISTERED", "REFUSED", "BENEFITS_GRANTED", "INBOUND_REFUSED", "VERIFIED");
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties messages = AuditedActions.bundle(bundle);
            Set<String> unlabelled = new TreeSet<>();
            codes.forEach((code, file) -> {
                if (messages.getProperty("audit.detail." + code, "").isBlank()) {
                    unlabelled.add(code + " (" + file + ")");
                }
            });
            assertThat(unlabelled).as("detail codes recorded with no audit.detail.* in " + bundle).isEmpty();
        }
    }

    /** Each code with the file that records it; a call whose code is no literal fails the test. */
    private static Map<String, String> recorded() throws IOException {
        Map<String, String> codes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String name = file.getFileName().toString();
                if (name.equals("AuditDetail.java")) {
                    continue;
                }
                String source = Files.readString(file);
                Matcher call = DETAIL.matcher(source);
                while (call.find()) {
                    String argument = argument(source, call.end());
                    Matcher literal = LITERAL.matcher(argument);
                    boolean any = false;
                    while (literal.find()) {
                        codes.put(literal.group(1), name);
                        any = true;
                    }
                    assertThat(any).as(name + ": a detail code that is no literal: " + argument).isTrue();
                }
            }
        }
        return codes;
    }

    private static String argument(String source, int start) {
        int depth = 0;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                return source.substring(start, i);
            }
        }
        throw new AssertionError("no end to the code at " + start);
    }
}
