package jp.joren.segments;

/**
 * The trade area (商圏) a customer belongs to: 1 the neighbourhood (the towns the owner listed, bound as
 * {@code :towns}), 2 other customers who come to the shop, 3 online, 4 SNS. The rule is the schema's
 * {@code trade_area_tier} (V40); the dashboard, the customer list and a campaign call it through here.
 */
public final class TradeAreaTier {

    public static final int TIERS = 4;

    private TradeAreaTier() {
    }

    /** The tier of the customer row named {@code customer} in the query. */
    public static String of(String customer) {
        return "trade_area_tier(%1$s.town, %1$s.acquisition_channel, :towns)".formatted(customer);
    }
}
