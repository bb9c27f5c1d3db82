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

    /** A staff member made by {@link TestStaff#create} signing in the first time: enrols the authenticator. */
    public static void newStaff(Page page, String base, String username) {
        page.navigate(base + "/console/login");
        page.getByLabel("用户名").fill(username);
        page.getByLabel("密码").fill(TestStaff.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("登录")).click();
        String secret = page.locator("[data-field=totp-secret]").innerText().replace(" ", "");
        page.getByLabel("验证码").fill(TestStaff.code(secret, Instant.now()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("绑定并登录")).click();
    }
}
