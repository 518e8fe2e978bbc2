package jp.joren.shared;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Beats for the jobs this node holds (an import, a night, "send now"): each writes its job's heartbeat every
 * {@code joren.background.heartbeat} (30 s) while it waits or works. A job whose heartbeat is older than {@link #STALE} belonged to a
 * node that died: it is shown as interrupted and can be started again. The beat comes from its own thread,
 * so a job busy in one long statement still beats.
 */
@Component
public class Heartbeats implements DisposableBean {

    /** Several missed beats, so a busy database or a pause of the JVM does not make a live job look dead. */
    public static final Duration STALE = Duration.ofMinutes(3);

    private static final Logger log = LoggerFactory.getLogger(Heartbeats.class);

    private final Duration every;
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "joren-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    public Heartbeats(BackgroundProperties background) {
        Duration every = background.heartbeat();
        if (every.compareTo(STALE.dividedBy(3)) > 0) {
            throw new IllegalArgumentException("a heartbeat every " + every + " would let a live job look dead");
        }
        this.every = every;
    }

    /** Starts beating now and at every interval until the returned beat is stopped. */
    public Beat start(Runnable heartbeat) {
        ScheduledFuture<?> beating = beats.scheduleWithFixedDelay(() -> {
            try {
                heartbeat.run();
            } catch (RuntimeException e) {
                log.warn("A heartbeat failed; the next one tries again", e);
            }
        }, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return () -> beating.cancel(false);
    }

    /** A job's beat; stopping it twice does nothing more. */
    @FunctionalInterface
    public interface Beat extends AutoCloseable {
        @Override
        void close();
    }

    @Override
    public void destroy() {
        beats.shutdownNow();
    }
}
