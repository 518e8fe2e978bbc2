/**
 * Generated shops: the deterministic demo shop (a kitchenware shop in 世田谷区 with two years of history)
 * and load-test shops of any size. Everything is written with set-based SQL inside the shop's own tenant
 * context, exactly as the application would see it.
 */
package jp.joren.demo;
