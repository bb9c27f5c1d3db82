package cn.chengxin.platform.web;

import java.lang.management.ManagementFactory;

import cn.chengxin.demo.DemoData;
import cn.chengxin.shared.City;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Says, once everything (demo seeding included) is done, how long the start took and where to go: the
 * figure the README quotes as startup time, and the addresses a newcomer opens next.
 */
@Component
class StartupReport {

    private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

    private final City city;
    private final DemoData demoData;

    StartupReport(City city, DemoData demoData) {
        this.city = city;
        this.demoData = demoData;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        String base = "http://localhost:" + web.getWebServer().getPort();
        String data = demoData.dataset().map(d -> String.format("synthetic demo data: %,d residents, %,d organisations",
                d.residents(), d.organisations())).orElse("no demo data");
        log.info("{} ready in {} s ({}) — public site {}/ · self-service {}/me · console {}/console · API {}/swagger-ui.html",
                city.siteTitle(), String.format("%.1f", seconds), data, base, base, base, base);
    }
}
