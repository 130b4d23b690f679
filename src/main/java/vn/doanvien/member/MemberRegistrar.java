package vn.doanvien.member;

import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** Registers a member from another feature (an approved online join request) through the member rules. */
@ApplicationScoped
public class MemberRegistrar {

    /** The new member's id and card number. */
    public record Registered(long id, String cardNumber) {
    }

    private final MemberService members;

    MemberRegistrar(MemberService members) {
        this.members = members;
    }

    /**
     * Same rules as POST /members (duplicate identity 409, union active on joinedOn, ...), in the reach of the
     * officer who approves the request.
     */
    public Registered register(String fullName, LocalDate dateOfBirth, String gender, String nationality,
                               String nationalId, String passportNumber, String phone, String email,
                               long grassrootsUnionId, LocalDate joinedOn, Reach reach) {
        MemberResponse created = members.create(new MemberCreateRequest(fullName, dateOfBirth,
                gender == null ? null : Gender.valueOf(gender), nationality, nationalId, passportNumber, phone, email,
                grassrootsUnionId, joinedOn), reach);
        return new Registered(created.id(), created.cardNumber());
    }
}
