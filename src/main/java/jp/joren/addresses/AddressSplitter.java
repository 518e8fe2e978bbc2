package jp.joren.addresses;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;

/**
 * Splits a single 住所, as most customer ledgers keep it, into 都道府県, 市区町村, 町域 (with its 丁目) and the
 * rest (番地, building), by Japan Post's names: the longest city of the prefecture the address starts with
 * (a 政令市's ward included, a 郡 that the address leaves out allowed), then the longest town of that city.
 * Kyoto's street names (烏丸通三条上る) come before the town: there the town is found after them and the
 * street is kept with the rest. An address the names do not explain is not guessed at: what was found is
 * kept, everything else goes to the rest, and {@code understood} says so.
 */
@Component
@RequiredArgsConstructor
public class AddressSplitter {

    /** The parts of an address; empty strings for parts not found. */
    public record Split(String prefecture, String city, String town, String line, boolean understood) {
    }

    private static final Pattern POSTAL_CODE = Pattern.compile("^〒?\\s*\\d{3}-?\\d{4}\\s*");
    private static final Pattern CHOME = Pattern.compile("^([0-9一二三四五六七八九十]+丁目)");
    /** Kyoto's street and directions (四条通烏丸東入, 烏丸通三条上る): the town comes after them. */
    private static final Pattern KYOTO_STREETS = Pattern.compile(".*通.*(通|上る|上ル|上|下る|下ル|下|入る|入ル|入)|.*通");

    private final PostalCodes postalCodes;

    public Split split(String address) {
        String whole = POSTAL_CODE.matcher(normalize(address)).replaceFirst("");
        if (whole.isEmpty()) {
            return new Split("", "", "", "", true);
        }
        String written = PostalCodes.PREFECTURES.stream().filter(whole::startsWith).findFirst().orElse("");
        String rest = whole.substring(written.length()).strip();
        String prefecture = written;
        Set<String> cities = prefecture.isEmpty() ? postalCodes.allCities() : postalCodes.citiesOf(prefecture);
        Optional<CityMatch> city = cities.stream().map(name -> CityMatch.of(name, rest)).flatMap(Optional::stream)
                .max(Comparator.comparingInt(CityMatch::length));
        if (city.isEmpty()) {
            return new Split(prefecture, "", "", rest, false);
        }
        if (prefecture.isEmpty()) {
            // a city name found in one prefecture only tells the prefecture; 府中市 (東京都, 広島県) does not
            List<String> holders = postalCodes.prefecturesWith(city.get().name());
            if (holders.size() != 1) {
                return new Split("", "", "", rest, false);
            }
            prefecture = holders.get(0);
        }
        return townAndLine(prefecture, city.get().name(), rest.substring(city.get().length()).strip());
    }

    /** The split of what follows the city: the longest of its towns, with its 丁目, and the rest. */
    private Split townAndLine(String prefecture, String city, String afterCity) {
        Set<String> towns = postalCodes.townsOf(prefecture, city);
        String town = towns.stream().filter(afterCity::startsWith).max(Comparator.comparingInt(String::length)).orElse("");
        String street = "";
        if (town.isEmpty()) {
            StreetAndTown kyoto = StreetAndTown.of(towns, afterCity);
            street = kyoto.street();
            town = kyoto.town();
        }
        String afterTown = afterCity.substring(street.length() + town.length());
        Matcher chome = CHOME.matcher(afterTown);
        if (!town.isEmpty() && chome.find()) {
            town += chome.group(1);
            afterTown = afterTown.substring(chome.end());
        }
        String line = (street.isEmpty() ? afterTown : street + " " + afterTown.strip()).strip();
        return new Split(prefecture, city, town, line, !town.isEmpty() || towns.isEmpty());
    }

    /** A Kyoto address's street and directions, and the town named last after them; empty strings when none. */
    private record StreetAndTown(String street, String town) {

        static StreetAndTown of(Set<String> towns, String afterCity) {
            // the town named last after the street and its directions (烏丸 is a street and also a town)
            String street = "";
            String town = "";
            Matcher kyoto = KYOTO_STREETS.matcher(afterCity);
            for (String candidate : towns) {
                int at = afterCity.lastIndexOf(candidate);
                boolean later = at > street.length() || (at == street.length() && candidate.length() > town.length());
                if (at > 0 && later && kyoto.region(0, at).matches()) {
                    town = candidate;
                    street = afterCity.substring(0, at);
                }
            }
            return new StreetAndTown(street, town);
        }
    }

    /** A city name at the start of the address, written in full or without its 郡 (石狩郡当別町 as 当別町). */
    private record CityMatch(String name, int length) {

        static Optional<CityMatch> of(String city, String address) {
            if (address.startsWith(city)) {
                return Optional.of(new CityMatch(city, city.length()));
            }
            int county = city.indexOf('郡');
            if (county > 0 && county < city.length() - 1 && address.startsWith(city.substring(county + 1))) {
                return Optional.of(new CityMatch(city, city.length() - county - 1));
            }
            return Optional.empty();
        }
    }

    /** Full-width digits and letters folded, every kind of space one space, dashes one dash. */
    private static String normalize(String address) {
        return Normalizer.normalize(address == null ? "" : address, Normalizer.Form.NFKC)
                .replaceAll("[‐‑‒–—―ー−－](?=[0-9])|(?<=[0-9])[‐‑‒–—―ー−－]", "-")
                .replaceAll("\\s+", " ").strip();
    }
}
