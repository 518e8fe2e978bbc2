/**
 * The owner's campaigns: their day, whom they address, their wording and offer, their approval, and the seasonal
 * ideas a campaign starts from.
 */
package jp.joren.reminders.campaigns;
