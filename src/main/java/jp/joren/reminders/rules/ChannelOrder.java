package jp.joren.reminders.rules;

import java.util.Arrays;
import java.util.List;

/**
 * The channels a rule tries, in order: its reminder goes out on the first one the customer can be reached on
 * (consent for that channel, and an address, a linked LINE or a postal address). Email then post is how
 * every rule sent before LINE came.
 */
public enum ChannelOrder {
    EMAIL_POSTAL("EMAIL", "POSTAL"),
    LINE_EMAIL_POSTAL("LINE", "EMAIL", "POSTAL"),
    EMAIL_LINE_POSTAL("EMAIL", "LINE", "POSTAL"),
    LINE_POSTAL("LINE", "POSTAL");

    public static final ChannelOrder DEFAULT = EMAIL_POSTAL;

    private final List<String> channels;

    ChannelOrder(String... channels) {
        this.channels = List.of(channels);
    }

    public List<String> channels() {
        return channels;
    }

    /** As reminder_rule.channel_order stores it. */
    public String stored() {
        return String.join(",", channels);
    }

    public static ChannelOrder ofStored(String stored) {
        return Arrays.stream(values()).filter(order -> order.stored().equals(stored)).findFirst().orElse(DEFAULT);
    }
}
