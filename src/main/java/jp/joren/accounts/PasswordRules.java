package jp.joren.accounts;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * What makes a password acceptable: 10 to 128 characters, at least 4 different ones, and neither one of the
 * 10,000 most common passwords (accounts/common-passwords.txt, whose header names its source) nor one of
 * them with digits or signs added at the end ("password2026!"), in any case.
 */
class PasswordRules implements ConstraintValidator<AcceptablePassword, String> {

    static final int MIN_LENGTH = 10;
    static final int MAX_LENGTH = 128;
    private static final int MIN_DIFFERENT_CHARACTERS = 4;

    private static final Set<String> COMMON = load();

    @Override
    public boolean isValid(String password, ConstraintValidatorContext context) {
        if (password == null || password.isEmpty()) {
            return true; // @NotBlank says so
        }
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            return false;
        }
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate("{validation.passwordCommon}").addConstraintViolation();
        String lower = password.toLowerCase(Locale.ROOT);
        String stem = lower.replaceFirst("[\\d\\p{Punct}\\s]+$", "");
        return password.codePoints().distinct().count() >= MIN_DIFFERENT_CHARACTERS
                && !COMMON.contains(lower) && !COMMON.contains(stem);
    }

    private static Set<String> load() {
        try (var reader = new BufferedReader(new InputStreamReader(
                PasswordRules.class.getResourceAsStream("/accounts/common-passwords.txt"), StandardCharsets.UTF_8))) {
            return reader.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
