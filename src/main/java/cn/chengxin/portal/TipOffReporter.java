package cn.chengxin.portal;

/** A tip-off's reporter as opened on an audited look with a purpose; each part empty when not given. */
public record TipOffReporter(String name, String contact) {
}
