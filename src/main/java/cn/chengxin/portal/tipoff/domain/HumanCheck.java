package cn.chengxin.portal.tipoff.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.random.RandomGenerator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.chengxin.shared.DomainProblem;

/**
 * The tip-off form's check that a person is sending it, without any outside captcha service: a small sum in
 * Chinese numerals ("十二加七等于多少？"), or in English words for an English page ("What is twelve plus seven?"), whose
 * answer the server does not keep. The form carries a token
 * {@code expiry.nonce.mac}, where the mac is an HMAC-SHA256 over the expiry, the nonce and the right answer;
 * an answer is right when the mac computed with it matches. Tokens expire, and the caller records each
 * passed nonce so that one solved challenge cannot be replayed. It slows scripts down; the per-address
 * {@link AttemptLimit} is what caps them.
 */
public final class HumanCheck {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String[] ENGLISH = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty"};
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final byte[] key;
    private final Duration ttl;
    private final RandomGenerator random;

    public HumanCheck(byte[] key, Duration ttl, RandomGenerator random) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the challenge key must have at least 256 bits");
        }
        this.key = key.clone();
        this.ttl = ttl;
        this.random = random;
    }

    /**
     * A question to show and the token to send back with the answer. {@code englishQuestion} is the same sum for an
     * English page: a foreign resident reporting in English could not read the Chinese numerals.
     */
    public record Challenge(String question, String englishQuestion, String token) {

        /** The question in the reader's language; Chinese unless the page is English. */
        public String questionIn(java.util.Locale locale) {
            return "en".equals(locale.getLanguage()) ? englishQuestion : question;
        }
    }

    /** A correct answer: the nonce to record as used until it expires. */
    public record Passed(String nonce, Instant expiresAt) {
    }

    public Challenge issue(Instant now) {
        int a = 1 + random.nextInt(20);
        int b = 1 + random.nextInt(20);
        boolean plus = a < b || random.nextBoolean();
        int answer = plus ? a + b : a - b;
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        long expires = now.plus(ttl).getEpochSecond();
        String nonceText = ENCODER.encodeToString(nonce);
        String question = numeral(a) + (plus ? "加" : "减") + numeral(b) + "等于多少？";
        String englishQuestion = "What is " + ENGLISH[a] + (plus ? " plus " : " minus ") + ENGLISH[b] + "?";
        return new Challenge(question, englishQuestion,
                expires + "." + nonceText + "." + mac(expires, nonceText, answer));
    }

    /**
     * @throws TipOffProblem {@code CHALLENGE_EXPIRED} when the token is too old, {@code CHALLENGE_FAILED}
     *                       when it was not issued here or the answer is wrong
     */
    public Passed check(String token, String answer, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        String given = answer == null ? "" : answer.strip();
        if (parts.length != 3 || !parts[0].matches("\\d{1,12}") || !given.matches("-?\\d{1,3}")) {
            throw failed();
        }
        long expires = Long.parseLong(parts[0]);
        if (now.getEpochSecond() > expires) {
            throw new TipOffProblem("CHALLENGE_EXPIRED", DomainProblem.Kind.INVALID_INPUT, "验证问题已过期，请回答新的问题");
        }
        byte[] expected = mac(expires, parts[1], Integer.parseInt(given)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, parts[2].getBytes(StandardCharsets.US_ASCII))) {
            throw failed();
        }
        return new Passed(parts[1], Instant.ofEpochSecond(expires));
    }

    /** 1–20 in Chinese numerals: 七, 十二, 二十. */
    static String numeral(int n) {
        if (n <= 10) {
            return DIGITS[n];
        }
        return n < 20 ? "十" + DIGITS[n - 10] : DIGITS[n / 10] + "十" + (n % 10 == 0 ? "" : DIGITS[n % 10]);
    }

    private String mac(long expires, String nonce, int answer) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            return ENCODER.encodeToString(hmac.doFinal(("tipoff-challenge|" + expires + "|" + nonce + "|" + answer)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static TipOffProblem failed() {
        return new TipOffProblem("CHALLENGE_FAILED", DomainProblem.Kind.INVALID_INPUT, "验证问题回答不正确，请重新作答");
    }
}
