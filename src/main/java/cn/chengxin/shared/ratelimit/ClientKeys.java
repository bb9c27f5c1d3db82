package cn.chengxin.shared.ratelimit;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HexFormat;

/**
 * The key a client address is counted under by the per-client limits of the public site. An IPv4 address counts
 * alone; an IPv6 address counts as its /64 network, because a subscriber is given at least a whole /64 and may use
 * any of its 2⁶⁴ addresses (privacy addresses change by themselves): keyed by the full address, one client would
 * pass every limit by changing its address, and with enough of them flush the limits' bounded tables for everyone.
 * An IPv4 address written in IPv6 form (::ffff:a.b.c.d, as a dual-stack socket reports it) counts as the IPv4
 * address.
 */
public final class ClientKeys {

    private static final HexFormat HEX = HexFormat.of();

    private ClientKeys() {
    }

    /** The key of {@code address} (a literal as the servlet container reports it); anything else is its own key. */
    public static String of(String address) {
        if (address == null || address.indexOf(':') < 0) {
            return address; // IPv4 (or not an address at all): as it is
        }
        try {
            // A literal with a colon is parsed as IPv6 without any name lookup.
            InetAddress parsed = InetAddress.getByName(address);
            if (parsed instanceof Inet4Address v4) {
                return v4.getHostAddress();
            }
            if (parsed instanceof Inet6Address v6) {
                byte[] bytes = v6.getAddress();
                return HEX.formatHex(bytes, 0, 8) + "::/64";
            }
        } catch (UnknownHostException | IllegalArgumentException notAnAddress) {
            // falls through: counted as written
        }
        return address;
    }
}
