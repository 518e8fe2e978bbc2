package jp.joren.accounts;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session's JDBC store writes a session's row back after every request, only to move its last access
 * time when nothing else changed: on the counter, one more transaction for every sale. This store writes a
 * session back when something in it changed (a login, the language, a flash message) or when its last write
 * is {@link #TOUCH_INTERVAL} old; a session of hours then ends at most that much early.
 */
final class SparingSessionRepository
        implements FindByIndexNameSessionRepository<SparingSessionRepository.SparingSession>, DisposableBean {

    static final Duration TOUCH_INTERVAL = Duration.ofMinutes(1);

    private final JdbcIndexedSessionRepository jdbcStore;
    private final FindByIndexNameSessionRepository<Session> store;

    @SuppressWarnings("unchecked")
    SparingSessionRepository(JdbcIndexedSessionRepository jdbcStore) {
        this.jdbcStore = jdbcStore;
        // the store's own session type is not public; it only ever receives the sessions it made
        this.store = (FindByIndexNameSessionRepository<Session>) (FindByIndexNameSessionRepository<?>) jdbcStore;
    }

    /** Stops the store's clean-up of expired sessions with the application. */
    @Override
    public void destroy() {
        jdbcStore.destroy();
    }

    @Override
    public SparingSession createSession() {
        return new SparingSession(store.createSession(), null);
    }

    @Override
    public void save(SparingSession session) {
        if (session.changed || session.writtenAccess == null
                || Duration.between(session.writtenAccess, session.getLastAccessedTime()).compareTo(TOUCH_INTERVAL) >= 0) {
            store.save(session.stored);
            session.changed = false;
            session.writtenAccess = session.getLastAccessedTime();
        }
    }

    @Override
    public @Nullable SparingSession findById(String id) {
        Session found = store.findById(id);
        return found == null ? null : new SparingSession(found, found.getLastAccessedTime());
    }

    @Override
    public void deleteById(String id) {
        store.deleteById(id);
    }

    @Override
    public Map<String, SparingSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, SparingSession> sessions = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
                .forEach((id, session) -> sessions.put(id, new SparingSession(session, session.getLastAccessedTime())));
        return sessions;
    }

    /** A stored session that knows whether anything but its last access time changed since it was read. */
    static final class SparingSession implements Session {

        private final Session stored;
        /** The last access time the row holds; null before the session is first written. */
        private @Nullable Instant writtenAccess;
        private boolean changed;

        private SparingSession(Session stored, @Nullable Instant writtenAccess) {
            this.stored = stored;
            this.writtenAccess = writtenAccess;
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            changed = true;
            return stored.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            changed = true;
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            changed = true;
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            stored.setLastAccessedTime(lastAccessedTime);
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            changed = true;
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }
    }
}
