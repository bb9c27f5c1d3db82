package cn.chengxin.account.domain;

import java.security.SecureRandom;

/**
 * A temporary password the platform makes up for an administrator's reset, shown to them once (RULES.md §10): random,
 * meeting {@link PasswordPolicy}, and free of characters that are easily mistaken for one another when read out or
 * copied by hand (0/O, 1/l/I).
 */
public final class TemporaryPassword {

    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "-_.!@#%+=";
    private static final String ALL = UPPER + LOWER + DIGITS + SYMBOLS;
    private static final int LENGTH = 16;

    private TemporaryPassword() {
    }

    /** @param username the user it is for, which it must not contain */
    public static String generate(SecureRandom random, String username) {
        while (true) {
            StringBuilder password = new StringBuilder(LENGTH);
            // One of each class at a random place, the rest from all of them.
            for (String set : new String[]{UPPER, LOWER, DIGITS, SYMBOLS}) {
                password.insert(password.isEmpty() ? 0 : random.nextInt(password.length() + 1),
                        set.charAt(random.nextInt(set.length())));
            }
            while (password.length() < LENGTH) {
                password.insert(random.nextInt(password.length() + 1), ALL.charAt(random.nextInt(ALL.length())));
            }
            if (PasswordPolicy.isAcceptable(password.toString(), username, null)) {
                return password.toString();
            }
        }
    }
}
