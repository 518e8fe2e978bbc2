package jp.joren.tenancy;

import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The shop the current thread works for: one bound explicitly (jobs, sign-up, public pages), else the
 * authenticated principal's. Transactions started on this thread are bound to it.
 */
public final class CurrentTenant {

    private static final ThreadLocal<Long> BOUND = new ThreadLocal<>();

    private CurrentTenant() {
    }

    public static Optional<Long> id() {
        Long bound = BOUND.get();
        if (bound != null) {
            return Optional.of(bound);
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof TenantMember member) {
            return Optional.of(member.tenantId());
        }
        return Optional.empty();
    }

    public static long require() {
        return id().orElseThrow(() -> new IllegalStateException("No shop is bound to this thread"));
    }

    /** Runs {@code work} for the given shop; transactions it starts see that shop's rows only. */
    public static <T> T callAs(long tenantId, Supplier<T> work) {
        Long previous = BOUND.get();
        BOUND.set(tenantId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                BOUND.remove();
            } else {
                BOUND.set(previous);
            }
        }
    }

    public static void runAs(long tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }
}
