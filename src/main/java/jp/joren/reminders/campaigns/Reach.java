package jp.joren.reminders.campaigns;

/**
 * Who a message would reach: by email, by post, kept back as the hold-out group, not at all (no consent), and
 * on LINE.
 */
public record Reach(int byEmail, int byPost, int heldOut, int unreachable, int byLine) {

    public int eligible() {
        return byEmail + byPost + byLine;
    }
}
