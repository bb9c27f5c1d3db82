package cn.chengxin.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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

    /** The same request sent twice at the same moment, as a client retrying while its first call still runs. */
    public static <T> List<T> twice(Callable<T> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<T> released = () -> {
                start.await();
                return request.call();
            };
            List<Future<T>> answers = List.of(pool.submit(released), pool.submit(released));
            start.countDown();
            return List.of(answers.get(0).get(), answers.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }
}
