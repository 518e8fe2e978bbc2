package jp.joren.purchases;

public enum PurchaseChannel {
    STORE, ONLINE, PHONE
}
