package cn.chengxin.creditfile;

import java.util.UUID;

/** A record with the subject it is about, for pages that find records by something other than the subject. */
public record SubjectEntry(UUID subjectId, FileEntry entry) {
}
