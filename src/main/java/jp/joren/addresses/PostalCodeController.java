package jp.joren.addresses;

import java.time.Duration;

import lombok.RequiredArgsConstructor;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A postal code's place, for the forms that fill the address from it (the counter's customer form, the
 * public sign-up page): Japan Post's public data, so anyone may ask.
 */
@RestController
@RequiredArgsConstructor
class PostalCodeController {

    private final PostalCodes postalCodes;

    @GetMapping("/postal-codes/{code}")
    ResponseEntity<Place> place(@PathVariable String code) {
        return postalCodes.find(code)
                .map(place -> ResponseEntity.ok().cacheControl(CacheControl.maxAge(Duration.ofDays(1))).body(place))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
