/**
 * The shop (the tenant) and its stores: sign-up, settings, time zone, public slug and the sender
 * identity that every email carries.
 */
@NullMarked
package jp.joren.shops;

import org.jspecify.annotations.NullMarked;
