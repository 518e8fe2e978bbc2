package jp.joren.shops;

import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/** Creates shops for tests through the real sign-up, each with a unique owner email. */
@Component
public class ShopFixtures {

    public record TestShop(long tenantId, String ownerEmail, String password) {
    }

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final ShopSignup signup;

    ShopFixtures(ShopSignup signup) {
        this.signup = signup;
    }

    public TestShop newShop(String name) {
        return newShop(name, "owner" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() + "@test.joren.jp");
    }

    /** A shop whose owner logs in with this email. */
    public TestShop newShop(String name, String email) {
        String password = "correct-horse-1";
        long tenantId = signup.signUp(new NewShop(name, "店主 " + name, email, password, ZoneId.of("Asia/Tokyo"),
                Locale.JAPANESE)).tenantId();
        return new TestShop(tenantId, email, password);
    }
}
