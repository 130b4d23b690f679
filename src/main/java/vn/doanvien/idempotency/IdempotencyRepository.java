package vn.doanvien.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.Optional;

/** Stored idempotent responses. */
@ApplicationScoped
class IdempotencyRepository implements PanacheRepositoryBase<IdempotencyRecord, String> {

    Optional<IdempotencyRecord> findLive(String key, OffsetDateTime now) {
        return find("key = ?1 and expiresAt > ?2", key, now).firstResultOptional();
    }

    long deleteExpired(OffsetDateTime now) {
        return delete("expiresAt <= ?1", now);
    }
}
