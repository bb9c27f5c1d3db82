package cn.chengxin.support;

import java.util.concurrent.atomic.AtomicInteger;

/** Fresh valid unified social credit codes (GB 32100 with the inner GB 11714 code) for tests. */
public final class TestCreditCodes {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 1_000_000));

    private TestCreditCodes() {
    }

    /** An enterprise (91) registered in 驻马店 驿城区 (411702). */
    public static String next() {
        String org8 = String.format("%08d", NEXT.incrementAndGet() % 100_000_000);
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (org8.charAt(i) - '0') * ORG_WEIGHTS[i];
        }
        int c = 11 - sum % 11;
        String org9 = org8 + (c == 10 ? "X" : c == 11 ? "0" : Integer.toString(c));
        String first17 = "91" + "411702" + org9;
        int total = 0;
        for (int i = 0; i < 17; i++) {
            total += ALPHABET.indexOf(first17.charAt(i)) * USCC_WEIGHTS[i];
        }
        int check = 31 - total % 31;
        return first17 + ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
