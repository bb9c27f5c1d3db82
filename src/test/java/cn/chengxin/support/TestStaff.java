package cn.chengxin.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.domain.Base32;
import cn.chengxin.account.domain.Totp;

/** Creates staff users for tests (never the demo users, which the browser test owns) and computes their codes. */
public final class TestStaff {

    public static final String PASSWORD = "Test-Passw0rd-2026";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final Pattern SECRET = Pattern.compile("data-field=\"totp-secret\"[^>]*>([A-Z2-7 ]+)<");

    private TestStaff() {
    }

    /** A new user with the given base role code (e.g. CREDIT_OFFICE), in the credit office. */
    public static String create(StaffDirectory directory, String roleCode) {
        return create(directory, roleCode, "CREDIT_OFFICE");
    }

    /** A new user with the given base role code in the given department. */
    public static String create(StaffDirectory directory, String roleCode, String departmentCode) {
        String username = "t" + roleCode.toLowerCase().replace('_', '-') + COUNTER.incrementAndGet() + "x"
                + Long.toString(System.nanoTime() % 100000, 36);
        UUID department = directory.departments().stream().filter(d -> d.code().equals(departmentCode)).findFirst()
                .orElseThrow().id();
        UUID user = directory.createUserWithSettledPassword(username, "测试用户", department, PASSWORD);
        UUID role = directory.roles().stream().filter(r -> r.code().equals(roleCode)).findFirst().orElseThrow().id();
        directory.assignRoles(user, List.of(role));
        return username;
    }

    public static String secretFrom(String enrolPage) {
        Matcher m = SECRET.matcher(enrolPage);
        if (!m.find()) {
            throw new IllegalStateException("no TOTP secret on the enrolment page");
        }
        return m.group(1).replace(" ", "");
    }

    public static String code(String base32Secret, Instant at) {
        return Totp.codeAt(Base32.decode(base32Secret), at);
    }
}
