package jp.joren.accounts;

/** A member of staff as the owner invites them: the first password is already hashed. */
record NewStaffInvitation(String displayName, String email, String passwordHash, long invitedBy) {
}
