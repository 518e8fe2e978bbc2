package jp.joren.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One person's browser session over real HTTP: keeps cookies, and fills in the CSRF token of the page the
 * form came from, as a browser would. Redirects are not followed, so tests can see them.
 */
public final class WebSession {

    public record Page(int status, String location, String body, HttpResponse<String> response) {

        /** Where a redirect leads, as a path within the site (query included). */
        public String path() {
            return location == null ? null : location.replaceFirst("^https?://[^/]+", "");
        }

        public Document document() {
            return Jsoup.parse(body);
        }

        public String text() {
            return document().text();
        }
    }

    private final String base;
    private final int appPort;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public WebSession(int port) {
        this(port, port);
    }

    private WebSession(int appPort, int connectPort) {
        this.base = "http://localhost:" + connectPort;
        this.appPort = appPort;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * A person at {@code clientAddress}, reaching the application through the reverse proxy (TestProxy), which
     * says where they come from in X-Forwarded-For. A session without the proxy comes from 127.0.0.1, and
     * an X-Forwarded-For header it sends itself changes nothing.
     */
    public static WebSession from(String clientAddress, int port) {
        return new WebSession(port, TestProxy.portFor(port)).withHeader("X-Forwarded-For", clientAddress);
    }

    /** Sends this header with every later request. */
    public WebSession withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** GET, following redirects within the site. */
    public Page open(String path) {
        Page page = get(path);
        for (int hops = 0; page.status() / 100 == 3 && hops < 5; hops++) {
            page = get(URI.create(base).resolve(page.location()).getRawPath());
        }
        return page;
    }

    /** Submits the form found by {@code formSelector} on {@code pagePath}, with its hidden fields plus {@code fields}. */
    public Page submit(String pagePath, String formSelector, Map<String, String> fields) {
        Document page = get(pagePath).document();
        Element form = page.selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No form " + formSelector + " on " + pagePath + ":\n" + page.text());
        }
        Map<String, String> data = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> data.put(input.attr("name"), input.attr("value")));
        data.putAll(fields);
        return post(form.attr("action"), data);
    }

    /**
     * Submits a form as {@link #submit} does, but with a Host header of the sender's choosing, as a client that
     * is not a browser can (Java's HTTP client refuses to send one, so this writes the request itself).
     */
    public Page submitWithHost(String host, String pagePath, String formSelector, Map<String, String> fields) {
        Element form = get(pagePath).document().selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("No form " + formSelector + " on " + pagePath);
        }
        Map<String, String> data = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> data.put(input.attr("name"), input.attr("value")));
        data.putAll(fields);
        byte[] body = form(data).getBytes(StandardCharsets.UTF_8);
        String cookie = cookies.getCookieStore().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        URI target = URI.create(base);
        try (java.net.Socket socket = new java.net.Socket(target.getHost(), target.getPort())) {
            StringBuilder request = new StringBuilder("POST " + form.attr("action") + " HTTP/1.1\r\n")
                    .append("Host: ").append(host).append("\r\n")
                    .append("Cookie: ").append(cookie).append("\r\n")
                    .append("Content-Type: application/x-www-form-urlencoded\r\n")
                    .append("Content-Length: ").append(body.length).append("\r\n")
                    .append("Connection: close\r\n");
            headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
            socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(body);
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            String location = response.lines().takeWhile(line -> !line.isEmpty())
                    .filter(line -> line.regionMatches(true, 0, "Location:", 0, 9))
                    .map(line -> line.substring(9).trim()).findFirst().orElse(null);
            return new Page(status, location, response.substring(response.indexOf("\r\n\r\n") + 4), null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public Page post(String path, Map<String, String> fields) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
    }

    /** Posts a multipart form with one file, as a browser uploads it. */
    public Page upload(String path, Map<String, String> fields, String fileField, String filename, byte[] content) {
        String boundary = "----joren" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\""
                + filename + "\"\r\nContent-Type: text/csv\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    public Page send(HttpRequest.Builder request) {
        headers.forEach(request::header);
        if (!headers.containsKey("Accept")) {
            request.header("Accept", "text/html,application/xhtml+xml");
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.headers().firstValue("Location").orElse(null),
                    response.body(), response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String csrfToken(String pagePath) {
        Element token = get(pagePath).document().selectFirst("input[name=_csrf]");
        if (token == null) {
            throw new AssertionError("No CSRF token on " + pagePath);
        }
        return token.attr("value");
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("SESSION"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    public Page logIn(String email, String password) {
        return submit("/login", "form[action$=/login]", Map.of("email", email, "password", password));
    }

    /**
     * The owner (this session) adds a member of staff through the staff page; returns that clerk's own
     * session, logged in.
     */
    public WebSession newClerk(String displayName) {
        String email = "clerk" + System.nanoTime() + "@example.jp";
        Page created = submit("/staff/new", "form[action=/staff]",
                Map.of("displayName", displayName, "email", email, "password", "counter-pass-1"));
        if (created.status() != 302) {
            throw new AssertionError("Could not add a clerk: " + created.document().select(".error").text());
        }
        WebSession clerk = new WebSession(appPort);
        clerk.acceptInvitation(email);
        clerk.logIn(email, "counter-pass-1");
        return clerk;
    }

    /** Opens the staff invitation emailed to {@code email} and joins, as the invited person would. */
    public Page acceptInvitation(String email) {
        java.util.List<jakarta.mail.Message> mails = TestMailbox.get().to(email);
        if (mails.isEmpty()) {
            throw new AssertionError("No invitation reached " + email);
        }
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^/\\s]+(/invitation\\?token=[A-Za-z0-9_-]+)")
                .matcher(TestMailbox.body(mails.get(mails.size() - 1)));
        if (!link.find()) {
            throw new AssertionError("No invitation link in the mail to " + email);
        }
        return submit(link.group(1), "form[action=/invitation]", Map.of());
    }

    public String url(String path) {
        return base + path;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
