package jp.joren.reminders.rules;

/** A batch of messages waiting for the owner's approval: how many go by email, by post and on LINE once approved. */
public record ApprovalBatch(int byEmail, int byPost, int byLine) {

    public int total() {
        return byEmail + byPost + byLine;
    }
}
