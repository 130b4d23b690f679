package vn.doanvien.security.joining;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import vn.doanvien.security.PersonalData;
import vn.doanvien.security.PersonalDataConverter;

/** A worker's request to join, sent from the mobile app without an account. */
@Entity
@Table(name = "join_request")
public class JoinRequest extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "join_request_seq")
    @SequenceGenerator(name = "join_request_seq", sequenceName = "join_request_seq", allocationSize = 50)
    public Long id;

    public String reference;

    @Column(name = "secret_hash")
    public String secretHash;

    public String status;

    @Column(name = "full_name")
    public String fullName;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    public String gender;
    public String nationality;

    @Convert(converter = PersonalDataConverter.class)
    @Column(name = "national_id")
    public String nationalId;

    @Column(name = "national_id_hash")
    public String nationalIdHash;

    @Convert(converter = PersonalDataConverter.class)
    @Column(name = "passport_number")
    public String passportNumber;

    @Convert(converter = PersonalDataConverter.class)
    public String phone;

    public String email;

    @Column(name = "employer_tax_code")
    public String employerTaxCode;

    @Column(name = "employer_name")
    public String employerName;

    @Column(name = "province_code")
    public String provinceCode;

    @Column(name = "enterprise_id")
    public Long enterpriseId;

    @Column(name = "grassroots_union_id")
    public Long grassrootsUnionId;

    @Column(name = "unit_id")
    public Long unitId;

    public String routing;

    @Column(name = "decided_by")
    public String decidedBy;

    @Column(name = "decided_at")
    public OffsetDateTime decidedAt;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "member_id")
    public Long memberId;

    @Column(name = "client_address")
    public String clientAddress;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    @PrePersist
    @PreUpdate
    void derive() {
        nationalIdHash = nationalId == null ? null : PersonalData.hash(nationalId);
    }
}
