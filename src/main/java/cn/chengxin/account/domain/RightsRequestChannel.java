package cn.chengxin.account.domain;

/**
 * How a 个人信息权利请求 came (gaps review xlvi AA4 rest; PIPL Art. 50: a convenient way for everyone): the person in
 * self-service, or a clerk at the window for a person who cannot sign in. Either way it is one request, with the same
 * number, deadline and answer.
 */
public enum RightsRequestChannel {
    SELF_SERVICE("本人在线提出"),
    COUNTER("窗口代为提出");

    private final String label;

    RightsRequestChannel(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
