package cn.chengxin.shared.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.random.RandomGenerator;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import cn.chengxin.shared.CodedProblem;
import cn.chengxin.shared.DomainProblem;

/**
 * A form's check that a person is sending it (the tip-off form; the sign-in forms after failures from an address),
 * without any outside captcha service: a small sum in
 * Chinese numerals ("十二加七等于多少？"), or in English words for an English page ("What is twelve plus seven?"), whose
 * answer the server does not keep. The form carries a token
 * {@code expiry.nonce.mac}, where the mac is an HMAC-SHA256 over the expiry, the nonce and the right answer;
 * an answer is right when the mac computed with it matches. Tokens expire, and the caller records each
 * nonce as used before it checks the answer ({@link #read}), so that a token is tried once: neither can a solved
 * challenge be replayed nor an unsolved one be guessed at. It slows scripts down; the form's per-address limit is
 * what caps them. Each form has its own purpose and key, so that a token issued for one is no token for another.
 */
public final class HumanCheck {

    private static final String[] DIGITS = {"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};
    private static final String[] ENGLISH = {"zero", "one", "two", "three", "four", "five", "six", "seven", "eight",
            "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
            "nineteen", "twenty"};
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final String purpose;
    private final byte[] key;
    private final Duration ttl;
    private final RandomGenerator random;

    /** @param purpose the form's own word, signed into every token (e.g. {@code tipoff-challenge}) */
    public HumanCheck(String purpose, byte[] key, Duration ttl, RandomGenerator random) {
        if (key.length < 32) {
            throw new IllegalArgumentException("the challenge key must have at least 256 bits");
        }
        this.purpose = purpose;
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
     * A token as the form sent it back, read but not yet answered: its nonce is recorded as used before the answer is
     * checked, so that a token is single-use, answered rightly or not (a wrong answer burns it, and the reporter gets
     * a new question), and a script cannot try one question's answers one after another.
     */
    public record Token(long expires, String nonce, String mac) {

        /** Until when the nonce must be remembered as used. */
        public Instant expiresAt() {
            return Instant.ofEpochSecond(expires);
        }
    }

    /**
     * Reads a token without checking any answer.
     *
     * @throws CodedProblem {@code CHALLENGE_EXPIRED} when the token is too old, {@code CHALLENGE_FAILED} when it is
     *                       not shaped as one issued here, or says it expires later than any issued now could (its
     *                       expiry is only proven by the answer's mac: an invented one must not keep its nonce stored
     *                       for ever)
     */
    public Token read(String token, Instant now) {
        String[] parts = token == null ? new String[0] : token.split("\\.", -1);
        if (parts.length != 3 || !parts[0].matches("\\d{1,12}") || parts[1].isEmpty() || parts[1].length() > 32
                || parts[2].isEmpty()) {
            throw failed();
        }
        long expires = Long.parseLong(parts[0]);
        if (expires > now.plus(ttl).getEpochSecond()) {
            throw failed();
        }
        if (now.getEpochSecond() > expires) {
            throw new CodedProblem("CHALLENGE_EXPIRED", DomainProblem.Kind.INVALID_INPUT, "验证问题已过期，请回答新的问题");
        }
        return new Token(expires, parts[1], parts[2]);
    }

    /**
     * @throws CodedProblem {@code CHALLENGE_FAILED} when the token was not issued here or the answer is wrong
     */
    public Passed check(Token token, String answer) {
        String given = answer == null ? "" : answer.strip();
        if (!given.matches("-?\\d{1,3}")) {
            throw failed();
        }
        byte[] expected = mac(token.expires(), token.nonce(), Integer.parseInt(given))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.mac().getBytes(StandardCharsets.US_ASCII))) {
            throw failed();
        }
        return new Passed(token.nonce(), token.expiresAt());
    }

    /**
     * Reads the token and checks the answer ({@link #read}, {@link #check(Token, String)}).
     *
     * @throws CodedProblem {@code CHALLENGE_EXPIRED} when the token is too old, {@code CHALLENGE_FAILED}
     *                       when it was not issued here or the answer is wrong
     */
    public Passed check(String token, String answer, Instant now) {
        return check(read(token, now), answer);
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
            return ENCODER.encodeToString(hmac.doFinal((purpose + "|" + expires + "|" + nonce + "|" + answer)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static CodedProblem failed() {
        return new CodedProblem("CHALLENGE_FAILED", DomainProblem.Kind.INVALID_INPUT, "验证问题回答不正确，请重新作答");
    }
}
