package jp.joren.imports;

/**
 * What the owner chose for a conflict row (its phone belongs to a customer with another name): creating a
 * new customer is the default, since households share a landline.
 */
enum ImportDecision {
    CREATE, UPDATE, SKIP
}
