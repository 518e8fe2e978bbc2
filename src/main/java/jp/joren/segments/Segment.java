package jp.joren.segments;

/** The five groups of the portfolio, from a customer's first visit to a loyal regular. */
public enum Segment {
    /** 初回: one visit so far. */
    FIRST,
    /** よちよち: came again, but within a short tenure. */
    TODDLER,
    /** コツコツ: long tenure, small cumulative amount. */
    STEADY,
    /** 流行: large amount within a medium tenure. */
    TREND,
    /** 優良: large amount and long tenure. */
    LOYAL;

    public String messageKey() {
        return "segment." + name();
    }
}
