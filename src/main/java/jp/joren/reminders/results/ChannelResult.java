package jp.joren.reminders.results;

/** One channel's recipients in "did it work?" (EMAIL, LINE or POSTAL) and what they did after. */
public record ChannelResult(String channel, RuleResult.Arm sent) {
}
