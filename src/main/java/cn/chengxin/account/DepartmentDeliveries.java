package cn.chengxin.account;

/**
 * Whether a department has delivered records to the platform, which then name it as their provider (gaps review
 * xliii X11): such a department exists in the city, and marking it 未设立 would leave its records without one. The
 * credit file answers it: it depends on this module, not the other way round.
 */
public interface DepartmentDeliveries {

    /** How many catalogue items the department has delivered records of; 0 when it never delivered one. */
    int itemsDeliveredBy(String departmentCode);
}
