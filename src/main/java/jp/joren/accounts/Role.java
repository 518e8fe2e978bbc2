package jp.joren.accounts;

public enum Role {
    OWNER, STAFF;

    String authority() {
        return "ROLE_" + name();
    }
}
