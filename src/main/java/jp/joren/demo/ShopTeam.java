package jp.joren.demo;

/** The demo shop's two stores and two accounts, by database id. */
record ShopTeam(long mainStoreId, long branchStoreId, long ownerId, long staffId) {

    /** Who served: the owner, the clerk, or nobody (an online order). */
    enum Clerk { OWNER, STAFF, NOBODY }

    long storeId(boolean atBranch) {
        return atBranch ? branchStoreId : mainStoreId;
    }

    Long accountId(Clerk clerk) {
        return switch (clerk) {
            case OWNER -> ownerId;
            case STAFF -> staffId;
            case NOBODY -> null;
        };
    }
}
