package jp.joren.audit;

/** What an audit event records; the owner's audit page names each in the reader's language. */
public enum AuditAction {
    CUSTOMER_EDITED,
    CUSTOMER_EXPORTED,
    CUSTOMER_ARCHIVED,
    CUSTOMER_RETIRED,
    CUSTOMERS_MERGED,
    CUSTOMER_MERGE_UNDONE,
    PURCHASE_EDITED,
    PURCHASE_CANCELLED,
    PURCHASE_RETURNED,
    DATA_EXPORTED,
    DATA_IMPORTED,
    /** An import changed these fields of the customer (details: field → [before, after]). */
    CUSTOMER_IMPORTED,
    /** An import's undo put these fields of the customer back (details: field → [before, after]). */
    CUSTOMER_IMPORT_UNDONE,
    DATA_IMPORT_UNDONE
}
