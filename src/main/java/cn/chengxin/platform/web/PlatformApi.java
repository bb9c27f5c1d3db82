package cn.chengxin.platform.web;

import cn.chengxin.shared.security.PublicEndpoint;
import cn.chengxin.demo.DemoData;
import cn.chengxin.shared.City;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Which platform answers: its city and whether its data is synthetic. */
@PublicEndpoint
@RestController
@Tag(name = "platform", description = "平台信息")
class PlatformApi {

    private final City city;
    private final DemoData demoData;

    PlatformApi(City city, DemoData demoData) {
        this.city = city;
        this.demoData = demoData;
    }

    @GetMapping("/api/v1/platform")
    @Operation(summary = "平台信息 (city, site title, whether the data is synthetic)")
    PlatformInfo platform() {
        return new PlatformInfo(city.code(), city.name(), city.siteTitle(), city.regionPrefixes(),
                demoData.dataset().isPresent());
    }

    record PlatformInfo(String city, String cityName, String siteTitle, java.util.List<String> regionPrefixes,
                        boolean syntheticData) {
    }
}
