package jp.joren.demo;

import java.util.List;

import static jp.joren.demo.Season.ALL_YEAR;
import static jp.joren.demo.Season.NEW_YEAR;
import static jp.joren.demo.Season.SUMMER;
import static jp.joren.demo.Season.WINTER;

/** What a neighbourhood kitchenware shop (台所道具の店) sells, with tax-inclusive yen prices. */
final class KitchenwareCatalog {

    /** {@code popularity} is a relative weight; {@code cycleDays} marks a consumable bought again and again. */
    record ProductDef(String category, String code, String name, long price, Integer cycleDays, Season season,
            int popularity) {
    }

    /** A durable model; {@code popularity} 0 means discontinued, only still owned by long-time customers. */
    record ModelDef(String code, String name, long price, int popularity) {
    }

    record PartDef(String code, String name, long price, int intervalDays, List<String> fits) {
    }

    static final String MODEL_CATEGORY = "圧力鍋";
    static final String PART_CATEGORY = "圧力鍋の部品";
    static final int REMINDER_LEAD_DAYS = 30;

    static final List<ProductDef> PRODUCTS = List.of(
            p("鍋・フライパン", "NB-001", "鉄フライパン 26cm", 5280, 6),
            p("鍋・フライパン", "NB-002", "鉄フライパン 20cm", 4180, 5),
            p("鍋・フライパン", "NB-003", "雪平鍋 18cm", 3520, 7),
            p("鍋・フライパン", "NB-004", "銅の卵焼き器", 8800, 3),
            p("鍋・フライパン", "NB-005", "ステンレス両手鍋 22cm", 6600, 4),
            p("鍋・フライパン", "NB-006", "中華鍋 30cm", 6380, 2),
            p("包丁・刃物", "HM-001", "三徳包丁 165mm", 13200, 4),
            p("包丁・刃物", "HM-002", "ペティナイフ 120mm", 7700, 3),
            p("包丁・刃物", "HM-003", "出刃包丁 150mm", 15400, 2),
            p("包丁・刃物", "HM-004", "砥石 #1000", 3850, 4),
            p("包丁・刃物", "HM-005", "キッチンばさみ", 2860, 5),
            p("包丁・刃物", "HM-006", "包丁研ぎ（研ぎ直し）", 1100, 8),
            p("調理道具", "CK-001", "竹の菜箸", 440, 10),
            p("調理道具", "CK-002", "木べら", 880, 8),
            p("調理道具", "CK-003", "銅のおろし金", 6050, 2),
            p("調理道具", "CK-004", "ステンレスざる 21cm", 2200, 6),
            p("調理道具", "CK-005", "ステンレスボウル 24cm", 1650, 6),
            p("調理道具", "CK-006", "計量カップ", 770, 5),
            p("調理道具", "CK-007", "巻きす", 550, 4),
            p("調理道具", "CK-008", "すり鉢 6号", 2750, 3),
            p("調理道具", "CK-009", "木の落とし蓋", 990, 4),
            p("調理道具", "CK-010", "ひのきのまな板", 4950, 4),
            p("食器", "SK-001", "飯碗", 1980, 6),
            p("食器", "SK-002", "漆の汁椀", 3300, 3),
            p("食器", "SK-003", "豆皿 5枚組", 2750, 4),
            p("食器", "SK-004", "八角箸", 1100, 6),
            p("食器", "SK-005", "湯のみ", 1650, 4),
            p("食器", "SK-006", "箸置き", 440, 5),
            p("保存容器", "HZ-001", "ホーロー保存容器 M", 2640, 5),
            p("保存容器", "HZ-002", "ガラス保存瓶 1L", 1430, 5),
            p("保存容器", "HZ-003", "ぬか漬け容器", 3080, 2),
            p("保存容器", "HZ-004", "さわらのおひつ", 9900, 1),
            consumable("SH-001", "重曹 1kg", 660, 60, 8),
            consumable("SH-002", "食器用洗剤 詰め替え", 418, 30, 10),
            consumable("SH-003", "コーヒーフィルター 100枚", 330, 45, 8),
            consumable("SH-004", "亀の子たわし", 385, 90, 6),
            consumable("SH-005", "セルローススポンジ 3個", 495, 45, 7),
            consumable("SH-006", "クエン酸 500g", 550, 90, 5),
            consumable("SH-007", "ぬか床用の米ぬか 1kg", 440, 60, 3),
            seasonal("KS-001", "土鍋 8号", 7480, WINTER, 6),
            seasonal("KS-002", "土鍋 6号", 4950, WINTER, 5),
            seasonal("KS-003", "カセットコンロ", 5280, WINTER, 3),
            seasonal("KS-004", "かき氷器", 4400, SUMMER, 6),
            seasonal("KS-005", "流しそうめん器", 3300, SUMMER, 4),
            seasonal("KS-006", "ガラスの冷酒器", 2750, SUMMER, 3),
            seasonal("KS-007", "お重箱 三段", 16500, NEW_YEAR, 4),
            seasonal("KS-008", "祝い箸 5膳", 330, NEW_YEAR, 14),
            seasonal("KS-009", "鏡餅の三方", 2200, NEW_YEAR, 4));

    static final List<ModelDef> MODELS = List.of(
            new ModelDef("PC-2500", "圧力鍋 PC-2500 2.5L（販売終了）", 11000, 0),
            new ModelDef("PC-3000", "圧力鍋 PC-3000 3.0L", 12800, 3),
            new ModelDef("PC-4500", "圧力鍋 PC-4500 4.5L", 15800, 4),
            new ModelDef("PC-6000", "圧力鍋 PC-6000 6.0L", 18700, 2));

    static final List<PartDef> PARTS = List.of(
            new PartDef("PCG-45", "圧力鍋パッキン（2.5〜4.5L用）", 1320, 730, List.of("PC-2500", "PC-3000", "PC-4500")),
            new PartDef("PCG-60", "圧力鍋パッキン（6.0L用）", 1540, 730, List.of("PC-6000")),
            new PartDef("PCW-10", "圧力鍋おもり（調圧弁）", 1980, 1095, List.of("PC-3000", "PC-4500", "PC-6000")),
            new PartDef("PCS-10", "圧力鍋安全弁", 770, 1095, List.of("PC-2500", "PC-3000", "PC-4500", "PC-6000")));

    private KitchenwareCatalog() {
    }

    private static ProductDef p(String category, String code, String name, long price, int popularity) {
        return new ProductDef(category, code, name, price, null, ALL_YEAR, popularity);
    }

    private static ProductDef consumable(String code, String name, long price, int cycleDays, int popularity) {
        return new ProductDef("洗剤・消耗品", code, name, price, cycleDays, ALL_YEAR, popularity);
    }

    private static ProductDef seasonal(String code, String name, long price, Season season, int popularity) {
        return new ProductDef("季節の道具", code, name, price, null, season, popularity);
    }
}
