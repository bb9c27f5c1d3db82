package cn.chengxin.subject;

import java.util.UUID;

import cn.chengxin.subject.domain.CorrectionRequest;

/**
 * A proposal made at the person's request (更正补充请求, gaps review xlvi AA3) was decided by a reviewer: the person is
 * owed the outcome and, for a refusal, its reasons (PIPL Art. 46, 50). Published inside the decision's transaction, so
 * that the notice is written with it or not at all.
 *
 * @param value  the name or birth date asked for, as the person gave it
 * @param reason the reviewer's note: the refusal's reasons, or what an approval said (may be empty)
 */
public record CorrectionRequestDecided(UUID subjectId, CorrectionRequest.Field field, String value, boolean approved,
                                       String reason) {
}
