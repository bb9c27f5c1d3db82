package cn.chengxin.platform.monitoring;

import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/**
 * What the public {@code /actuator/info} says (gaps review xliv Y6): the release's version, as before, and no more.
 * Spring Boot's build and git contributors are off ({@code management.info.*.enabled}): the build's time and commit
 * would tell anyone how old a city's installation is, and so which published fixes it lacks — the reason the schema's
 * version is not there either. The administrators read all of it on 后台作业.
 */
@Component
class ReleaseInfo implements InfoContributor {

    private final ObjectProvider<BuildProperties> build;

    ReleaseInfo(ObjectProvider<BuildProperties> build) {
        this.build = build;
    }

    @Override
    public void contribute(Info.Builder builder) {
        BuildProperties properties = build.getIfAvailable();
        if (properties != null && properties.getVersion() != null) {
            builder.withDetail("build", Map.of("version", properties.getVersion()));
        }
    }
}
