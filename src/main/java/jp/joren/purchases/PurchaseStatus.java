package jp.joren.purchases;

public enum PurchaseStatus {
    COMPLETED, CANCELLED, RETURNED
}
