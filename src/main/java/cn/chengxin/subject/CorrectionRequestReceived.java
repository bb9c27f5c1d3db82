package cn.chengxin.subject;

import java.time.LocalDate;
import java.util.UUID;

import cn.chengxin.subject.domain.CorrectionRequest;

/**
 * A person's request to correct the registry (更正补充请求, gaps review xlvi AA3) was received and queued for review:
 * the person is told it was, and by when it will be decided. Published inside the request's transaction.
 */
public record CorrectionRequestReceived(UUID subjectId, CorrectionRequest.Field field, String value,
                                        LocalDate dueOn) {
}
