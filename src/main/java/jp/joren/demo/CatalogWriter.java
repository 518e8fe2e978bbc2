package jp.joren.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.joren.demo.KitchenwareCatalog.ModelDef;
import jp.joren.demo.KitchenwareCatalog.PartDef;
import jp.joren.demo.KitchenwareCatalog.ProductDef;
import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static jp.joren.demo.KitchenwareCatalog.MODELS;
import static jp.joren.demo.KitchenwareCatalog.PARTS;
import static jp.joren.demo.KitchenwareCatalog.PRODUCTS;
import static jp.joren.demo.KitchenwareCatalog.REMINDER_LEAD_DAYS;

/** Writes the kitchenware catalog into the current shop: categories, products, pressure-cooker models and parts. */
@Component
@RequiredArgsConstructor
class CatalogWriter {

    private final JdbcClient jdbc;

    Catalog write() {
        Map<String, Long> categories = categories();
        List<ProductRow> rows = new ArrayList<>();
        PRODUCTS.forEach(p -> rows.add(new ProductRow(categories.get(p.category()), p.code(), p.name(), p.price(),
                p.cycleDays(), true)));
        MODELS.forEach(m -> rows.add(new ProductRow(categories.get(KitchenwareCatalog.MODEL_CATEGORY), m.code(),
                m.name(), m.price(), null, m.popularity() > 0)));
        PARTS.forEach(p -> rows.add(new ProductRow(categories.get(KitchenwareCatalog.PART_CATEGORY), p.code(),
                p.name(), p.price(), null, true)));
        long[] productIds = insertProducts(rows);

        List<Catalog.Product> products = new ArrayList<>();
        for (int i = 0; i < PRODUCTS.size(); i++) {
            ProductDef def = PRODUCTS.get(i);
            products.add(new Catalog.Product(productIds[i], def.price(), def.season(), def.popularity(),
                    def.cycleDays() != null));
        }
        departments();
        return new Catalog(products, modelsWithParts(productIds));
    }

    /** The counter's departments (部門): knife sharpening and repairs priced on the spot, and anything else. */
    private void departments() {
        jdbc.sql("""
                        insert into product (tenant_id, code, name, price, department)
                        values (app_current_tenant(), 'B1', '研ぎ・修理', 0, true),
                               (app_current_tenant(), 'B2', 'その他', 0, true)
                        """).update();
    }

    private record ProductRow(long categoryId, String code, String name, long price, Integer cycleDays,
            boolean active) {
    }

    private Map<String, Long> categories() {
        List<String> names = new ArrayList<>(PRODUCTS.stream().map(ProductDef::category).distinct().toList());
        names.add(KitchenwareCatalog.MODEL_CATEGORY);
        names.add(KitchenwareCatalog.PART_CATEGORY);
        long[] ids = Ids.allocate(jdbc, "category", names.size());
        BulkInsert.rows(names.size()).bigint("id", i -> ids[i]).text("name", names::get).into(jdbc, "category");
        Map<String, Long> byName = new HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            byName.put(names.get(i), ids[i]);
        }
        return byName;
    }

    private long[] insertProducts(List<ProductRow> rows) {
        long[] ids = Ids.allocate(jdbc, "product", rows.size());
        BulkInsert.rows(rows.size())
                .bigint("id", i -> ids[i])
                .text("code", i -> rows.get(i).code())
                .text("name", i -> rows.get(i).name())
                .bigint("category_id", i -> rows.get(i).categoryId())
                .bigint("price", i -> rows.get(i).price())
                .value("repurchase_cycle_days", "int", i -> rows.get(i).cycleDays())
                .value("active", "boolean", i -> rows.get(i).active())
                .into(jdbc, "product");
        return ids;
    }

    /** Models first, then parts, then which part fits which model (a gasket fits several sizes). */
    private List<Catalog.Model> modelsWithParts(long[] productIds) {
        int modelOffset = PRODUCTS.size();
        int partOffset = modelOffset + MODELS.size();
        long[] modelIds = insertModels(productIds, modelOffset);
        long[] partIds = insertParts(productIds, partOffset);
        Map<String, List<Catalog.Part>> partsByModel = new LinkedHashMap<>();
        List<long[]> fits = new ArrayList<>();
        for (int p = 0; p < PARTS.size(); p++) {
            PartDef part = PARTS.get(p);
            Catalog.Part written = new Catalog.Part(new Catalog.Product(productIds[partOffset + p], part.price(),
                    Season.ALL_YEAR, 0, false), part.intervalDays(), REMINDER_LEAD_DAYS);
            for (String modelNumber : part.fits()) {
                partsByModel.computeIfAbsent(modelNumber, m -> new ArrayList<>()).add(written);
                fits.add(new long[] {partIds[p], modelIds[modelIndex(modelNumber)]});
            }
        }
        BulkInsert.rows(fits.size())
                .bigint("part_id", i -> fits.get(i)[0])
                .bigint("model_id", i -> fits.get(i)[1])
                .into(jdbc, "part_fit");

        List<Catalog.Model> models = new ArrayList<>();
        for (int m = 0; m < MODELS.size(); m++) {
            ModelDef def = MODELS.get(m);
            models.add(new Catalog.Model(modelIds[m], new Catalog.Product(productIds[modelOffset + m], def.price(),
                    Season.ALL_YEAR, 0, false), def.popularity(), List.copyOf(partsByModel.get(def.code()))));
        }
        return models;
    }

    private long[] insertModels(long[] productIds, int modelOffset) {
        long[] modelIds = Ids.allocate(jdbc, "product_model", MODELS.size());
        BulkInsert.rows(MODELS.size())
                .bigint("id", i -> modelIds[i])
                .bigint("product_id", i -> productIds[modelOffset + i])
                .text("model_number", i -> MODELS.get(i).code())
                .into(jdbc, "product_model");
        return modelIds;
    }

    private long[] insertParts(long[] productIds, int partOffset) {
        long[] partIds = Ids.allocate(jdbc, "consumable_part", PARTS.size());
        BulkInsert.rows(PARTS.size())
                .bigint("id", i -> partIds[i])
                .bigint("product_id", i -> productIds[partOffset + i])
                .text("part_number", i -> PARTS.get(i).code())
                .value("replacement_interval_days", "int", i -> PARTS.get(i).intervalDays())
                .value("reminder_lead_days", "int", i -> REMINDER_LEAD_DAYS)
                .into(jdbc, "consumable_part");
        return partIds;
    }

    private static int modelIndex(String modelNumber) {
        for (int i = 0; i < MODELS.size(); i++) {
            if (MODELS.get(i).code().equals(modelNumber)) {
                return i;
            }
        }
        throw new IllegalArgumentException("unknown model " + modelNumber);
    }
}
