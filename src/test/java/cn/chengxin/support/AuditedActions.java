package cn.chengxin.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The action codes the sources record ({@code AuditEntry.of(category, action)}), read from the sources so that one
 * added tomorrow is found without anyone listing it. An action is a literal (or literals, in a conditional), a
 * constant of the same file, or a parameter: then it is read from the calls, in the same file, of the method that
 * takes it.
 */
public final class AuditedActions {

    private static final Path SOURCES = Path.of("src/main/java");

    private static final Pattern ENTRY = Pattern.compile("AuditEntry\\.of\\(");
    private static final Pattern LITERAL = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern ACTION = Pattern.compile("[a-z]+(?:\\.[a-zA-Z-]+)+");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_]\\w*");
    private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern QUALIFIED_CONSTANT = Pattern.compile("([A-Z]\\w*)\\.([A-Z][A-Z0-9_]*)");

    private AuditedActions() {
    }

    /** Every action recorded; {@code aboutASubject}: only those recorded with {@code .subject(…)}. */
    public static Set<String> recorded(boolean aboutASubject) throws IOException {
        Set<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                actions.addAll(actionsIn(file.getFileName().toString(), Files.readString(file), aboutASubject));
            }
        }
        return actions;
    }

    /** The actions with no label {@code <prefix><action>} in the bundle, for any of the prefixes (the first found). */
    public static Set<String> unlabelled(Set<String> actions, String bundle, String... prefixes) throws IOException {
        Properties messages = bundle(bundle);
        Set<String> unlabelled = new TreeSet<>();
        for (String action : actions) {
            if (Stream.of(prefixes).allMatch(prefix -> messages.getProperty(prefix + action, "").isBlank())) {
                unlabelled.add(action);
            }
        }
        return unlabelled;
    }

    public static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(AuditedActions.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        return properties;
    }

    /** The entry's statement: up to its end, or to the next entry built in the same one (a list of them). */
    private static Set<String> actionsIn(String file, String source, boolean aboutASubject) {
        Set<String> actions = new TreeSet<>();
        Matcher entry = ENTRY.matcher(source);
        while (entry.find()) {
            if (file.equals("AuditEntry.java")) {
                continue;
            }
            String rest = source.substring(entry.end());
            int end = rest.indexOf(';');
            Matcher next = ENTRY.matcher(rest);
            if (next.find() && next.start() < end) {
                end = next.start();
            }
            String statement = rest.substring(0, end);
            if (aboutASubject && !statement.contains(".subject(")) {
                continue;
            }
            String action = actionArgument(statement);
            Set<String> literals = literalsIn(action);
            Matcher qualified = QUALIFIED_CONSTANT.matcher(action);
            if (literals.isEmpty() && qualified.matches()) {
                // another class's constant (AuditEvents.CHECK_ACTION): read where that class declares it
                String owner = qualified.group(1) + ".java";
                literals = constant(owner, sourceOf(owner), qualified.group(2));
            }
            if (literals.isEmpty()) {
                assertThat(action).as(file + ": an action neither literal, constant nor a parameter")
                        .matches(IDENTIFIER);
                literals = CONSTANT.matcher(action).matches() ? constant(file, source, action)
                        : passedAs(file, source, action, entry.start());
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

    /** The source of the one main class file of that name. */
    private static String sourceOf(String fileName) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            List<Path> found = files.filter(f -> f.getFileName().toString().equals(fileName)).toList();
            assertThat(found).as("the one class " + fileName).hasSize(1);
            return Files.readString(found.get(0));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> constant(String file, String source, String name) {
        Matcher value = Pattern.compile("\\bString\\s+" + name + "\\s*=\\s*([^;]*);").matcher(source);
        assertThat(value.find()).as(file + ": the value of " + name).isTrue();
        return literalsIn(value.group(1));
    }

    /** The actions given to the parameter {@code name} of the method recording the entry, by its calls in the file. */
    private static Set<String> passedAs(String file, String source, String name, int at) {
        Matcher local = Pattern.compile("\\bString\\s+" + name + "\\s*=\\s*([^;]*);").matcher(source.substring(0, at));
        String assigned = null;
        int assignedAt = -1;
        while (local.find()) {
            assigned = local.group(1);
            assignedAt = local.start();
        }
        Matcher declaration = Pattern.compile("\\b(\\w+)\\s*\\([^)]*\\bString\\s+" + name + "\\b[^)]*\\)\\s*\\{")
                .matcher(source.substring(0, at));
        String method = null;
        int declaredAt = -1;
        while (declaration.find()) {
            method = declaration.group(1);
            declaredAt = declaration.start();
        }
        if (assignedAt > declaredAt) { // a local variable of the method recording the entry
            assertThat(literalsIn(assigned)).as(file + ": the actions assigned to " + name).isNotEmpty();
            return literalsIn(assigned);
        }
        assertThat(method).as(file + ": the method whose parameter " + name + " is the action").isNotNull();
        Set<String> actions = new TreeSet<>();
        Matcher call = Pattern.compile("\\b" + method + "\\s*\\(([^;]*)\\);").matcher(source);
        while (call.find()) {
            actions.addAll(literalsIn(call.group(1)));
        }
        assertThat(actions).as(file + ": the actions passed to " + method).isNotEmpty();
        return actions;
    }

    private static Set<String> literalsIn(String text) {
        Set<String> actions = new TreeSet<>();
        Matcher literal = LITERAL.matcher(text);
        while (literal.find()) {
            if (ACTION.matcher(literal.group(1)).matches()) {
                actions.add(literal.group(1));
            }
        }
        return actions;
    }
}
