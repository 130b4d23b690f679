package vn.doanvien.sync;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.Problem;
import vn.doanvien.member.MemberRules;
import vn.doanvien.member.MemberStatus;

/**
 * The rules an item of a sync batch or an import row must keep on its own, before the registry is read: its
 * constraints, its papers (the identity it names), dates not in the future and in order, a departure's status and
 * reason only with its date, an externalId only with the unit that owns it.
 */
final class SyncItemRules {

    private SyncItemRules() {
    }

    /** The identity an item names (null when it is null), and the 400 problem that lists what it breaks, if any. */
    record Checked(MemberRules.Identity identity, Problem problem) {
    }

    static Checked check(SyncMemberItem item, int index, Long owner, LocalDate today, Validator validator) {
        if (item == null) {
            return new Checked(null, ApiProblem.invalid("members[" + index + "]", "must not be null")
                    .toProblem(null));
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<SyncMemberItem> v : validator.validate(item)) {
            errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
        }
        MemberRules.Identity identity = MemberRules.identity(item.nationality(), item.nationalId(),
                item.passportNumber(), errors);
        if (item.joinedOn() != null && item.joinedOn().isAfter(today)) {
            errors.add(new Problem.FieldError("joinedOn", "must not be in the future"));
        }
        MemberRules.checkDateOfBirth(item.dateOfBirth(), item.joinedOn(), today, errors);
        if (item.externalId() != null && owner == null) {
            errors.add(new Problem.FieldError("externalId", "needs upperLevelUnitId in the request, the unit that owns it"));
        }
        if (item.externalId() != null && item.externalId().isBlank()) {
            errors.add(new Problem.FieldError("externalId", "must not be blank"));
        }
        if (item.transferredOn() != null && item.transferredOn().isAfter(today)) {
            errors.add(new Problem.FieldError("transferredOn", "must not be in the future"));
        }
        if (item.leftOn() != null) {
            if (item.leftOn().isAfter(today)) {
                errors.add(new Problem.FieldError("leftOn", "must not be in the future"));
            } else if (item.joinedOn() != null && !item.leftOn().isAfter(item.joinedOn())) {
                errors.add(new Problem.FieldError("leftOn", "must be after joinedOn"));
            }
            if (item.status() == MemberStatus.ACTIVE) {
                errors.add(new Problem.FieldError("status", "must be LEFT, DECEASED or EXPELLED when leftOn is given"));
            }
        } else {
            if (item.status() != null && item.status() != MemberStatus.ACTIVE) {
                errors.add(new Problem.FieldError("leftOn", "is required when status is " + item.status()));
            }
            if (item.leaveReason() != null && !item.leaveReason().isBlank()) {
                errors.add(new Problem.FieldError("leaveReason", "must be absent without leftOn"));
            }
        }
        return new Checked(identity, errors.isEmpty() ? null : ApiProblem.invalid(errors).toProblem(null));
    }
}
