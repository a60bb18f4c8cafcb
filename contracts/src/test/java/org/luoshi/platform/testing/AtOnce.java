package org.luoshi.platform.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Requests sent at the same time, for tests of what two clients racing each other get. */
public final class AtOnce {

    private AtOnce() {
    }

    /** Runs the requests in parallel and answers their HTTP statuses, sorted (which one wins is up to the race). */
    public static List<Integer> statuses(List<Callable<Integer>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : pool.invokeAll(requests)) {
                statuses.add(answer.get(30, TimeUnit.SECONDS));
            }
            statuses.sort(null);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }
}
