package vn.doanvien.idempotency;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import vn.doanvien.security.PersonalDataConverter;

/** The stored outcome of one write sent with an {@code Idempotency-Key}. */
@Entity
@Table(name = "idempotency_record")
class IdempotencyRecord extends PanacheEntityBase {

    /** The caller's identity, a line feed, and the Idempotency-Key. */
    @Id
    @Column(name = "idem_key")
    public String key;

    /** Whose key it is: {@code user:name}, {@code api-key:id} or {@code anonymous}. */
    public String caller;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "http_status")
    public int httpStatus;

    /** Encrypted at rest: a stored answer may hold personal data (a member's national ID). */
    @Convert(converter = PersonalDataConverter.class)
    @Column(name = "response_body")
    public String responseBody;

    public String location;

    public String etag;

    @Column(name = "created_at")
    public OffsetDateTime createdAt;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;
}
