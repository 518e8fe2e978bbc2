package jp.joren.customers;

import java.time.LocalDate;

import jp.joren.segments.Segment;
import jp.joren.segments.TradeAreaTier;
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

    private String text = "";
    private String tag = "";
    private Long storeId;
    private AcquisitionChannel channel;
    private String town = "";
    private Consent consent;
    private Long modelId;
    /** The portfolio group (区分) of last night's classification, with {@link #standing} a cell. */
    private Segment segment;
    private Standing standing;
    /** The trade area (商圏, {@link jp.joren.segments.TradeAreaTier}), 1 to 4. */
    private Integer tier;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate lastVisitFrom;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate lastVisitTo;

    /** Only customers whose chance of still being a customer (the forecast) is below this percentage. */
    private Integer activeBelowPercent;
    private boolean includeArchived;
    private Sort sort = Sort.KANA;
    private int page;

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

    public String getText() {
        return text;
    }

    public void setText(String text) {
        this.text = text == null ? "" : text.strip();
    }

    public String getTag() {
        return tag;
    }

    public void setTag(String tag) {
        this.tag = tag == null ? "" : tag.strip();
    }

    public Long getStoreId() {
        return storeId;
    }

    public void setStoreId(Long storeId) {
        this.storeId = storeId;
    }

    public AcquisitionChannel getChannel() {
        return channel;
    }

    public void setChannel(AcquisitionChannel channel) {
        this.channel = channel;
    }

    public String getTown() {
        return town;
    }

    public void setTown(String town) {
        this.town = town == null ? "" : town.strip();
    }

    public Consent getConsent() {
        return consent;
    }

    public void setConsent(Consent consent) {
        this.consent = consent;
    }

    public Segment getSegment() {
        return segment;
    }

    public void setSegment(Segment segment) {
        this.segment = segment;
    }

    public Standing getStanding() {
        return standing;
    }

    public void setStanding(Standing standing) {
        this.standing = standing;
    }

    public Integer getTier() {
        return tier;
    }

    public void setTier(Integer tier) {
        this.tier = tier == null || tier < 1 || tier > TradeAreaTier.TIERS ? null : tier;
    }

    public Long getModelId() {
        return modelId;
    }

    public void setModelId(Long modelId) {
        this.modelId = modelId;
    }

    public LocalDate getLastVisitFrom() {
        return lastVisitFrom;
    }

    public void setLastVisitFrom(LocalDate lastVisitFrom) {
        this.lastVisitFrom = lastVisitFrom;
    }

    public LocalDate getLastVisitTo() {
        return lastVisitTo;
    }

    public void setLastVisitTo(LocalDate lastVisitTo) {
        this.lastVisitTo = lastVisitTo;
    }

    public Integer getActiveBelowPercent() {
        return activeBelowPercent;
    }

    public void setActiveBelowPercent(Integer activeBelowPercent) {
        this.activeBelowPercent = activeBelowPercent == null ? null : Math.max(0, Math.min(100, activeBelowPercent));
    }

    public boolean isIncludeArchived() {
        return includeArchived;
    }

    public void setIncludeArchived(boolean includeArchived) {
        this.includeArchived = includeArchived;
    }

    public Sort getSort() {
        return sort;
    }

    public void setSort(Sort sort) {
        this.sort = sort == null ? Sort.KANA : sort;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = Math.max(0, page);
    }
}
