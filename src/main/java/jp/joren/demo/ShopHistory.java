package jp.joren.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jp.joren.demo.DemoCustomer.Consent;
import jp.joren.demo.ShopTeam.Clerk;

/**
 * Two years of a shop's customers and purchases up to the day before {@code today}, handed out in chunks
 * so a shop of any size fits in memory. Each customer draws from its own split of the seed, so the same
 * seed gives the same shop whatever the chunk size.
 */
final class ShopHistory {

    record Chunk(List<DemoCustomer> customers, List<Receipt> receipts) {
    }

    private static final int DAYS = 730;
    /** Customers registered in the first half year came from the shop's paper ledger. */
    private static final int IMPORTED_DAYS = 180;

    private final SplittableRandom seeds;
    private final long numberOffset;
    private final Catalog catalog;
    private final LocalDate today;
    private final LocalDate first;
    private final LocalDate last;
    private final ReceiptFactory receipts;
    private long index;

    ShopHistory(long seed, LocalDate today, Catalog catalog) {
        this.seeds = new SplittableRandom(seed);
        this.numberOffset = seeds.nextLong();
        this.catalog = catalog;
        this.today = today;
        this.first = today.minusDays(DAYS);
        this.last = today.minusDays(1);
        this.receipts = new ReceiptFactory(catalog, first, last);
    }

    Chunk next(int count) {
        List<DemoCustomer> customers = new ArrayList<>(count);
        List<Receipt> chunkReceipts = new ArrayList<>();
        for (int slot = 0; slot < count; slot++) {
            customers.add(customer(seeds.split(), slot, chunkReceipts));
        }
        return new Chunk(customers, chunkReceipts);
    }

    private DemoCustomer customer(SplittableRandom random, int slot, List<Receipt> chunkReceipts) {
        Behaviour behaviour = Behaviour.draw(random);
        Person person = Person.draw(random, ++index, numberOffset, today);
        Household household = new Household(random, catalog);
        List<LocalDate> days = behaviour.visitDays(random, first, last);
        Catalog.Model oldModel = null;
        LocalDate oldModelSince = null;
        if (behaviour != Behaviour.ONE_TIME && Draw.chance(random, 0.06)) {
            oldModel = catalog.pickOldModel(random);
            oldModelSince = days.get(0).minusDays(200 + random.nextInt(2000));
            household.own(oldModel, oldModelSince);
        }
        List<Receipt> mine = receipts.visits(random, slot, person, household, behaviour.basket(), days);
        Receipt firstReceipt = mine.get(0);
        OffsetDateTime createdAt = firstReceipt.purchasedAt().minusMinutes(1 + random.nextInt(10));
        chunkReceipts.addAll(mine);
        chunkReceipts.addAll(receipts.walkIns(random));
        return new DemoCustomer(person, createdAt, firstReceipt.clerk(),
                consents(random, person, createdAt, firstReceipt.clerk()), oldModel, oldModelSince);
    }

    /** Advertising consent by email for most who give an address, by post for about a third; a few withdraw. */
    private List<Consent> consents(SplittableRandom random, Person person, OffsetDateTime registered, Clerk clerk) {
        boolean imported = registered.toLocalDate().isBefore(first.plusDays(IMPORTED_DAYS));
        String method = imported ? "IMPORT" : "COUNTER";
        String wording = imported ? "paper-ledger" : "counter-v1";
        Clerk recordedBy = imported ? Clerk.NOBODY : clerk;
        List<Consent> consents = new ArrayList<>();
        if (person.email() != null && Draw.chance(random, 0.7)) {
            consents.add(new Consent("EMAIL", true, registered, method, wording, recordedBy));
            long daysLeft = ChronoUnit.DAYS.between(registered.toLocalDate(), last);
            if (daysLeft > 1 && Draw.chance(random, 0.07)) {
                consents.add(new Consent("EMAIL", false, ShopCalendar.atCounter(random,
                        registered.toLocalDate().plusDays(1 + random.nextLong(daysLeft))), "COUNTER", wording,
                        Draw.chance(random, 0.5) ? Clerk.OWNER : Clerk.STAFF));
            }
        }
        if (person.address() != null && Draw.chance(random, 0.35)) {
            consents.add(new Consent("POSTAL", true, registered, method, wording, recordedBy));
        }
        return consents;
    }
}
