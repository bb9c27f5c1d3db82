package cn.chengxin.ingestion;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.chengxin.creditfile.NewRecord;
import cn.chengxin.subject.SubjectRegistry;

/**
 * A chunk's subjects are resolved on the reading thread while the chunk before is stored, up to two chunks ahead of
 * their storing transaction. A join of two files of one person (合并信用档案) approved in between moves what the
 * joined subject's file holds, and drops its row: records stored after it under the joined id, with no reference from
 * the credit file to the registry to refuse them, would be missing from the person's one file, its facts and scores
 * (98号 三(一) 个人身份识别信息的唯一性; RULES.md §1; issue #4). So the storing transaction first holds joins off and
 * puts each record whose subject was joined meanwhile on the kept subject's file
 * ({@link SubjectRegistry#keptSubjectsHoldingJoins}): one query a chunk, the records untouched when none was joined.
 */
final class JoinedSinceResolved {

    private JoinedSinceResolved() {
    }

    /** The records under the subjects that are theirs now; to be called first in the transaction that stores them. */
    static List<NewRecord> underKeptSubjects(List<NewRecord> records, SubjectRegistry subjects) {
        Set<UUID> ids = new HashSet<>();
        records.forEach(r -> ids.add(r.subjectId()));
        Map<UUID, UUID> kept = subjects.keptSubjectsHoldingJoins(ids);
        if (kept.isEmpty()) {
            return records;
        }
        return records.stream().map(r -> kept.containsKey(r.subjectId()) ? r.underSubject(kept.get(r.subjectId())) : r)
                .toList();
    }
}
