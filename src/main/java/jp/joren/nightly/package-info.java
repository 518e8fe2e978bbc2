/**
 * Each shop's nightly run, after its local run time (02:00 by default): dispatched by one clustered Quartz job,
 * run once per (shop, business date) inside that shop's tenant context. It classifies the customers into the
 * portfolio (with the month ends it lacks), refits the forecast, queues the reminders, makes today's call list
 * and refreshes the planner's statistics of what it wrote. The owner can start one by hand and follow it on the
 * runs page.
 */
@NullMarked
package jp.joren.nightly;

import org.jspecify.annotations.NullMarked;
