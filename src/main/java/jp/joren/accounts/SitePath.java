package jp.joren.accounts;

import java.net.URI;

/**
 * The path and query of an address, so that a redirect built from it can only stay on this site. A path such
 * as {@code //host/x} would be read by the browser as another site, and an address that is no URI at all
 * leads home.
 */
final class SitePath {

    private SitePath() {
    }

    static String of(String address) {
        URI uri;
        try {
            uri = URI.create(address);
        } catch (IllegalArgumentException notAUri) {
            return "/";
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!path.startsWith("/") || path.startsWith("//") || path.contains("\\")) {
            return "/";
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
