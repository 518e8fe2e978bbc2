package jp.joren.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every word a user reads comes from the message bundles, in Japanese and in English. */
class MessagesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path JAVA = Path.of("src/main/java");
    /** Each feature keeps its words in its own bundle (spring.messages.basename lists them all). */
    private static final List<String> BASENAMES = basenames();
    private static final Set<String> TEXT_ATTRIBUTES = Set.of("placeholder", "title", "alt", "aria-label", "value");

    @Test
    void templatesContainNoLiteralTextOutsideMessageExpressions() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates()) {
            Document page = Jsoup.parse(Files.readString(template));
            for (Element element : page.getAllElements()) {
                // a key cap (<kbd>F9</kbd>) is the same in every language
                boolean keyCap = element.tagName().equals("kbd") && element.ownText().matches("F\\d{1,2}|Enter|Esc");
                if (!element.ownText().isBlank() && !replacedByThymeleaf(element) && !keyCap) {
                    literals.add(template + ": <" + element.tagName() + "> " + element.ownText());
                }
                element.attributes().forEach(attribute -> {
                    boolean carriesText = TEXT_ATTRIBUTES.contains(attribute.getKey())
                            && !(attribute.getKey().equals("value") && !isButtonLike(element));
                    if (carriesText && !attribute.getValue().isBlank() && !attribute.getValue().matches("[a-z0-9_-]*")) {
                        literals.add(template + ": " + attribute.getKey() + "=\"" + attribute.getValue() + "\"");
                    }
                });
            }
        }
        assertThat(literals).isEmpty();
    }

    /** A text-mode template (a mail's plain text) shows only what its [(...)] and [[...]] expressions write. */
    @Test
    void textTemplatesContainNoLiteralTextOutsideExpressions() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path template : templates(".txt")) {
            String outside = Files.readString(template).replaceAll("\\[\\((.*?)\\)]|\\[\\[(.*?)]]|\\[#[^\\]]*]|\\[/]", "");
            // a signature's "--" and the like are layout, not words
            if (outside.codePoints().anyMatch(Character::isLetterOrDigit)) {
                literals.add(template + ": " + outside.strip());
            }
        }
        assertThat(templates(".txt")).isNotEmpty();
        assertThat(literals).isEmpty();
    }

    @Test
    void japaneseAndEnglishBundlesHaveTheSameKeys() throws IOException {
        for (String basename : BASENAMES) {
            assertThat(bundle(basename + "_en.properties").stringPropertyNames()).as(basename)
                    .containsExactlyInAnyOrderElementsOf(bundle(basename + ".properties").stringPropertyNames());
        }
    }

    /**
     * A message with arguments goes through MessageFormat, where a lone apostrophe starts a quote: "the shop's
     * {0}" would print "the shops 3". Such messages spell the apostrophe twice.
     */
    @Test
    void everyApostropheOfAMessageWithArgumentsIsDoubled() throws IOException {
        List<String> lone = new ArrayList<>();
        for (String basename : BASENAMES) {
            for (String file : List.of(basename + ".properties", basename + "_en.properties")) {
                Properties messages = bundle(file);
                for (String key : messages.stringPropertyNames()) {
                    String message = messages.getProperty(key);
                    if (message.matches("(?s).*\\{\\d.*") && message.replace("''", "").contains("'")) {
                        lone.add(file + ": " + key + "=" + message);
                    }
                }
            }
        }
        assertThat(lone).isEmpty();
    }

    @Test
    void noKeyIsDefinedInTwoBundles() throws IOException {
        Set<String> seen = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (String basename : BASENAMES) {
            for (String key : bundle(basename + ".properties").stringPropertyNames()) {
                if (!seen.add(key)) {
                    twice.add(basename + ": " + key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyMessageKeyUsedInTemplatesAndCodeExists() throws IOException {
        Set<String> known = new TreeSet<>();
        for (String basename : BASENAMES) {
            known.addAll(bundle(basename + ".properties").stringPropertyNames());
        }
        Set<String> used = new TreeSet<>();
        for (Path template : Stream.concat(templates().stream(), templates(".txt").stream()).toList()) {
            collect(Pattern.compile("#\\{([A-Za-z0-9_.]+)[}(]"), Files.readString(template), used);
        }
        try (Stream<Path> sources = Files.walk(JAVA)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                collect(Pattern.compile("\\{((?:validation|error)\\.[A-Za-z0-9_.]+)}"), code, used);
                collect(Pattern.compile("\"((?:validation|staff|settings|store|login|customer|catalog|purchase|import|export|join|audit|dashboard|portfolio|runs|segment|cell)\\.[A-Za-z0-9_.]*[A-Za-z0-9_])\""), code, used);
            }
        }
        assertThat(used).isNotEmpty();
        assertThat(known).containsAll(used);
    }

    private static boolean replacedByThymeleaf(Element element) {
        // the page's <html th:replace="layout(...)"> only wraps the page in the layout: its text still shows
        for (Element e = element; e != null && !e.tagName().equals("html"); e = e.parent()) {
            if (e.hasAttr("th:text") || e.hasAttr("th:utext") || e.hasAttr("th:replace") || e.hasAttr("th:insert")
                    || e.hasAttr("th:errors")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isButtonLike(Element element) {
        String type = element.attr("type");
        return element.tagName().equals("button") ? false
                : element.tagName().equals("input") && (type.equals("submit") || type.equals("button"));
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static List<Path> templates() throws IOException {
        return templates(".html");
    }

    private static List<Path> templates(String suffix) throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static List<String> basenames() {
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream("application.properties")) {
            Properties application = new Properties();
            application.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return List.of(application.getProperty("spring.messages.basename").split("\\s*,\\s*"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessagesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
