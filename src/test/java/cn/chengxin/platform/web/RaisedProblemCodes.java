package cn.chengxin.platform.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The problem codes the main sources raise, read from the sources in each of the shapes the code base raises them
 * in, so that a code added tomorrow in one of these shapes is found without anyone listing it. Each shape is
 * counted apart ({@link #byShape()}): a shape that finds nothing has a typo, or the code base stopped using it.
 */
final class RaisedProblemCodes {

    /** A code as the API sends it: upper-case letters, digits and underscores. */
    private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z0-9_]*[A-Z0-9])\"");

    /**
     * Calls whose arguments carry a code: the modules' problem exceptions and their factories, the web layer's
     * problems, the {@code errors[].code} of rejected rows (submissions) and of refused catalogue versions, and the
     * public pages' rate limits.
     */
    private static final Map<String, Pattern> CALLS = new LinkedHashMap<>();

    static {
        CALLS.put("problem constructor", Pattern.compile("\\bnew\\s+[\\w.]*(?:Problem|Refusal)\\s*\\("));
        CALLS.put("problem factory", Pattern.compile("\\b\\w*Problem\\.\\w+\\s*\\("));
        CALLS.put("web problem", Pattern.compile("\\bProblems\\.(?:of|write)\\s*\\("));
        // A refused row's record (a list migration's, a national list load's, ...) carries its code to a console page,
        // which shows its problem text: any record whose name holds "Refused" (RefusedRow, Refused, RefusedAttempt;
        // those named ...Refusal are problem constructors above), so that a new one is guarded without being listed.
        CALLS.put("rejected row", Pattern.compile("\\bnew\\s+RowError\\s*\\(|\\bStoreOutcome\\.refused\\s*\\("
                + "|\\bnew\\s+[\\w.]*Refused\\w*\\s*\\("));
        CALLS.put("catalogue violation", Pattern.compile("\\bnew\\s+(?:ItemRules\\.)?Violation\\s*\\("
                + "|\\bnew\\s+FieldError\\s*\\("));
        CALLS.put("rate limit", Pattern.compile("\\bnew\\s+PerAddressLimit\\s*\\("));
    }

    /** A method returning a problem (or an optional one) from a code: its calls in the same file carry codes. */
    private static final Pattern HELPER = Pattern.compile(
            "\\b(?:Optional<\\s*)?\\w*(?:Problem|Refusal)>?\\s+(\\w+)\\s*\\(\\s*String\\s+code\\b");

    /** A problem class that passes its own code up to its parent. */
    private static final Pattern EXTENDS_PROBLEM = Pattern.compile("\\bextends\\s+\\w*Problem\\b");

    /** A problem with one fixed code, returned by {@code code()} or held in a constant. */
    private static final Pattern FIXED = Pattern.compile(
            "String\\s+code\\(\\)\\s*\\{\\s*return\\s+\"([A-Z][A-Z0-9_]*)\""
                    + "|static\\s+final\\s+String\\s+\\w+\\s*=\\s*");

    /** An enum whose constants are the codes ({@code code()} returns the constant's name). */
    private static final Pattern NAMES_ARE_CODES =
            Pattern.compile("String\\s+code\\(\\)\\s*\\{\\s*return\\s+name\\(\\)");

    private final Map<String, Set<String>> byShape = new LinkedHashMap<>();

    private RaisedProblemCodes() {
    }

    static RaisedProblemCodes in(Path sources) {
        RaisedProblemCodes found = new RaisedProblemCodes();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                found.read(sources, file, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** Every code found, whatever the shape. */
    Set<String> all() {
        Set<String> all = new TreeSet<>();
        byShape.values().forEach(all::addAll);
        return all;
    }

    Map<String, Set<String>> byShape() {
        return byShape;
    }

    private void read(Path sources, Path file, String text) {
        CALLS.forEach((shape, call) -> codesInCalls(shape, text, call));
        Matcher helper = HELPER.matcher(text);
        while (helper.find()) {
            codesInCalls("problem helper", text, Pattern.compile("(?<![\\w.])" + helper.group(1) + "\\s*\\("));
        }
        if (EXTENDS_PROBLEM.matcher(text).find()) {
            codesInCalls("problem subclass", text, Pattern.compile("\\bsuper\\s*\\("));
        }
        String fileName = file.getFileName().toString();
        if (text.contains("implements DomainProblem") || fileName.equals("ProblemCodes.java")
                || fileName.equals("Problems.java")) {
            fixedCodes(text);
        }
        if (NAMES_ARE_CODES.matcher(text).find()) {
            enumConstants(sources, file);
        }
    }

    /** The codes in the arguments of each call: all of them, as a code may be chosen by a condition. */
    private void codesInCalls(String shape, String text, Pattern call) {
        Matcher opening = call.matcher(text);
        while (opening.find()) {
            if (isDeclaration(text, opening.start())) {
                continue;
            }
            Matcher code = CODE.matcher(arguments(text, opening.end()));
            while (code.find()) {
                add(shape, code.group(1));
            }
        }
    }

    /** Whether the match is the method's own declaration ({@code static CodedProblem problem(String code …}). */
    private static boolean isDeclaration(String text, int at) {
        int lineStart = text.lastIndexOf('\n', at) + 1;
        String before = text.substring(lineStart, at);
        return before.matches(".*\\b(?:static|private|public|protected)\\b.*") && !before.contains("=")
                && !before.contains("return") && !before.contains("throw");
    }

    /** The text from just after an opening parenthesis to its matching one, skipping string literals. */
    private static String arguments(String text, int from) {
        int depth = 1;
        boolean inString = false;
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return text.substring(from, i);
            }
        }
        return text.substring(from);
    }

    private void fixedCodes(String text) {
        Matcher fixed = FIXED.matcher(text);
        while (fixed.find()) {
            if (fixed.group(1) != null) {
                add("fixed code", fixed.group(1));
            } else {
                Matcher code = CODE.matcher(text.substring(fixed.end(), text.indexOf(';', fixed.end())));
                if (code.lookingAt()) {
                    add("fixed code", code.group(1));
                }
            }
        }
    }

    private void enumConstants(Path sources, Path file) {
        String name = sources.relativize(file).toString().replace(java.io.File.separatorChar, '.')
                .replaceAll("\\.java$", "");
        try {
            Object[] constants = Class.forName(name).getEnumConstants();
            if (constants == null) {
                throw new IllegalStateException("codes by name outside a top-level enum: " + name);
            }
            for (Object constant : constants) {
                add("code enum", ((Enum<?>) constant).name());
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("not compiled: " + name, e);
        }
    }

    private void add(String shape, String code) {
        byShape.computeIfAbsent(shape, s -> new TreeSet<>()).add(code);
    }
}
