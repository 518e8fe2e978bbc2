package jp.joren.catalog;

import org.jspecify.annotations.Nullable;

/** A product as the owner saves it: new, or changed (a department is sold at a price typed at the counter). */
record ProductChange(String code, String name, @Nullable Long categoryId, long price, boolean sensitive,
        boolean excludedFromPortfolio, @Nullable Integer repurchaseCycleDays, boolean active, boolean department) {
}
