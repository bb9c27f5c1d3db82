package cn.chengxin.support;

import java.io.IOException;

import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/** The server's side of browser sessions, for tests of what a browser meets after it was left idle. */
public final class Sessions {

    private Sessions() {
    }

    /**
     * Ends a session on the server as 15 idle minutes would (server.servlet.session.timeout): the browser keeps
     * its cookie and the pages it shows, with their CSRF tokens; the server no longer knows either.
     */
    public static void expire(ApplicationContext context, String id) {
        TomcatWebServer server = (TomcatWebServer) ((WebServerApplicationContext) context).getWebServer();
        Context application = (Context) server.getTomcat().getHost().findChildren()[0];
        try {
            Session session = application.getManager().findSession(id);
            if (session == null) {
                throw new IllegalStateException("no such session");
            }
            session.expire();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
