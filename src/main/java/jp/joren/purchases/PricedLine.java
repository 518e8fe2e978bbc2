package jp.joren.purchases;

import jp.joren.catalog.ProductChoice;

/** A checked line: the catalog's product, and what the customer pays for it (tax included, in yen). */
record PricedLine(ProductChoice product, int quantity, long unitPrice, long discount, String note) {

    long amount() {
        return quantity * unitPrice - discount;
    }
}
