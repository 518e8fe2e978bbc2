package jp.joren.customers;

/** How a customer first came to the shop; tiers 2–4 of the trade area are read from it. */
public enum AcquisitionChannel {
    WALK_IN, REFERRAL, ONLINE, SNS, EVENT, FLYER, OTHER
}
