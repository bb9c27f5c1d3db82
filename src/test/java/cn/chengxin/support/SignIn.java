package cn.chengxin.support;

import java.time.Instant;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Signing in in the browser, as a citizen (phone and password) or as new staff (password, then TOTP enrolment). */
public final class SignIn {

    private SignIn() {
    }

    public static void citizen(Page page, String base, String phone, String password) {
        page.navigate(base + "/me/login");
        page.getByLabel("身份证号码或手机号码").fill(phone);
        page.getByLabel("密码").fill(password);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    }

    /**
     * A staff member made by {@link TestStaff#create} signing in the first time: enrols the authenticator.
     *
     * @return the authenticator's secret, for signing in again ({@link #staffAgain})
     */
    public static String newStaff(Page page, String base, String username) {
        password(page, base, username);
        String secret = page.locator("[data-field=totp-secret]").innerText().replace(" ", "");
        page.getByLabel("验证码").fill(TestStaff.code(secret, Instant.now()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("绑定并登录")).click();
        return secret;
    }

    /** An enrolled staff member signing in again, with the code of the next time step (a code is taken once). */
    public static void staffAgain(Page page, String base, String username, String secret) {
        password(page, base, username);
        page.getByLabel("验证码").fill(TestStaff.code(secret, Instant.now().plusSeconds(30)));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("验证并登录")).click();
    }

    private static void password(Page page, String base, String username) {
        page.navigate(base + "/console/login");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(TestStaff.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
    }
}
