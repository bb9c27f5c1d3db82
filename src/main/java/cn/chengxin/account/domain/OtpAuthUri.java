package cn.chengxin.account.domain;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The {@code otpauth://} URI that enrols a TOTP secret in an authenticator app, in the Key URI format that
 * Google Authenticator defined and the other apps follow:
 * {@code otpauth://totp/<issuer>:<account>?secret=<BASE32>&issuer=<issuer>&algorithm=SHA1&digits=6&period=30}.
 *
 * <p>Issuer and account are percent-encoded as UTF-8 (RFC 3986 §2.1, everything but the unreserved
 * characters of §2.3), so a Chinese issuer such as 信用驻马店 survives every app; a space becomes
 * {@code %20}, never {@code +}. The format forbids a colon in either part (it separates them in the
 * label), so one is refused rather than encoded.
 */
public final class OtpAuthUri {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private OtpAuthUri() {
    }

    /**
     * The enrolment URI for a {@link Totp} secret.
     *
     * @param issuer  who issues the code, shown by the app (the platform's name)
     * @param account the user's login name
     * @throws IllegalArgumentException if issuer or account is blank or contains a colon
     */
    public static String totp(String issuer, String account, byte[] secret) {
        requireLabelPart(issuer, "issuer");
        requireLabelPart(account, "account");
        Objects.requireNonNull(secret, "secret");
        String encodedIssuer = percentEncode(issuer);
        return "otpauth://totp/" + encodedIssuer + ":" + percentEncode(account)
                + "?secret=" + Base32.encode(secret)
                + "&issuer=" + encodedIssuer
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    /** RFC 3986 percent-encoding of the UTF-8 bytes of {@code text}, leaving only unreserved characters. */
    static String percentEncode(String text) {
        StringBuilder out = new StringBuilder(text.length() * 3);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (isUnreserved(c)) {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >>> 4]).append(HEX[c & 0x0F]);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static void requireLabelPart(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.indexOf(':') >= 0) {
            throw new IllegalArgumentException(name + " must not contain a colon (Key URI format)");
        }
    }
}
