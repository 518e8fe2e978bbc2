package jp.joren.customers;

public enum CustomerStatus {
    ACTIVE, ARCHIVED, MERGED, RETIRED
}
