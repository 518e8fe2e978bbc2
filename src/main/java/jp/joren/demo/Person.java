package jp.joren.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

import jp.joren.demo.JapaneseNames.Name;
import jp.joren.demo.Neighbourhood.Address;
import jp.joren.demo.Neighbourhood.Distance;

/** Who a customer is and how to reach them, as a clerk would type it in at the counter. */
record Person(String name, String kana, String email, String phone, Address address,
        LocalDate birthday, String channel, boolean atBranch, String notes) {

    private static final String[] DOMAINS = {"example.jp", "example.com", "example.net", "example.org"};
    private static final String[] NOTES = {"包丁は毎回研ぎ直しを依頼", "料理教室の先生", "贈り物は包装と熨斗を希望",
            "配達希望（平日の午後）", "土鍋の目止めを説明済み"};
    /** Odd and not a multiple of 5, so {@code index × STEP} runs through every 8-digit number once. */
    private static final long STEP = 48_271;

    /** {@code index} makes phone numbers and email addresses unique in the shop, however many customers. */
    static Person draw(SplittableRandom random, long index, long numberOffset, LocalDate today) {
        Name family = JapaneseNames.family(random);
        Name given = JapaneseNames.given(random);
        Address address = Draw.chance(random, 0.06) ? null : Neighbourhood.draw(random);
        Distance distance = address == null ? Distance.NEAR : address.town().distance();
        String channel = channel(random, distance);
        boolean online = channel.equals("ONLINE");
        String email = Draw.chance(random, online ? 0.97 : 0.45) ? email(random, given, family, index) : null;
        long digits = Math.floorMod(numberOffset + index * STEP, 100_000_000L);
        boolean hasPhone = Draw.chance(random, online ? 0.85 : 0.97);
        boolean landline = distance != Distance.FAR && Draw.chance(random, 0.2);
        String prefix = landline ? "03" : List.of("090", "090", "080", "080", "070").get(random.nextInt(5));
        // no Japanese number goes on with a 0 after its prefix (090-0…, 03-0…): those become IP phones (050-1…),
        // still one per customer, so that every demo phone is one the customer form accepts
        if (digits < 10_000_000L) {
            prefix = "050";
            digits += 10_000_000L;
        }
        String phone = String.format("%s-%04d-%04d", prefix, digits / 10_000, digits % 10_000);
        LocalDate birthday = Draw.chance(random, 0.45) ? birthday(random, today) : null;
        boolean atBranch = !online && Draw.chance(random, address != null && address.town().nearBranch() ? 0.7 : 0.12);
        String notes = Draw.chance(random, 0.04) ? NOTES[random.nextInt(NOTES.length)] : null;
        return new Person(family.kanji() + " " + given.kanji(), family.kana() + " " + given.kana(), email,
                hasPhone ? phone : null, address, birthday, channel,
                atBranch, notes);
    }

    boolean far() {
        return address != null && address.town().distance() == Distance.FAR;
    }

    private static String channel(SplittableRandom random, Distance distance) {
        List<String> channels = List.of("WALK_IN", "REFERRAL", "SNS", "EVENT", "ONLINE");
        int[] weights = switch (distance) {
            case NEAR -> new int[] {60, 15, 10, 10, 5};
            case TOKYO -> new int[] {35, 20, 25, 10, 10};
            case FAR -> new int[] {0, 5, 20, 0, 75};
        };
        return Draw.weighted(random, channels, c -> weights[channels.indexOf(c)]);
    }

    private static String email(SplittableRandom random, Name given, Name family, long index) {
        String local = switch (random.nextInt(3)) {
            case 0 -> given.romaji() + "." + family.romaji();
            case 1 -> family.romaji() + "_" + given.romaji();
            default -> given.romaji().charAt(0) + family.romaji();
        };
        return local + index + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
    }

    /** Aged about 25 to 85, most between 40 and 70. */
    private static LocalDate birthday(SplittableRandom random, LocalDate today) {
        int age = 25 + random.nextInt(31) + random.nextInt(31);
        return today.minusYears(age).minusDays(random.nextInt(365));
    }
}
