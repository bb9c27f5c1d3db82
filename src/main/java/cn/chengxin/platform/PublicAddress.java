package cn.chengxin.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform's public address ({@code chengxin.inquiry.public-url}), which every report carries in its QR code and
 * verification link, sealed into the PDF and its SM3, and which the API document names as its server (README
 * "Verifying a report"; docs/integration-guide.md §2). The default, {@code http://localhost:8080}, is the demo's: a
 * report issued with it sends whoever scans it to their own machine, and an issued report cannot be corrected (gaps
 * review xl U1). Only the address's text is read; no name is looked up.
 */
final class PublicAddress {

    static final String PROPERTY = "chengxin.inquiry.public-url";

    /** The variable {@code application.yml} binds the property to. */
    static final String VARIABLE = "CHENGXIN_PUBLIC_URL";

    private PublicAddress() {
    }

    /** Why {@code url} cannot be the public address of an installation, or empty when it can. */
    static Optional<String> refusal(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("unset");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            return Optional.of("not an address (" + url + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            return Optional.of("not an http(s) address with a host (" + url + ")");
        }
        String host = uri.getHost().replaceAll("^\\[|]$", "");
        if (ProductionGuard.loopback(host) || host.equals("0.0.0.0") || host.equals("::")) {
            return Optional.of("at this machine (" + url + ")");
        }
        return Optional.empty();
    }
}
