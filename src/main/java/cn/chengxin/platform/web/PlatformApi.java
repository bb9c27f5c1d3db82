package cn.chengxin.platform.web;

import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.demo.DemoData;
import cn.chengxin.shared.City;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which platform answers: its city and whether its data is synthetic. */
@PublicEndpoint
@RestController
@Tag(name = "platform", description = "平台信息")
class PlatformApi {

    /** The API's changelog, docs/api-changelog.md as the build packs it (a link to it in src/main/resources). */
    private static final ClassPathResource CHANGELOG = new ClassPathResource("api-changelog.md");

    private final City city;
    private final DemoData demoData;
    private final String release;

    PlatformApi(City city, DemoData demoData, ObjectProvider<BuildProperties> build) {
        this.city = city;
        this.demoData = demoData;
        this.release = OpenApiConfiguration.release(build);
    }

    @GetMapping("/api/v1/platform")
    @Operation(summary = "平台信息 (city, site title, whether the data is synthetic, the software's release)")
    PlatformInfo platform() {
        return new PlatformInfo(city.code(), city.name(), city.siteTitle(), city.regionPrefixes(),
                demoData.dataset().isPresent(), release);
    }

    /** The changelog of {@code /api/v1} (gaps review xxxvii R3): what changed when, and what clients should do. */
    @GetMapping(path = Deprecations.CHANGELOG, produces = "text/markdown;charset=UTF-8")
    @Operation(summary = "接口变更记录 (the API's changelog and compatibility rules, Markdown)", description = "Every "
            + "change to /api/v1, dated, marked compatible or breaking, with what clients should do; a deprecated "
            + "part's `Link` header leads to its entry here.")
    ResponseEntity<String> apiChanges() throws IOException {
        try (InputStream in = CHANGELOG.getInputStream()) {
            return ResponseEntity.ok().contentType(new MediaType("text", "markdown", StandardCharsets.UTF_8))
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** {@code release}: the platform's software release, as the OpenAPI document's {@code info.version}. */
    record PlatformInfo(String city, String cityName, String siteTitle, java.util.List<String> regionPrefixes,
                        boolean syntheticData, String release) {
    }
}
