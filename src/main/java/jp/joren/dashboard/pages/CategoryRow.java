package jp.joren.dashboard.pages;

import java.util.List;

import jp.joren.dashboard.period.DashboardQueries;

/** A row of question 8: a category's share of the 優良 customers' and of everyone's spending, lift, penetration. */
record CategoryRow(long categoryId, String category, Double topShare, Double allShare, Double lift, Double penetration,
        long topBuyers) {

    /** The rows of {@code categories}, with penetration among the shop's {@code loyal} 優良 customers. */
    static List<CategoryRow> rows(List<DashboardQueries.CategoryPreference> categories, long loyal) {
        long topTotal = categories.stream().mapToLong(DashboardQueries.CategoryPreference::topSales).sum();
        long allTotal = categories.stream().mapToLong(DashboardQueries.CategoryPreference::allSales).sum();
        return categories.stream().map(c -> {
            Double topShare = topTotal == 0 ? null : (double) c.topSales() / topTotal;
            Double allShare = allTotal == 0 ? null : (double) c.allSales() / allTotal;
            Double lift = topShare == null || allShare == null || allShare == 0 ? null : topShare / allShare;
            Double penetration = loyal == 0 ? null : (double) c.topBuyers() / loyal;
            return new CategoryRow(c.categoryId(), c.category(), topShare, allShare, lift, penetration, c.topBuyers());
        }).toList();
    }
}
