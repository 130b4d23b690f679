package vn.doanvien.security.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** One recorded write: who, when, from where, on what, and the changed fields (personal data masked). */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    public Long id;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    @Column(name = "api_key_id")
    public Long apiKeyId;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "entity_type")
    public String entityType;

    @Column(name = "entity_id")
    public String entityId;

    public String action;

    @Column(name = "unit_id")
    public Long unitId;

    @Column(name = "grassroots_union_id")
    public Long grassrootsUnionId;

    /** JSON: {"field": {"from": ..., "to": ...}}. */
    public String changes;
}
