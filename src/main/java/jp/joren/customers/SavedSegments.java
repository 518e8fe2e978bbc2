package jp.joren.customers;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import jp.joren.shared.EditConflict;
import jp.joren.tenancy.CurrentTenant;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current shop's saved segments: named filters of the customer list (issue 18). */
@Service
@Transactional
@RequiredArgsConstructor
public class SavedSegments {

    /** The longest name the list's chips show whole. */
    public static final int NAME_LENGTH = 60;

    private static final String SELECT = "select id, name, filter, version from saved_segment where tenant_id = :shop";

    private final JdbcClient jdbc;
    private final CustomerList list;
    private final Clock clock;
    private final ObjectProvider<SavedSegmentUse> uses;

    /** Save the filter {@code filter} (a list query string) as {@code name}. */
    public record SaveSegment(String name, String filter) {
    }

    /** Rename the segment, as opened at {@code version}. */
    public record RenameSegment(long id, String name, long version) {
    }

    /** The name is another segment's, however differently typed (width, case, spaces). */
    public static class NameTaken extends RuntimeException {
        public NameTaken() {
            super("name taken", null, false, false);
        }
    }

    /** A campaign not sent yet goes to the segment: {@code needing} names them. */
    public static class InUse extends RuntimeException {
        private final List<String> needing;

        public InUse(List<String> needing) {
            super("in use", null, false, false);
            this.needing = needing;
        }

        public List<String> needing() {
            return needing;
        }
    }

    @Transactional(readOnly = true)
    public List<SavedSegment> all() {
        return jdbc.sql(SELECT + " order by name_key(name), id").param("shop", CurrentTenant.require())
                .query(SavedSegment.class).list();
    }

    @Transactional(readOnly = true)
    public Optional<SavedSegment> find(long id) {
        return jdbc.sql(SELECT + " and id = :id").param("shop", CurrentTenant.require()).param("id", id)
                .query(SavedSegment.class).optional();
    }

    /** The customers the list shows today for the segment, as a query of ids (see {@link CustomerList#matching}). */
    @Transactional(readOnly = true)
    public Optional<CustomerList.Match> matching(long id) {
        return find(id).map(segment -> list.matching(segment.customerFilter()));
    }

    /**
     * @return the new segment's id
     * @throws NameTaken when the shop has a segment of that name
     */
    public long save(SaveSegment command) {
        // the filter as the list spells it, whatever the address said (order, defaults, the page)
        String filter = CustomerFilter.ofQuery(command.filter()).toQuery();
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        return jdbc.sql("""
                        insert into saved_segment (tenant_id, name, filter, created_at, updated_at)
                        values (:shop, :name, :filter, :now, :now)
                        on conflict (tenant_id, name_key(name)) do nothing
                        returning id""")
                .param("shop", CurrentTenant.require()).param("name", command.name().strip()).param("filter", filter)
                .param("now", now)
                .query(Long.class).optional().orElseThrow(NameTaken::new);
    }

    /**
     * @throws NameTaken when another segment has that name
     * @throws EditConflict when it was renamed or deleted since it was opened
     */
    public void rename(RenameSegment command) {
        long shop = CurrentTenant.require();
        String name = command.name().strip();
        boolean taken = jdbc.sql("""
                        select exists (select 1 from saved_segment
                                        where tenant_id = :shop and name_key(name) = name_key(:name) and id <> :id)""")
                .param("shop", shop).param("name", name).param("id", command.id()).query(Boolean.class).single();
        if (taken) {
            throw new NameTaken();
        }
        int renamed;
        try {
            renamed = jdbc.sql("""
                            update saved_segment set name = :name, version = version + 1, updated_at = :now
                             where tenant_id = :shop and id = :id and version = :version""")
                    .param("name", name).param("now", OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC))
                    .param("shop", shop).param("id", command.id()).param("version", command.version())
                    .update();
        } catch (DuplicateKeyException renamedAlike) {
            // someone gave another segment this name since the check above
            throw new NameTaken();
        }
        if (renamed == 0) {
            throw new EditConflict();
        }
    }

    /**
     * Deletes the segment unless a campaign not sent yet goes to it.
     * @throws InUse naming those campaigns; nothing is deleted then
     */
    public void delete(long id) {
        long shop = CurrentTenant.require();
        // held until the commit, so that no campaign takes the segment up between the check and the delete
        boolean exists = jdbc.sql("select id from saved_segment where tenant_id = :shop and id = :id for update")
                .param("shop", shop).param("id", id).query(Long.class).optional().isPresent();
        if (!exists) {
            return;
        }
        List<String> needing = uses.orderedStream().flatMap(use -> use.needing(id).stream()).toList();
        if (!needing.isEmpty()) {
            throw new InUse(needing);
        }
        uses.orderedStream().forEach(use -> use.release(id));
        jdbc.sql("delete from saved_segment where tenant_id = :shop and id = :id")
                .param("shop", shop).param("id", id).update();
    }
}
