package cn.chengxin.objection.domain;

import cn.chengxin.shared.files.Attachments;

/**
 * An attachment to an objection (证明材料): the platform's rules for uploaded evidence ({@link Attachments}: PDF, JPEG
 * or PNG by content, at most {@link #MAX_BYTES} each) with at most {@link #MAX_FILES} per objection.
 */
public final class Evidence {

    public static final int MAX_BYTES = Attachments.MAX_BYTES;
    public static final int MAX_FILES = Attachments.MAX_FILES;

    private Evidence() {
    }

    /** The content type of an acceptable attachment; refused with a code otherwise. */
    public static String check(String filename, byte[] content) {
        return Attachments.check(filename, content);
    }

    public static void requireCount(int files) {
        Attachments.requireCount(files, "一件异议");
    }
}
