/**
 * Each shop's nightly run, after its local run time (02:00 by default): dispatched by one clustered
 * Quartz job, run once per (shop, business date), inside that shop's tenant context. For now it takes
 * the shop's customer and visit counts; the portfolio analytics will grow here.
 */
package jp.joren.nightly;
