package jp.joren.shared;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One shop's jobs never make another shop's job wait behind all of them. */
class ShopJobQueueTest {

    private static final long SHOP_A = 1;
    private static final long SHOP_B = 2;

    private final Heartbeats heartbeats = new Heartbeats(background(1));
    private final List<String> done = new CopyOnWriteArrayList<>();
    private ShopJobQueue queue;

    private static BackgroundProperties background(int workers) {
        return new BackgroundProperties(workers, Duration.ofMillis(20));
    }

    @AfterEach
    void stop() {
        queue.destroy();
        heartbeats.destroy();
    }

    @Test
    void shopsTakeTurnsOnTheWorkers() throws Exception {
        queue = new ShopJobQueue(heartbeats, background(1));
        CountDownLatch longJob = new CountDownLatch(1);
        queue.submit(SHOP_A, () -> await(longJob), () -> { });
        for (int i = 2; i <= 4; i++) {
            String name = "A" + i;
            queue.submit(SHOP_A, () -> done.add(name), () -> { });
        }
        CountDownLatch last = new CountDownLatch(1);
        queue.submit(SHOP_B, () -> done.add("B1"), () -> { });
        queue.submit(SHOP_A, last::countDown, () -> { });

        longJob.countDown();

        assertThat(last.await(10, TimeUnit.SECONDS)).isTrue();
        // shop B came after A's four jobs, and went second, not fifth
        assertThat(done).containsExactly("B1", "A2", "A3", "A4");
    }

    @Test
    void aShopsLongJobTakesOneWorkerAndItsNextJobWaitsForIt() throws Exception {
        queue = new ShopJobQueue(heartbeats, background(2));
        CountDownLatch longJob = new CountDownLatch(1);
        CountDownLatch otherShop = new CountDownLatch(1);
        queue.submit(SHOP_A, () -> await(longJob), () -> { });
        queue.submit(SHOP_A, () -> done.add("A2"), () -> { });
        queue.submit(SHOP_B, otherShop::countDown, () -> { });

        assertThat(otherShop.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(done).isEmpty();
        longJob.countDown();
        awaitDone(1);
        assertThat(done).containsExactly("A2");
    }

    @Test
    void aJobBeatsWhileItWaitsAndWhileItWorksAndNotAfter() throws Exception {
        queue = new ShopJobQueue(heartbeats, background(1));
        CountDownLatch longJob = new CountDownLatch(1);
        CountDownLatch waitingBeats = new CountDownLatch(3);
        CountDownLatch workingBeats = new CountDownLatch(3);
        CountDownLatch waiterDone = new CountDownLatch(1);
        List<Long> beatsAfterEnd = new CopyOnWriteArrayList<>();
        queue.submit(SHOP_A, () -> await(longJob), workingBeats::countDown);
        queue.submit(SHOP_B, waiterDone::countDown, () -> {
            waitingBeats.countDown();
            if (waiterDone.getCount() == 0) {
                beatsAfterEnd.add(System.nanoTime());
            }
        });

        assertThat(waitingBeats.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(workingBeats.await(10, TimeUnit.SECONDS)).isTrue();
        longJob.countDown();
        assertThat(waiterDone.await(10, TimeUnit.SECONDS)).isTrue();
        int afterEnd = beatsAfterEnd.size();
        Thread.sleep(200);
        // at most the beat that was already running when the job ended
        assertThat(beatsAfterEnd.size()).isLessThanOrEqualTo(afterEnd + 1);
    }

    private void awaitDone(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> done.size() >= count);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
