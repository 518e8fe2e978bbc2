package jp.joren.shared;

import java.time.OffsetDateTime;

/**
 * Housekeeping a feature needs once a night for each shop (old uploads, old rate-limit rows…). The nightly
 * run calls every chore inside the shop's transaction; a chore must be idempotent, as the night may run again.
 */
public interface NightlyChore {

    /** @param shop the shop the night is for, bound as the current tenant; @param now when the night runs */
    void run(long shop, OffsetDateTime now);
}
