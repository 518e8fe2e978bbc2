package jp.joren.shared;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The shops' background jobs (imports, nights the owner starts, "send now") on a few workers, fairly: a shop
 * has at most one job working at a time, and the shops with jobs waiting take turns (first come, first
 * served; a shop whose job ended goes to the back). So one shop's many or long jobs take one worker, and
 * another shop's job starts as soon as any worker is free instead of waiting behind all of them.
 * <p>
 * A job beats (its heartbeat) from the moment it is queued until it ends, so the page that shows it can
 * tell a job that waits from one whose node died.
 */
@Component
public class ShopJobQueue implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ShopJobQueue.class);

    private record Job(Runnable work, Heartbeats.Beat beat) {
    }

    private final Heartbeats heartbeats;
    private final int workers;
    private final ExecutorService pool;
    private final Map<Long, Queue<Job>> waiting = new HashMap<>();
    /** The shops with jobs waiting and none working, in the order they take their turn. */
    private final Queue<Long> turns = new ArrayDeque<>();
    private final Set<Long> working = new HashSet<>();

    public ShopJobQueue(Heartbeats heartbeats, BackgroundProperties background) {
        this.heartbeats = heartbeats;
        this.workers = background.workers();
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(this.workers, runnable -> {
            Thread thread = new Thread(runnable, "joren-shop-job-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Queues {@code work} for {@code shop}; {@code heartbeat} writes the job's heartbeat (both bind the shop
     * themselves). Deduplicating requests is the caller's: it knows what "the same job" means.
     */
    public synchronized void submit(long shop, Runnable work, Runnable heartbeat) {
        waiting.computeIfAbsent(shop, s -> new ArrayDeque<>()).add(new Job(work, heartbeats.start(heartbeat)));
        if (!working.contains(shop) && !turns.contains(shop)) {
            turns.add(shop);
        }
        dispatch();
    }

    private synchronized void dispatch() {
        while (working.size() < workers && !turns.isEmpty()) {
            long shop = turns.remove();
            Queue<Job> jobs = waiting.get(shop);
            Job job = jobs.remove();
            if (jobs.isEmpty()) {
                waiting.remove(shop);
            }
            working.add(shop);
            pool.execute(() -> work(shop, job));
        }
    }

    private void work(long shop, Job job) {
        try {
            job.work().run();
        } catch (RuntimeException e) {
            log.error("A background job of shop {} failed", shop, e);
        } finally {
            job.beat().close();
            finished(shop);
        }
    }

    private synchronized void finished(long shop) {
        working.remove(shop);
        if (waiting.containsKey(shop)) {
            turns.add(shop);
        }
        dispatch();
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
