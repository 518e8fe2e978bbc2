package jp.joren.imports;

import java.util.List;

import jp.joren.catalog.ProductForm;
import jp.joren.customers.CustomerDetails;
import jp.joren.customers.CustomerFields;

import static jp.joren.imports.ImportField.Type.CHANNEL;
import static jp.joren.imports.ImportField.Type.COUNT;
import static jp.joren.imports.ImportField.Type.DATE;
import static jp.joren.imports.ImportField.Type.DATE_TIME;
import static jp.joren.imports.ImportField.Type.DECIMAL;
import static jp.joren.imports.ImportField.Type.FLAG;
import static jp.joren.imports.ImportField.Type.TEXT;
import static jp.joren.imports.ImportField.Type.YEN;
import static jp.joren.imports.ImportField.optional;
import static jp.joren.imports.ImportField.required;

/** What can be imported, with the columns each kind understands. */
enum ImportKind {

    CUSTOMERS(CustomerDetails.class, List.of(
            optional("code", TEXT, "顧客番号", "会員番号", "顧客コード", "会員コード", "customer code", "member code", "code")
                    .normalisedBy(CustomerFields::code),
            required("name", TEXT, "氏名", "名前", "お名前", "顧客名", "name", "customer name"),
            optional("nameKana", TEXT, "フリガナ", "ふりがな", "カナ", "氏名カナ", "氏名(カナ)", "kana", "name kana", "reading")
                    .normalisedBy(CustomerFields::kana),
            optional("phone", TEXT, "電話", "電話番号", "携帯", "携帯電話", "tel", "phone", "telephone")
                    .normalisedBy(CustomerFields::phone),
            optional("email", TEXT, "メール", "メールアドレス", "eメール", "email", "e-mail", "mail")
                    .normalisedBy(CustomerFields::email),
            optional("postalCode", TEXT, "郵便番号", "〒", "postal code", "zip", "zip code")
                    .normalisedBy(CustomerFields::postalCode),
            optional("prefecture", TEXT, "都道府県", "県", "prefecture"),
            optional("city", TEXT, "市区町村", "市町村", "city"),
            optional("town", TEXT, "町名", "町・丁目", "町丁目", "町域", "town"),
            optional("addressLine", TEXT, "住所", "番地", "番地・建物", "住所2", "address", "address line"),
            optional("birthday", DATE, "誕生日", "生年月日", "birthday", "date of birth"),
            optional("channel", CHANNEL, "来店のきっかけ", "きっかけ", "流入経路", "channel", "acquisition channel"),
            optional("tags", TEXT, "タグ", "tags"),
            optional("notes", TEXT, "メモ", "備考", "notes", "memo"),
            optional("emailConsent", FLAG, "メール配信", "メール可否", "メール案内", "メール許諾", "メール送付", "メルマガ",
                    "メルマガ希望", "email consent", "email ok"),
            optional("postalConsent", FLAG, "DM可否", "DM", "DM送付", "DM送付可否", "DM希望", "郵便DM", "ダイレクトメール",
                    "postal consent", "dm ok"))),

    PRODUCTS(ProductForm.class, List.of(
            required("code", TEXT, "商品コード", "品番", "コード", "product code", "code", "sku"),
            required("name", TEXT, "商品名", "品名", "name", "product name"),
            optional("category", TEXT, "分類", "カテゴリ", "カテゴリー", "部門", "category"),
            required("price", YEN, "価格", "単価", "売価", "税込価格", "price"),
            optional("sensitive", FLAG, "要配慮", "医薬品", "sensitive"),
            optional("cycleDays", COUNT, "買い替え日数", "サイクル", "消耗サイクル", "cycle days", "repurchase cycle"),
            optional("active", FLAG, "販売中", "有効", "active"))),

    PURCHASES(CustomerDetails.class, List.of(
            required("receipt", TEXT, "レシート番号", "伝票番号", "取引番号", "receipt", "receipt no", "receipt number"),
            required("purchasedAt", DATE_TIME, "日付", "購入日", "売上日", "取引日時", "日時", "date", "purchased at"),
            optional("customerCode", TEXT, "顧客番号", "会員番号", "顧客コード", "customer code", "member code"),
            optional("phone", TEXT, "電話", "電話番号", "phone"),
            optional("email", TEXT, "メール", "メールアドレス", "email"),
            required("productCode", TEXT, "商品コード", "品番", "product code", "sku"),
            optional("quantity", COUNT, "数量", "個数", "quantity", "qty"),
            optional("unitPrice", YEN, "単価", "価格", "unit price", "price"),
            optional("amount", YEN, "金額", "小計", "amount", "line amount"),
            optional("store", TEXT, "店舗", "店舗名", "store"))),

    /**
     * A POS sales export, one receipt line per row, bringing its customers and products: UCI Online Retail's
     * English headers and the names of Japanese POS journals (スマレジ's 取引ID・会員コード・販売単価, Airレジ's
     * 会計ID・会計日時). Where a journal has an internal ID beside the code, the code comes first in each list.
     */
    SALES(CustomerDetails.class, List.of(
            required("receipt", TEXT, "レシート番号", "伝票番号", "取引番号", "取引No", "取引ID", "会計ID", "会計番号",
                    "InvoiceNo", "invoice", "invoice number", "receipt", "receipt no", "receipt number"),
            required("purchasedAt", DATE_TIME, "取引日時", "会計日時", "売上日時", "日時", "日付", "売上日", "購入日",
                    "InvoiceDate", "invoice date", "date", "purchased at"),
            optional("customerCode", TEXT, "会員コード", "会員番号", "顧客番号", "顧客コード", "会員ID", "顧客ID",
                    "CustomerID", "customer code", "member code", "customer id")
                    .limitedAs(CustomerDetails.class, "code").normalisedBy(CustomerFields::code),
            optional("customerName", TEXT, "会員名", "顧客名", "お客様名", "氏名", "customer name")
                    .limitedAs(CustomerDetails.class, "name"),
            optional("nameKana", TEXT, "会員名カナ", "顧客名カナ", "フリガナ", "カナ", "name kana")
                    .normalisedBy(CustomerFields::kana),
            optional("phone", TEXT, "会員電話番号", "電話番号", "電話", "phone", "tel").normalisedBy(CustomerFields::phone),
            optional("email", TEXT, "会員メールアドレス", "メールアドレス", "メール", "email", "e-mail")
                    .normalisedBy(CustomerFields::email),
            required("productCode", TEXT, "商品コード", "品番", "商品ID", "StockCode", "stock code", "product code",
                    "item code", "sku")
                    .limitedAs(ProductForm.class, "code").normalisedBy(ImportKind::productCode),
            optional("productName", TEXT, "商品名", "品名", "Description", "product name", "item name")
                    .limitedAs(ProductForm.class, "name"),
            optional("quantity", DECIMAL, "数量", "個数", "Quantity", "qty"),
            optional("unitPrice", DECIMAL, "販売単価", "単価", "商品単価", "価格", "UnitPrice", "unit price", "price"),
            optional("amount", DECIMAL, "小計", "金額", "明細金額", "売上金額", "amount", "line amount", "subtotal"),
            optional("store", TEXT, "店舗", "店舗名", "store")));

    private final List<ImportField> fields;

    /** A product code as the counter stores it: full-width folded (NFKC), surrounding spaces dropped, inner kept. */
    static String productCode(String typed) {
        return java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC).strip();
    }

    /** {@code form} declares the lengths of the columns it shares with this kind. */
    ImportKind(Class<?> form, List<ImportField> fields) {
        this.fields = fields.stream().map(field -> field.limitedAs(form)).toList();
    }

    List<ImportField> fields() {
        return fields;
    }

    ImportField field(String key) {
        return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }
}
