package jp.joren.reminders;

/** A batch of messages waiting for the owner's approval: how many go by email and by post once approved. */
public record ApprovalBatch(int byEmail, int byPost) {

    public int total() {
        return byEmail + byPost;
    }
}
