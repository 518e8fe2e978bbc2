package jp.joren.demo;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import jp.joren.demo.Behaviour.Basket;
import jp.joren.demo.Receipt.Line;
import jp.joren.demo.ShopTeam.Clerk;
import lombok.RequiredArgsConstructor;

/** Turns visit days into receipts: channel, store, clerk, time of day, basket and the odd cancellation. */
@RequiredArgsConstructor
final class ReceiptFactory {

    /** A forgotten item paid for separately: a second receipt, still one visit. */
    private static final Basket FORGOTTEN_ITEM = new Basket(0, 0, 0);

    private final Catalog catalog;
    private final LocalDate first;
    private final LocalDate last;

    List<Receipt> visits(SplittableRandom random, int slot, Person person, Household household, Basket basket,
            List<LocalDate> days) {
        List<Receipt> receipts = new ArrayList<>();
        for (LocalDate day : days) {
            String channel = channel(random, person);
            boolean atBranch = channel.equals("STORE") && person.atBranch();
            Clerk clerk = clerk(random, channel);
            OffsetDateTime at = channel.equals("STORE") ? ShopCalendar.atCounter(random, day)
                    : ShopCalendar.online(random, day);
            receipts.add(receipt(random, slot, atBranch, clerk, at, channel, household.basket(random, day, basket)));
            if (channel.equals("STORE") && Draw.chance(random, 0.03)) {
                receipts.add(receipt(random, slot, atBranch, clerk, at.plusMinutes(2 + random.nextInt(15)), channel,
                        household.basket(random, day, FORGOTTEN_ITEM)));
            }
        }
        return receipts;
    }

    /** Purchases by shoppers who never gave their name: about 0.8 per registered customer. */
    List<Receipt> walkIns(SplittableRandom random) {
        List<Receipt> receipts = new ArrayList<>();
        for (int n = Draw.more(random, 0.45); n > 0; n--) {
            LocalDate day = ShopCalendar.dayBetween(random, first, last);
            List<Line> lines = new Household(random, catalog).basket(random, day, Behaviour.WALK_IN);
            receipts.add(receipt(random, -1, Draw.chance(random, 0.25), clerk(random, "STORE"),
                    ShopCalendar.atCounter(random, day), "STORE", lines));
        }
        return receipts;
    }

    private static Receipt receipt(SplittableRandom random, int slot, boolean atBranch, Clerk clerk, OffsetDateTime at,
            String channel, List<Line> lines) {
        return new Receipt(slot, atBranch, clerk, at, channel, status(random, lines), lines);
    }

    /** A sold pressure cooker stays sold here, so every durable model sold is in someone's kitchen. */
    private static String status(SplittableRandom random, List<Line> lines) {
        if (lines.stream().anyMatch(line -> line.model() != null)) {
            return "COMPLETED";
        }
        double draw = random.nextDouble();
        return draw < 0.012 ? "CANCELLED" : draw < 0.02 ? "RETURNED" : "COMPLETED";
    }

    private static String channel(SplittableRandom random, Person person) {
        if (person.channel().equals("ONLINE")) {
            return Draw.chance(random, 0.85) ? "ONLINE" : "STORE";
        }
        if (person.far()) {
            return Draw.chance(random, 0.6) ? "ONLINE" : "STORE";
        }
        return Draw.chance(random, 0.03) ? "PHONE" : "STORE";
    }

    private static Clerk clerk(SplittableRandom random, String channel) {
        return switch (channel) {
            case "ONLINE" -> Clerk.NOBODY;
            case "PHONE" -> Clerk.OWNER;
            default -> Draw.chance(random, 0.4) ? Clerk.OWNER : Clerk.STAFF;
        };
    }
}
