package jp.joren.forecast;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The CDNOW sample (Fader &amp; Hardie 2001, Interfaces 31(3); research data, shared/data/cdnow): 2,357 real
 * customers' purchases, read with the conventions of the published BG/NBD results — purchases of a
 * customer on the same day merged into one, calibration from 1997-01-01 to 1997-09-30, weeks = days / 7.
 * The file stays outside the project; the tests fail when it cannot be found.
 */
final class Cdnow {

    static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

    private Cdnow() {
    }

    /** Each customer's calibration history, in the order of their ids. */
    static List<VisitHistory> calibration() {
        Map<String, TreeMap<LocalDate, Double>> purchaseDays = new TreeMap<>();
        try {
            for (String line : Files.readAllLines(locate())) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 5) {
                    continue;
                }
                LocalDate day = LocalDate.parse(f[2], DateTimeFormatter.BASIC_ISO_DATE);
                purchaseDays.computeIfAbsent(f[0], id -> new TreeMap<>()).merge(day, Double.parseDouble(f[4]), Double::sum);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return purchaseDays.values().stream().map(Cdnow::history).toList();
    }

    private static VisitHistory history(TreeMap<LocalDate, Double> days) {
        var calibration = days.headMap(CALIBRATION_END, true);
        LocalDate first = calibration.firstKey();
        LocalDate last = calibration.lastKey();
        int repeat = calibration.size() - 1;
        double repeatSpend = calibration.tailMap(first, false).values().stream().mapToDouble(Double::doubleValue).sum();
        return new VisitHistory(repeat, weeks(first, last), weeks(first, CALIBRATION_END),
                repeat == 0 ? 0 : repeatSpend / repeat);
    }

    private static double weeks(LocalDate from, LocalDate to) {
        return ChronoUnit.DAYS.between(from, to) / 7.0;
    }

    private static Path locate() {
        String fromEnvironment = System.getenv("JOREN_CDNOW");
        List<Path> candidates = fromEnvironment != null ? List.of(Path.of(fromEnvironment))
                : List.of(Path.of("..", "shared", "data", "cdnow", "CDNOW_sample.txt"),
                          Path.of("/work/shared/data/cdnow/CDNOW_sample.txt"));
        return candidates.stream().filter(Files::isReadable).findFirst().orElseThrow(() -> new IllegalStateException(
                "The CDNOW sample is needed for these tests and was not found at " + candidates
                        + "; set JOREN_CDNOW to its path"));
    }
}
