package jp.joren.shared;

import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Absolute addresses of Joren, for emails and printed QR codes: always from {@code joren.public-url}, never
 * from the request's Host or X-Forwarded-Host header, which whoever sends the request chooses.
 */
@Component
public class PublicLinks {

    private final String base;

    PublicLinks(SiteProperties site) {
        this.base = site.publicUrl();
    }

    /** The public address with {@code path} (a URI template, expanded by the caller) added. */
    public UriComponentsBuilder to(String path) {
        return UriComponentsBuilder.fromUriString(base).path(path);
    }
}
