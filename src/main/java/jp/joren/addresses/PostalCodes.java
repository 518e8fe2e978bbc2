package jp.joren.addresses;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Japan Post's postal codes (addresses/postal-codes.tsv.gz, see its README for the source and how to update
 * it), read once on first use: about 120,000 places, the cities of each prefecture and the towns of each city.
 */
@Component
public class PostalCodes {

    static final List<String> PREFECTURES = List.of("北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
            "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
            "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県",
            "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
            "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

    /** The places, and for each prefecture its cities, for each "prefecture city" its towns. */
    record Data(Map<String, Place> byCode, Map<String, Set<String>> citiesOf, Map<String, Set<String>> townsOf) {
    }

    private volatile @Nullable Data data;

    /** The place of a postal code however it is typed (full-width, with 〒 or a dash); empty when unknown. */
    public Optional<Place> find(String typed) {
        String code = digits(typed);
        return code.length() == 7 ? Optional.ofNullable(data().byCode().get(code)) : Optional.empty();
    }

    /** The seven digits of a postal code as typed, or what digits there are. */
    public static String digits(String typed) {
        return typed == null ? "" : Normalizer.normalize(typed, Normalizer.Form.NFKC).replaceAll("[^0-9]", "");
    }

    Set<String> citiesOf(String prefecture) {
        return data().citiesOf().getOrDefault(prefecture, Set.of());
    }

    Set<String> townsOf(String prefecture, String city) {
        return data().townsOf().getOrDefault(prefecture + " " + city, Set.of());
    }

    /** The prefectures that have a city of this name (a name like 府中市 is in two). */
    List<String> prefecturesWith(String city) {
        List<String> found = new ArrayList<>();
        data().citiesOf().forEach((prefecture, cities) -> {
            if (cities.contains(city)) {
                found.add(prefecture);
            }
        });
        return found;
    }

    Set<String> allCities() {
        Set<String> all = new LinkedHashSet<>();
        data().citiesOf().values().forEach(all::addAll);
        return all;
    }

    private Data data() {
        Data loaded = data;
        if (loaded == null) {
            synchronized (this) {
                loaded = data;
                if (loaded == null) {
                    loaded = load();
                    data = loaded;
                }
            }
        }
        return loaded;
    }

    private static Data load() {
        Map<String, Place> byCode = new HashMap<>(160_000);
        Map<String, Set<String>> citiesOf = new LinkedHashMap<>();
        Map<String, Set<String>> townsOf = new HashMap<>();
        try (InputStream raw = PostalCodes.class.getResourceAsStream("/addresses/postal-codes.tsv.gz");
             BufferedReader lines = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw),
                     StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] cells = line.split("\t", -1);
                String prefecture = PREFECTURES.get(Integer.parseInt(cells[1]) - 1);
                // the strings repeat across codes: one instance each keeps the table small
                String city = cells[2].intern();
                String town = cells[3].intern();
                byCode.put(cells[0], new Place(prefecture, city, town));
                citiesOf.computeIfAbsent(prefecture, p -> new LinkedHashSet<>()).add(city);
                if (!town.isEmpty()) {
                    townsOf.computeIfAbsent(prefecture + " " + city, c -> new LinkedHashSet<>()).add(town);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("addresses/postal-codes.tsv.gz cannot be read", e);
        }
        return new Data(byCode, citiesOf, townsOf);
    }
}
