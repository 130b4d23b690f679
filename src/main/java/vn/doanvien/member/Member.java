package vn.doanvien.member;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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
import vn.doanvien.common.TextNormalizer;
import vn.doanvien.security.PersonalData;
import vn.doanvien.security.PersonalDataConverter;

/** A union member (đoàn viên), belonging to exactly one grassroots union at a time. */
@Entity
@Table(name = "member")
public class Member extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "member_seq")
    @SequenceGenerator(name = "member_seq", sequenceName = "member_seq", allocationSize = 50)
    public Long id;

    @Column(name = "card_number")
    public String cardNumber;

    @Column(name = "full_name")
    public String fullName;

    @Column(name = "search_text")
    public String searchText;

    @Column(name = "date_of_birth")
    public LocalDate dateOfBirth;

    @Enumerated(EnumType.STRING)
    public Gender gender;

    /** ISO 3166 alpha-2; VN for Vietnamese citizens. */
    public String nationality;

    /** Stored encrypted (security/PersonalData); searched and deduplicated through {@link #nationalIdHash}. */
    @Convert(converter = PersonalDataConverter.class)
    @Column(name = "national_id")
    public String nationalId;

    /** Keyed hash of the national ID: finds duplicates and search hits without reading the value back. */
    @Column(name = "national_id_hash")
    public String nationalIdHash;

    @Convert(converter = PersonalDataConverter.class)
    @Column(name = "passport_number")
    public String passportNumber;

    /**
     * Who this person is, whatever their status: {@code NIDH:<hash of the national id>} or
     * {@code PPH:<hash of country:passport>}, so the clear value is never needed to compare people.
     */
    @Column(name = "identity_key")
    public String identityKey;

    /** {@link #identityKey} while ACTIVE, else null; unique, so a person has at most one active membership. */
    @Column(name = "active_identity_key")
    public String activeIdentityKey;

    @Convert(converter = PersonalDataConverter.class)
    public String phone;

    public String email;

    /** The upper-level unit whose system sends this member with {@link #externalId}; null if none. */
    @Column(name = "external_owner_id")
    public Long externalOwnerId;

    /** The member's id in that unit's system, unique per unit. */
    @Column(name = "external_id")
    public String externalId;

    /** The current grassroots union; the history is in {@link MembershipPeriod}. */
    @Column(name = "grassroots_union_id")
    public Long grassrootsUnionId;

    @Column(name = "joined_on")
    public LocalDate joinedOn;

    @Enumerated(EnumType.STRING)
    public MemberStatus status;

    /** Exclusive: the first day the person is no longer a member. */
    @Column(name = "left_on")
    public LocalDate leftOn;

    @Column(name = "leave_reason")
    public String leaveReason;

    @Version
    public long version;

    @CreationTimestamp
    @Column(name = "created_at", updatable = false)
    public OffsetDateTime createdAt;

    @UpdateTimestamp
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The card number of a member, derived from its id. */
    public static String cardNumberOf(long id) {
        return String.format("DV%010d", id);
    }

    public static String identityKeyOf(String nationalId, String nationality, String passportNumber) {
        if (nationalId != null && !nationalId.isBlank()) {
            return "NIDH:" + PersonalData.hash(nationalId);
        }
        return "PPH:" + PersonalData.hash(nationality + ":" + passportNumber);
    }

    @PrePersist
    @PreUpdate
    void derive() {
        searchText = TextNormalizer.searchText(fullName);
        identityKey = identityKeyOf(nationalId, nationality, passportNumber);
        nationalIdHash = nationalId == null || nationalId.isBlank() ? null : PersonalData.hash(nationalId);
        activeIdentityKey = status == MemberStatus.ACTIVE ? identityKey : null;
    }
}
