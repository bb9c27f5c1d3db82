package cn.chengxin.account.domain;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The networks an API key may be used from (RULES.md §10, 等保 2.0 §8.1.4.2 / §8.1.3.1 访问控制: a department's
 * approval system or a lender's server calls from known addresses, so a key copied elsewhere is refused). Each is an
 * IPv4 or IPv6 address or CIDR block, written as literals only: a name would be looked up in DNS, which an attacker
 * may answer. None means any address, as for keys issued before addresses could be set, or chosen with a written
 * reason ({@link KeyAddressRule}).
 */
public final class AllowedAddresses {

    /** Any address: the key names no network. */
    public static final AllowedAddresses ANY = new AllowedAddresses(List.of());

    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");
    private static final int MAX_BLOCKS = 32;

    /**
     * This machine only: the keys the platform issues to itself (demo data, benchmarks and tests), which call from
     * loopback, answer on no network although the demo's are published (gaps review xxxi M7). Declared after the
     * fields parsing reads, as static fields are set in the order written.
     */
    public static final AllowedAddresses LOOPBACK = parse("127.0.0.0/8, ::1");

    private final List<Block> blocks;

    private AllowedAddresses(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Reads blocks separated by commas, spaces or line breaks, e.g. {@code 10.8.0.0/16, 2001:db8::/32, 192.0.2.7}.
     *
     * @throws IllegalArgumentException naming the first block that is not an address literal with a fitting prefix
     */
    public static AllowedAddresses parse(String text) {
        if (text == null || text.isBlank()) {
            return ANY;
        }
        List<Block> blocks = new ArrayList<>();
        for (String part : text.trim().split("[,，\\s]+")) {
            blocks.add(Block.parse(part));
        }
        if (blocks.size() > MAX_BLOCKS) {
            throw new IllegalArgumentException("at most " + MAX_BLOCKS + " networks");
        }
        return new AllowedAddresses(blocks);
    }

    /** Blocks as stored (each normalised, e.g. {@code 10.8.0.0/16}). */
    public static AllowedAddresses of(List<String> stored) {
        return stored.isEmpty() ? ANY : new AllowedAddresses(stored.stream().map(Block::parse).toList());
    }

    public boolean any() {
        return blocks.isEmpty();
    }

    /** Whether a request from {@code remoteAddress} (the servlet's remote address, an IP literal) may use the key. */
    public boolean permits(String remoteAddress) {
        if (blocks.isEmpty()) {
            return true;
        }
        if (remoteAddress == null || !LITERAL.matcher(remoteAddress).matches()) {
            return false;
        }
        byte[] address;
        try {
            address = InetAddress.getByName(remoteAddress).getAddress();
        } catch (UnknownHostException e) {
            return false;
        }
        return blocks.stream().anyMatch(b -> b.contains(address));
    }

    /** The blocks in their normalised form, to store and to show. */
    public List<String> texts() {
        return blocks.stream().map(Block::toString).toList();
    }

    @Override
    public String toString() {
        return String.join(", ", texts());
    }

    private record Block(byte[] network, int prefix) {

        static Block parse(String text) {
            String[] parts = text.split("/", 2);
            if (!LITERAL.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException("not an address: " + text);
            }
            byte[] address;
            try {
                address = InetAddress.getByName(parts[0]).getAddress();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an address: " + text);
            }
            int bits = address.length * 8;
            int prefix;
            try {
                prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : bits;
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a prefix length: " + text);
            }
            if (prefix < 1 || prefix > bits) {
                throw new IllegalArgumentException("prefix length out of range: " + text);
            }
            return new Block(masked(address, prefix), prefix);
        }

        boolean contains(byte[] address) {
            return address.length == network.length && Arrays.equals(masked(address, prefix), network);
        }

        private static byte[] masked(byte[] address, int prefix) {
            byte[] out = address.clone();
            for (int bit = prefix; bit < out.length * 8; bit++) {
                out[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            return out;
        }

        @Override
        public String toString() {
            try {
                return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
