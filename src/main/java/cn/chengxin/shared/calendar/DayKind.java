package cn.chengxin.shared.calendar;

/** How a date differs from the ordinary week (Monday–Friday working, weekend rest). */
public enum DayKind {
    /** 法定节假日 or a rest day of a holiday period, also on a weekday. */
    HOLIDAY("休息日（节假日）"),
    /** 调休上班: a Saturday or Sunday worked in exchange for a holiday. */
    ADJUSTED_WORKDAY("调休工作日");

    private final String label;

    DayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
