package cn.chengxin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Chengxin 诚信: a personal public credit information platform (个人公共信用信息平台) for a city.
 *
 * <p>Without arguments it serves the public site, the citizens' self-service and the staff console. With
 * a command as first argument it runs that command and exits: {@code generate --residents N --seed S}
 * loads a synthetic population into an empty database.
 */
@SpringBootApplication
public class ChengxinApplication {

    public static void main(String[] args) {
        if (args.length > 0 && "generate".equals(args[0])) {
            SpringApplication app = new SpringApplication(ChengxinApplication.class);
            app.setDefaultProperties(java.util.Map.of(
                    "spring.main.web-application-type", "none",
                    "chengxin.cli.command", "generate"));
            System.setProperty("chengxin.demo.seed-on-empty", "false");
            ConfigurableApplicationContext context = app.run(args);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(ChengxinApplication.class, args);
    }
}
