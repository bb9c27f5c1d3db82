package cn.chengxin.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import cn.chengxin.shared.CodedProblem;

import static cn.chengxin.support.AsStaff.as;

/** Decisions by several staff members released at the same moment, as two reviewers sending their forms at once. */
public final class AtOnce {

    private AtOnce() {
    }

    public record Decision(String by, Runnable action) {
    }

    /** Each decision's refusal code, in the order given; empty for a decision that went through. */
    public static List<Optional<String>> decide(Decision... decisions) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(decisions.length);
        try {
            List<Future<Optional<String>>> outcomes = new ArrayList<>();
            for (Decision decision : decisions) {
                outcomes.add(pool.submit(() -> {
                    start.await();
                    try {
                        as(decision.by(), () -> {
                            decision.action().run();
                            return null;
                        });
                        return Optional.<String>empty();
                    } catch (CodedProblem problem) {
                        return Optional.of(problem.code());
                    }
                }));
            }
            start.countDown();
            List<Optional<String>> results = new ArrayList<>();
            for (Future<Optional<String>> outcome : outcomes) {
                results.add(outcome.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
