package cn.chengxin.portal;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.chengxin.account.Department;
import cn.chengxin.account.StaffDirectory;
import cn.chengxin.account.StaffPrincipal;
import cn.chengxin.account.StaffUser;
import cn.chengxin.portal.content.domain.ArticleKind;
import cn.chengxin.portal.content.domain.ArticleText;
import cn.chengxin.shared.security.Permission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Development only (demo accounts and seeding on): the public site's 典型案例 and 政策法规 sections get a few
 * articles, each labelled as synthetic demo content, written by the demo clerk and published by the demo reviewer
 * through the same maker-checker path as any article (so the audit log and the console show who did what). Runs
 * after the demo accounts exist; an article whose title is already there is not written again.
 */
@Component
@ConditionalOnProperty(name = {"chengxin.demo.accounts", "chengxin.demo.seed-on-empty"}, havingValue = "true")
@Order(200)
class DemoContent implements ApplicationRunner {

    static final String LABEL = "【演示内容】本文为演示用合成内容，所涉人物、单位、文号均为虚构，不代表任何真实个人或事件。";

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    private static final List<ArticleText> ARTICLES = List.of(
            new ArticleText(ArticleKind.CASE, "失信被执行人履行义务后完成信用修复（演示案例）",
                    "市民王某某（化名）被法院纳入失信被执行人名单后主动履行判决义务，经法院屏蔽失信信息后，"
                            + "其名单移出、惩戒措施解除。",
                    LABEL + "\n" + """

                            王某某（化名）因拖欠货款被起诉，判决生效后未按期履行，市中级人民法院依法将其纳入失信被执行人名单，\
                            并限制其高消费。名单生效前，平台向其送达了列入严重失信主体名单告知书，告知列入依据、惩戒措施、\
                            异议权利和修复途径。

                            此后，王某某在乘坐飞机、参加公职人员招录时受到限制。经了解信用修复途径，王某某主动与申请执行人\
                            达成和解并履行全部义务。法院屏蔽其失信信息后，平台当即将其移出名单，各部门审批系统查询时不再\
                            返回相关惩戒措施，公示页面同步撤下，并向其出具移出告知书。

                            提示：失信信息被屏蔽或公示期届满后，平台不再展示、不再用于评价和惩戒；信用修复不收取任何费用。"""),
            new ArticleText(ArticleKind.CASE, "优秀志愿者享受“信用+”便利服务（演示案例）",
                    "市民李某某（化名）累计志愿服务时长较长，被列入守信激励对象名单，在办理政务服务时享受容缺受理、"
                            + "绿色通道等便利。",
                    LABEL + "\n" + """

                            李某某（化名）多年参加社区志愿服务，市文明办报送的志愿服务记录达到守信激励对象认定条件。经信用办\
                            审核并在门户网站公示期满无异议后，李某某被列入红名单。

                            此后，李某某在办理相关政务服务事项时，窗口审批系统查询到其守信激励对象身份，为其提供容缺受理、\
                            优先办理等便利服务。名单有效期届满或出现失信记录时，激励措施自动终止。"""),
            new ArticleText(ArticleKind.POLICY, "个人诚信体系建设政策要点（演示摘编）",
                    "摘编个人诚信体系建设相关政策的主要内容：诚信记录、守信激励与失信惩戒、信息安全与信用修复。",
                    LABEL + "\n" + """

                            《国务院办公厅关于加强个人诚信体系建设的指导意见》（国办发〔2016〕98号）要求加快推进个人诚信\
                            记录建设，建立完善个人守信激励和失信惩戒机制，同时加强个人信息安全、隐私保护，健全信用修复机制。

                            本平台据此归集信用信息目录内的个人公共信用信息，对列入名单的主体在生效前书面告知，对失信信息\
                            按公示期限公示，期满后不再展示和使用；当事人可以提出异议、申请信用修复，并可在“我的信用”中\
                            查看谁查询过自己的信息。

                            本文为演示摘编，政策原文以发文机关公布的文本为准。"""));

    private final ContentPublishing content;
    private final StaffDirectory directory;

    DemoContent(ContentPublishing content, StaffDirectory directory) {
        this.content = content;
        this.directory = directory;
    }

    @Override
    public void run(ApplicationArguments args) {
        int published = ensure();
        if (published > 0) {
            log.info("Published {} demo articles (typical cases and a policy summary, labelled as synthetic)",
                    published);
        }
    }

    /** Writes and publishes each demo article not yet there; returns how many it published. */
    int ensure() {
        Optional<StaffPrincipal> clerk = principal("clerk");
        Optional<StaffPrincipal> reviewer = principal("reviewer");
        if (clerk.isEmpty() || reviewer.isEmpty()) {
            return 0;
        }
        Set<String> present = titles();
        int published = 0;
        for (ArticleText text : ARTICLES) {
            if (present.contains(text.title())) {
                continue;
            }
            var draft = as(clerk.get(), () -> content.draft(text));
            as(clerk.get(), () -> content.submit(draft.id(), draft.version()));
            int submitted = content.find(draft.id()).orElseThrow().version();
            as(reviewer.get(), () -> content.publish(draft.id(), submitted, "演示数据", true));
            published++;
        }
        return published;
    }

    private Set<String> titles() {
        return Set.copyOf(content.all(null).stream().map(Article::title).toList());
    }

    private Optional<StaffPrincipal> principal(String username) {
        return directory.users().stream().filter(u -> u.username().equals(username)).findFirst()
                .map(DemoContent::principalOf);
    }

    private static StaffPrincipal principalOf(StaffUser user) {
        return new StaffPrincipal(user.id(), user.username(), user.displayName(), user.departmentId(),
                "CREDIT_OFFICE", user.departmentName(), Department.Kind.CREDIT_OFFICE, List.of(),
                Set.of(Permission.CONTENT_EDIT, Permission.CONTENT_PUBLISH));
    }

    private static <T> T as(StaffPrincipal who, java.util.function.Supplier<T> action) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(who, null, List.of()));
        try {
            return action.get();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static void as(StaffPrincipal who, Runnable action) {
        as(who, () -> {
            action.run();
            return null;
        });
    }
}
