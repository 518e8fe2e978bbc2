package jp.joren.customers;

public enum ConsentChannel {
    EMAIL, POSTAL, SMS, LINE
}
