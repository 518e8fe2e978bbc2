package jp.joren.accounts;

import java.net.URI;

/** The path and query of an address, so that a redirect built from it can only stay on this site. */
final class SitePath {

    private SitePath() {
    }

    static String of(String address) {
        URI uri = URI.create(address);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
