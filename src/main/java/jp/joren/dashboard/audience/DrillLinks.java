package jp.joren.dashboard.audience;

import jp.joren.customers.CustomerFilter;
import jp.joren.dashboard.period.Period;
import jp.joren.segments.Cell;
import org.springframework.web.util.UriComponentsBuilder;

/** The address of the customer list behind a number of the dashboard, for one period. */
public record DrillLinks(Period period) {

    public String audience(String audience) {
        return base(audience).build().encode().toUriString();
    }

    /** The same audience in another period (the buyers of the period before, for the waterfall). */
    public String audienceIn(String audience, Period other) {
        return new DrillLinks(other).audience(audience);
    }

    /**
     * The customers now in a cell: the owner's customer list filtered by it, where the filter can be combined with
     * others, saved and sent to (issue 18); the list counts the same customers as the cell (last night's portfolio
     * of the shop's active customers).
     */
    public String cell(Cell cell) {
        CustomerFilter filter = new CustomerFilter();
        filter.setSegment(cell.segment());
        filter.setStanding(cell.lapsed() ? CustomerFilter.Standing.LAPSED : CustomerFilter.Standing.ACTIVE);
        return list(filter);
    }

    /**
     * The dashboard's own list as the customer list's filter, where one says the same (a cell, a trade area with or
     * without its lapsed customers); null where none does (a month's history, a funnel step, a town by its exact
     * name).
     */
    public String asList(Selection selection) {
        return switch (selection.audience()) {
            case CELL -> cell(selection.cell());
            case TOP -> cell(new Cell(jp.joren.segments.Segment.LOYAL, false));
            case TIER -> tier(selection.tier());
            case TIER_ACTIVE -> tierActive(selection.tier());
            default -> null;
        };
    }

    /** Question 9: the customers of a cell reachable by {@code audience} (one of the REACH_ audiences). */
    public String reach(String audience, Cell cell) {
        return base(audience).queryParam("cell", cell.code()).build().encode().toUriString();
    }

    public String cell(jp.joren.segments.Segment segment, boolean lapsed) {
        return cell(new Cell(segment, lapsed));
    }

    /** The customers in {@code cell} at the close of {@code month}. */
    public String monthCell(Cell cell, java.time.LocalDate month) {
        return base(Audience.MONTH_CELL.name()).queryParam("cell", cell.code()).queryParam("month", month).build()
                .encode().toUriString();
    }

    /** The customers who first came in {@code month}. */
    public String cohort(java.time.LocalDate month) {
        return base(Audience.MONTH_COHORT.name()).queryParam("month", month).build().encode().toUriString();
    }

    /** Those of them who came a second time within {@code days}. */
    public String cohortReturned(java.time.LocalDate month, int days) {
        return base(Audience.MONTH_COHORT_RETURNED.name()).queryParam("month", month).queryParam("days", days).build()
                .encode().toUriString();
    }

    /** The customers who moved from {@code from} (null: new) to {@code to} at the close of {@code month}. */
    public String moved(Cell from, Cell to, java.time.LocalDate month) {
        return base(Audience.MOVED.name()).queryParam("fromCell", from == null ? AudienceChoice.NEW : from.code())
                .queryParam("cell", to.code()).queryParam("month", month).build().encode().toUriString();
    }

    public String funnel(int visits) {
        return base(Audience.FUNNEL.name()).queryParam("visits", visits).build().encode().toUriString();
    }

    /** Question 7: the customers whose intervals make the row of the 優良 customers ({@code top}) or the others'. */
    public String repeaters(boolean top) {
        return audience((top ? Audience.TOP_REPEATERS : Audience.OTHER_REPEATERS).name());
    }

    /** Question 8: the 優良 customers who bought in a category. */
    public String topCategoryBuyers(long category) {
        return base(Audience.TOP_CATEGORY_BUYERS.name()).queryParam("category", category).build().encode()
                .toUriString();
    }

    /** The active customers of a trade area: the customer list filtered by both. */
    public String tierActive(int tier) {
        CustomerFilter filter = new CustomerFilter();
        filter.setTier(tier);
        filter.setStanding(CustomerFilter.Standing.ACTIVE);
        return list(filter);
    }

    public String townActive(int tier, String town) {
        return base(Audience.TOWN_ACTIVE.name()).queryParam("tier", tier).queryParam("town", town).build().encode()
                .toUriString();
    }

    /** Question 10: the new customers sent a step of the follow-up, or those of them who came back. */
    public String followUp(jp.joren.reminders.FollowUpStep step, boolean cameBack) {
        return base((cameBack ? Audience.FOLLOW_UP_CONVERTED : Audience.FOLLOW_UP_SENT).name())
                .queryParam("step", step).build().encode().toUriString();
    }

    /** The customers of a trade area: the customer list filtered by it. */
    public String tier(int tier) {
        CustomerFilter filter = new CustomerFilter();
        filter.setTier(tier);
        return list(filter);
    }

    /** The 優良 customers still active (question 6): the customer list filtered by that cell. */
    public String top() {
        return cell(new Cell(jp.joren.segments.Segment.LOYAL, false));
    }

    public String town(int tier, String town) {
        return base(Audience.TOWN.name()).queryParam("tier", tier).queryParam("town", town).build().encode()
                .toUriString();
    }

    /** Every town of the trade area in this period. */
    public String tradeArea() {
        return UriComponentsBuilder.fromPath("/dashboard/area").queryParam("period", period.kind())
                .queryParam("at", period.from()).queryParam("from", period.from()).queryParam("to", period.last())
                .build().encode().toUriString();
    }

    /** This dashboard for another period. */
    public String dashboard(Period other) {
        return UriComponentsBuilder.fromPath("/dashboard").queryParam("period", other.kind())
                .queryParam("at", other.from()).queryParam("from", other.from()).queryParam("to", other.last())
                .build().encode().toUriString();
    }

    /** The owner's customer list with the filter, which the list can save as a named segment. */
    private static String list(CustomerFilter filter) {
        return "/customers?" + filter.toQuery();
    }

    /**
     * A running period keeps its kind, so the list compares with the same period before as the number did (1–6
     * December with 1–6 November), and names its last day, so it counts the same days whenever it is opened.
     */
    private UriComponentsBuilder base(String audience) {
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/dashboard/customers")
                .queryParam("audience", Audience.valueOf(audience)).queryParam("period", period.kind())
                .queryParam("at", period.from()).queryParam("from", period.from()).queryParam("to", period.last());
        return period.partial() && period.kind() != Period.Kind.CUSTOM ? link.queryParam("through", period.last()) : link;
    }
}
