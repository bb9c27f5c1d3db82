package cn.chengxin.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/integration-guide.md names every API operation's path (gaps review xxxvii R11): an endpoint added without a
 * word in the guide fails here. The paths are read from the controllers' mappings under {@code /api}.
 */
class IntegrationGuideTests {

    private static final Pattern MAPPING = Pattern.compile(
            "@(?:Get|Post|Put|Delete|Patch|Request)Mapping\\(([^)]*)\\)");
    private static final Pattern API_PATH = Pattern.compile("\"(/api/[^\"]+)\"");

    @Test
    void theGuideNamesEveryApiPath() throws IOException {
        Set<String> paths = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/cn/chengxin"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher mapping = MAPPING.matcher(Files.readString(file));
                while (mapping.find()) {
                    Matcher path = API_PATH.matcher(mapping.group(1));
                    while (path.find()) {
                        paths.add(path.group(1));
                    }
                }
            }
        }
        assertThat(paths).as("API paths found").hasSizeGreaterThan(20);
        String guide = Files.readString(Path.of("docs/integration-guide.md"));
        assertThat(paths.stream().filter(p -> !guide.contains("`" + p) && !guide.contains(" " + p)).toList())
                .as("API paths docs/integration-guide.md does not name").isEmpty();
    }
}
