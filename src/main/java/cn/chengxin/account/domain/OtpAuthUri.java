package cn.chengxin.account.domain;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The {@code otpauth://} URI authenticator apps read from the enrolment QR code (Key Uri Format). */
public final class OtpAuthUri {

    private OtpAuthUri() {
    }

    public static String totp(String issuer, String account, byte[] secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(secret) + "&issuer=" + encode(issuer)
                + "&algorithm=SHA1&digits=6&period=" + Totp.STEP_SECONDS;
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
