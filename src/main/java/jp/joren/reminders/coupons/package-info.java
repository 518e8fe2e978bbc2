/**
 * Coupon codes a clerk can read and type (their shape and check character), and the offer fields the rule and
 * campaign forms share.
 */
package jp.joren.reminders.coupons;
