package jp.joren.segments;

/**
 * The trade area (商圏) a customer belongs to, as SQL: 1 the neighbourhood (the towns the owner listed,
 * bound as {@code :towns}), 2 other customers who come to the shop, 3 online, 4 SNS. The dashboard counts
 * by it and a campaign can choose its customers by it, so both read the same rule.
 */
public final class TradeAreaTier {

    public static final int TIERS = 4;

    private TradeAreaTier() {
    }

    /** The tier of the customer row named {@code customer} in the query. */
    public static String of(String customer) {
        return """
                case when %1$s.town = any(:towns) then 1
                     when %1$s.acquisition_channel = 'ONLINE' then 3
                     when %1$s.acquisition_channel = 'SNS' then 4
                     else 2 end""".formatted(customer);
    }
}
