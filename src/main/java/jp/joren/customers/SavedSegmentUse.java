package jp.joren.customers;

import java.util.List;

/**
 * Another feature that addresses customers by a saved segment (a campaign): asked before a segment is deleted,
 * so that the customers feature need not know that feature.
 */
public interface SavedSegmentUse {

    /** The names of what still needs the segment as it is (a campaign not sent yet); none: it may go. */
    List<String> needing(long segmentId);

    /** Lets go of the segment where it is only history (a campaign already sent), just before it is deleted. */
    void release(long segmentId);
}
