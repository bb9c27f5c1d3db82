package cn.chengxin.ingestion;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import cn.chengxin.ingestion.persistence.BatchClaims;
import cn.chengxin.ingestion.persistence.JdbcBatches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Files cut off by a stop of the instance (a crash, {@code kill -9}, a restart). A file's batch is stored RUNNING when
 * the file is received, and a worker of the instance runs it from its spooled copy; one the instance was running or
 * still had queued when it stopped stays RUNNING with its claim free, and nobody resends it: the console gives every
 * upload a batch id of its own. At start-up each such batch is run again from its copy (what was stored before is
 * recognised, not stored twice), or, when the copy is gone, ended FAILED with {@link #LOST} so that the clerk knows
 * to upload the file again, rather than watch it run for ever. The copies hold identity numbers in clear: those no
 * running batch needs are deleted (RULES.md §10).
 *
 * <p>Only batches begun before this instance started are looked at, and only files last written before then: any
 * later one is this instance's own, being received or queued. A batch whose claim is held is running on another
 * instance, and is left to it.
 */
@Component
class InterruptedFiles {

    private static final Logger log = LoggerFactory.getLogger(InterruptedFiles.class);

    static final BatchFailure LOST = new BatchFailure("UPLOAD_LOST", null,
            "平台重启时该文件尚未处理完，且上传的文件已不在：请重新上传该文件（已入库的记录不会重复入库）");

    private final FileSubmissions files;
    private final JdbcBatches batches;
    private final BatchClaims claims;
    private final Clock clock;
    private final Instant started;

    InterruptedFiles(FileSubmissions files, JdbcBatches batches, BatchClaims claims, Clock clock) {
        this.files = files;
        this.batches = batches;
        this.claims = claims;
        this.clock = clock;
        this.started = clock.instant();
    }

    @EventListener(ApplicationReadyEvent.class)
    void takeUp() {
        Set<Path> kept = new HashSet<>();
        for (JdbcBatches.RunningFile batch : batches.runningFiles(started)) {
            Path spool = files.spoolOf(batch.id());
            if (!interrupted(batch)) {
                kept.add(spool);
            } else if (Files.exists(spool)) {
                kept.add(spool);
                log.info("File batch {} was cut off by a stop of the instance: it runs again", batch.id());
                resume(batch);
            } else {
                log.warn("File batch {} was cut off by a stop of the instance and its file is gone: it ends FAILED",
                        batch.id());
                batches.finish(batch.id(), "FAILED", LOST, clock.instant());
            }
        }
        int deleted = files.deleteLeftovers(started, kept);
        if (deleted > 0) {
            log.info("{} uploaded files left by an earlier run of the instance were deleted", deleted);
        }
    }

    /** Its claim is free: nobody runs it. Held, or none to be had now (the instance is busy): it is left as it is. */
    private boolean interrupted(JdbcBatches.RunningFile batch) {
        Optional<BatchClaims.Claim> claim;
        try {
            claim = claims.claim(batch.id());
        } catch (IngestionProblem busy) {
            return false;
        }
        claim.ifPresent(BatchClaims.Claim::close);
        return claim.isPresent();
    }

    private void resume(JdbcBatches.RunningFile batch) {
        try {
            files.resume(batch);
        } catch (RuntimeException e) {
            // The copy no longer reads as the file it was (FILE_UNREADABLE, ...): the clerk is told why, as at upload.
            batches.finish(batch.id(), "FAILED", BatchFailure.of(e), clock.instant());
        }
    }
}
