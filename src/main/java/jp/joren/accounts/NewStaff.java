package jp.joren.accounts;

/** A member of staff the owner adds: their name, login email and first password. */
record NewStaff(String displayName, String email, String password) {
}
