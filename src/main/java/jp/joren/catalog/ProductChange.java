package jp.joren.catalog;

/** A product as the owner saves it: new, or changed (a department is sold at a price typed at the counter). */
record ProductChange(String code, String name, Long categoryId, long price, boolean sensitive,
        boolean excludedFromPortfolio, Integer repurchaseCycleDays, boolean active, boolean department) {
}
