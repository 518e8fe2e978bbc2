package jp.joren.customers;

import java.time.LocalDate;

import jp.joren.segments.Segment;
import jp.joren.segments.TradeAreaTier;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The owner's customer list filters, bound from the query string so that a filtered list can be
 * bookmarked, paged and exported as it is.
 */
public class CustomerFilter {

    public enum Consent { EMAIL, POSTAL, EMAIL_NONE, NONE }

    public enum Sort { KANA, LAST_VISIT, VISITS, AMOUNT, VALUE_12M, NEWEST }

    /** Active (現役) or lapsed (離脱) in last night's portfolio. */
    public enum Standing { ACTIVE, LAPSED }

    @Getter private String text = "";
    @Getter private String tag = "";
    @Getter @Setter private Long storeId;
    @Getter @Setter private AcquisitionChannel channel;
    @Getter private String town = "";
    @Getter @Setter private Consent consent;
    @Getter @Setter private Long modelId;
    /** The portfolio group (区分) of last night's classification, with {@link #standing} a cell. */
    @Getter @Setter private Segment segment;
    @Getter @Setter private Standing standing;
    /** The trade area (商圏, {@link jp.joren.segments.TradeAreaTier}), 1 to 4. */
    @Getter private Integer tier;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Getter @Setter private LocalDate lastVisitFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    @Getter @Setter private LocalDate lastVisitTo;

    /** Only customers whose chance of still being a customer (the forecast) is below this percentage. */
    @Getter private Integer activeBelowPercent;
    @Getter @Setter private boolean includeArchived;
    @Getter private Sort sort = Sort.KANA;
    @Getter private int page;

    /**
     * The filter as the list's query string, without the page: only what is set, always in the same order and
     * spelling, so that two equal filters read the same (a saved segment is recognised by it) and a dashboard
     * link and the list's own form agree.
     */
    public String toQuery() {
        return FilterQueryString.of(this);
    }

    /** The filter a query string of {@link #toQuery()} stands for; what it cannot read is left unset. */
    public static CustomerFilter ofQuery(String query) {
        return FilterQueryString.read(query);
    }

    public void setText(String text) {
        this.text = text == null ? "" : text.strip();
    }

    public void setTag(String tag) {
        this.tag = tag == null ? "" : tag.strip();
    }

    public void setTown(String town) {
        this.town = town == null ? "" : town.strip();
    }

    public void setTier(Integer tier) {
        this.tier = tier == null || tier < 1 || tier > TradeAreaTier.TIERS ? null : tier;
    }

    public void setActiveBelowPercent(Integer activeBelowPercent) {
        this.activeBelowPercent = activeBelowPercent == null ? null : Math.max(0, Math.min(100, activeBelowPercent));
    }

    public void setSort(Sort sort) {
        this.sort = sort == null ? Sort.KANA : sort;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
