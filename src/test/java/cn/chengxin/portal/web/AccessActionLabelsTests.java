package cn.chengxin.portal.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "谁查询了我" lists every event recorded with the citizen as its subject and names its action from the bundles
 * ({@code access.action.<action>}): each action the sources record with {@code .subject(…)} is found here, read from
 * the sources so that one added tomorrow is found without anyone listing it, and must have a label in both languages.
 * An action passed in through a parameter is read from the calls of the method that takes it, in the same file.
 */
class AccessActionLabelsTests {

    private static final Path SOURCES = Path.of("src/main/java");

    /** The bench command's events name made-up subjects: no citizen ever sees them. */
    private static final Set<String> NOT_ABOUT_A_CITIZEN = Set.of("bench.check");

    private static final Pattern ENTRY = Pattern.compile("AuditEntry\\.of\\(");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern ACTION = Pattern.compile("[a-z]+(?:\\.[a-zA-Z-]+)+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_]\\w*");

    @Test
    void everyActionRecordedAboutASubjectHasALabelInBothLanguages() throws IOException {
        Set<String> actions = subjectActions();
        assertThat(actions).as("the scan finds the actions it is known to").contains("subject.view", "repair.apply",
                "commitment.breach.refused", "objection.merge");
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties messages = bundle(bundle);
            Set<String> unlabelled = new TreeSet<>();
            for (String action : actions) {
                if (messages.getProperty("access.action." + action, "").isBlank()) {
                    unlabelled.add(action);
                }
            }
            assertThat(unlabelled).as("actions recorded about a subject with no access.action.* in " + bundle)
                    .isEmpty();
        }
        assertThat(bundle("messages_en.properties").getProperty("access.action.other")).isNotBlank();
        assertThat(bundle("messages.properties").getProperty("access.action.other")).isNotBlank();
    }

    private static Set<String> subjectActions() throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                actions.addAll(subjectActionsIn(file.getFileName().toString(), Files.readString(file)));
            }
        }
        actions.removeAll(NOT_ABOUT_A_CITIZEN);
        return actions;
    }

    /** The entry's statement: up to its end, or to the next entry built in the same one (a list of them). */
    private static Set<String> subjectActionsIn(String file, String source) {
        Set<String> actions = new TreeSet<>();
        Matcher entry = ENTRY.matcher(source);
        while (entry.find()) {
            String rest = source.substring(entry.end());
            int end = rest.indexOf(';');
            Matcher next = ENTRY.matcher(rest);
            if (next.find() && next.start() < end) {
                end = next.start();
            }
            String statement = rest.substring(0, end);
            if (!statement.contains(".subject(")) {
                continue;
            }
            String action = actionArgument(statement);
            Set<String> literals = actionsIn(action);
            if (literals.isEmpty()) {
                assertThat(action).as(file + ": an action neither literal nor a parameter").matches(IDENTIFIER);
                literals = passedAs(file, source, action, entry.start());
            }
            actions.addAll(literals);
        }
        return actions;
    }

    /** The second argument of {@code AuditEntry.of(category, action)}. */
    private static String actionArgument(String statement) {
        int start = statement.indexOf(',') + 1;
        int depth = 0;
        for (int i = start; i < statement.length(); i++) {
            char c = statement.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth-- == 0) {
                return statement.substring(start, i).strip();
            }
        }
        throw new AssertionError("no end to the action in " + statement);
    }

    /** The actions given to the parameter {@code name} of the method recording the entry, by its calls in the file. */
    private static Set<String> passedAs(String file, String source, String name, int at) {
        Matcher declaration = Pattern.compile("\\b(\\w+)\\s*\\([^)]*\\bString\\s+" + name + "\\b[^)]*\\)\\s*\\{")
                .matcher(source.substring(0, at));
        String method = null;
        while (declaration.find()) {
            method = declaration.group(1);
        }
        assertThat(method).as(file + ": the method whose parameter " + name + " is the action").isNotNull();
        Set<String> actions = new TreeSet<>();
        Matcher call = Pattern.compile("\\b" + method + "\\s*\\(([^;]*)\\);").matcher(source);
        while (call.find()) {
            actions.addAll(actionsIn(call.group(1)));
        }
        assertThat(actions).as(file + ": the actions passed to " + method).isNotEmpty();
        return actions;
    }

    private static Set<String> actionsIn(String text) {
        Set<String> actions = new TreeSet<>();
        Matcher literal = LITERAL.matcher(text);
        while (literal.find()) {
            if (ACTION.matcher(literal.group(1)).matches()) {
                actions.add(literal.group(1));
            }
        }
        return actions;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(AccessActionLabelsTests.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }
}
