package jp.joren.addresses;

/** Where a postal code is: 都道府県, 市区町村 (with its 郡 or 政令市), 町域 (empty when the code covers a whole city). */
public record Place(String prefecture, String city, String town) {
}
