/**
 * Customers sign themselves up on the shop's public page (the QR code at the till): their details, the
 * shop's purpose of use, email consent confirmed by an emailed link (double opt-in), and optionally a
 * product they own.
 */
@NullMarked
package jp.joren.join;

import org.jspecify.annotations.NullMarked;
