package jp.joren.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where customers live: most in the shop's own neighbourhood around 三軒茶屋 (世田谷区), some elsewhere in
 * Tokyo, and online customers all over Japan.
 */
final class Neighbourhood {

    enum Distance { NEAR, TOKYO, FAR }

    /** {@code chome} 0: the town has no 丁目. {@code nearBranch}: closer to the 下北沢 branch than to 本店. */
    record Town(Distance distance, String postalCode, String prefecture, String city, String name, int chome,
            int weight, boolean nearBranch) {
    }

    /** {@code townName} carries the 丁目; {@code line} is 番地-号 and perhaps a building and room. */
    record Address(Town town, String townName, String line) {
    }

    private static final List<Town> TOWNS = List.of(
            near("154-0024", "三軒茶屋", 2, 22, false), near("154-0004", "太子堂", 5, 20, false),
            near("154-0011", "上馬", 5, 10, false), near("154-0002", "下馬", 6, 9, false),
            near("154-0023", "若林", 5, 7, false), near("154-0001", "池尻", 4, 6, true),
            near("155-0032", "代沢", 5, 6, true), near("155-0031", "北沢", 5, 6, true),
            near("154-0003", "野沢", 4, 4, false), near("154-0016", "弦巻", 5, 4, false),
            near("154-0017", "世田谷", 4, 4, false), near("154-0012", "駒沢", 5, 3, false),
            tokyo("153-0061", "目黒区", "中目黒", 5), tokyo("152-0004", "目黒区", "鷹番", 3),
            tokyo("150-0013", "渋谷区", "恵比寿", 4), tokyo("151-0053", "渋谷区", "代々木", 5),
            tokyo("166-0003", "杉並区", "高円寺南", 5), tokyo("145-0071", "大田区", "田園調布", 5),
            tokyo("157-0062", "世田谷区", "南烏山", 6), tokyo("158-0094", "世田谷区", "玉川", 4),
            far("211-0063", "神奈川県", "川崎市中原区", "小杉町", 3),
            far("225-0002", "神奈川県", "横浜市青葉区", "美しが丘", 5),
            far("330-0063", "埼玉県", "さいたま市浦和区", "高砂", 4),
            far("272-0034", "千葉県", "市川市", "市川", 4),
            far("980-0021", "宮城県", "仙台市青葉区", "中央", 4),
            far("460-0008", "愛知県", "名古屋市中区", "栄", 5),
            far("600-8216", "京都府", "京都市下京区", "東塩小路町", 0),
            far("530-0001", "大阪府", "大阪市北区", "梅田", 3),
            far("812-0011", "福岡県", "福岡市博多区", "博多駅前", 4));

    private static final String[] KANJI_NUMBERS = {"", "一", "二", "三", "四", "五", "六"};
    private static final String[] BUILDINGS = {"コーポ", "ハイツ", "メゾン", "パレス", "レジデンス", "グランデ"};
    private static final String[] BUILDING_NAMES = {"さくら", "三軒茶屋", "欅", "サンライズ", "緑が丘", "あおば"};

    private Neighbourhood() {
    }

    static Address draw(SplittableRandom random) {
        double share = random.nextDouble();
        Distance distance = share < 0.62 ? Distance.NEAR : share < 0.85 ? Distance.TOKYO : Distance.FAR;
        Town town = Draw.weighted(random, TOWNS, t -> t.distance() == distance ? t.weight() : 0);
        String townName = town.chome() == 0 ? town.name()
                : town.name() + KANJI_NUMBERS[1 + random.nextInt(town.chome())] + "丁目";
        String line = (1 + random.nextInt(30)) + "-" + (1 + random.nextInt(20));
        if (Draw.chance(random, 0.35)) {
            String building = BUILDINGS[random.nextInt(BUILDINGS.length)]
                    + BUILDING_NAMES[random.nextInt(BUILDING_NAMES.length)];
            line += " " + building + " " + (1 + random.nextInt(5)) + "0" + (1 + random.nextInt(8));
        }
        return new Address(town, townName, line);
    }

    private static Town near(String postalCode, String name, int chome, int weight, boolean nearBranch) {
        return new Town(Distance.NEAR, postalCode, "東京都", "世田谷区", name, chome, weight, nearBranch);
    }

    private static Town tokyo(String postalCode, String city, String name, int chome) {
        return new Town(Distance.TOKYO, postalCode, "東京都", city, name, chome, 1, false);
    }

    private static Town far(String postalCode, String prefecture, String city, String name, int chome) {
        return new Town(Distance.FAR, postalCode, prefecture, city, name, chome, 1, false);
    }
}
