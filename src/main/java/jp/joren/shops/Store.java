package jp.joren.shops;

import java.time.Instant;

import jakarta.persistence.Entity;
import jp.joren.tenancy.ShopRow;

/** A branch of the shop; every purchase records its store. */
@Entity
public class Store extends ShopRow {

    private String name;

    private boolean active = true;

    private Instant createdAt = Instant.now();

    protected Store() {
    }

    Store(String name) {
        this.name = name.trim();
    }

    void rename(String newName) {
        this.name = newName.trim();
    }

    void setActive(boolean active) {
        this.active = active;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }
}
