/**
 * Japanese addresses: the postal code's place (Japan Post's data, bundled), a single 住所 split into
 * prefecture, city, town and the rest, for the counter, the public sign-up page and the import.
 */
@NullMarked
package jp.joren.addresses;

import org.jspecify.annotations.NullMarked;
