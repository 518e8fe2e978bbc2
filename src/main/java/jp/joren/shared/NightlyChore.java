package jp.joren.shared;

import java.time.LocalDate;

/**
 * Housekeeping a feature needs once a night for each shop (old uploads, old rate-limit rows…). The nightly
 * run calls every chore inside the shop's transaction; a chore must be idempotent, as the night may run again.
 */
public interface NightlyChore {

    void run(LocalDate businessDate);
}
