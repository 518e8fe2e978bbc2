package jp.joren.reminders;

/** Who a message would reach: by email, by post, kept back as the hold-out group, and not at all (no consent). */
public record Reach(int byEmail, int byPost, int heldOut, int unreachable) {

    public int eligible() {
        return byEmail + byPost;
    }
}
