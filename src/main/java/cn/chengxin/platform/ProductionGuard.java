package cn.chengxin.platform;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code prod} profile while any {@link DevelopmentSwitches development switch} is on, before a
 * bean is made: the profile's own file turns them off, but an environment variable copied from a pilot or a test
 * deployment overrides a file, so the settings themselves are checked, as they finally stand ({@code
 * META-INF/spring.factories}; runs after the configuration files are read).
 */
class ProductionGuard implements EnvironmentPostProcessor, Ordered {

    static final String PROFILE = "prod";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!environment.acceptsProfiles(Profiles.of(PROFILE))) {
            return;
        }
        List<DevelopmentSwitches.Switch> on = DevelopmentSwitches.on(environment::getProperty);
        if (!on.isEmpty()) {
            throw new IllegalStateException("Refusing to start in the prod profile with development settings on: "
                    + on.stream().map(DevelopmentSwitches.Switch::toString).collect(Collectors.joining(", "))
                    + ". Turn them off (unset the variables); they are for development and tests only.");
        }
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
