package vn.doanvien.figures;

import vn.doanvien.common.Params;
import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Problem;
import vn.doanvien.common.Today;
import vn.doanvien.figures.MemberCountDtos.BulkResponse;
import vn.doanvien.figures.MemberCountDtos.ItemResult;
import vn.doanvien.figures.MemberCountDtos.MemberCountItem;
import vn.doanvien.figures.MemberCountDtos.MemberCountRequest;
import vn.doanvien.figures.MemberCountDtos.MemberCountResponse;
import vn.doanvien.figures.MemberCountDtos.Outcome;
import vn.doanvien.grassroots.GrassrootsUnion;
import vn.doanvien.grassroots.GrassrootsUnionRepository;

/** Monthly member counts of grassroots unions that do not keep member lists here, one at a time or in bulk. */
@ApplicationScoped
@Transactional
class MemberCountService {

    record Saved(MemberCountResponse count, Outcome outcome) {
    }

    private final MemberCountRepository counts;
    private final GrassrootsUnionRepository unions;
    private final Validator validator;

    MemberCountService(MemberCountRepository counts, GrassrootsUnionRepository unions, Validator validator) {
        this.counts = counts;
        this.unions = unions;
        this.validator = validator;
    }

    Saved put(long grassrootsUnionId, YearMonth month, String ifMatch, MemberCountRequest req, Reach reach) {
        GrassrootsUnion union = unions.getForWrite(grassrootsUnionId, reach);
        return save(union, month, ifMatch, req.members(), req.joined(), req.left(), req.workforce(), req.note());
    }

    List<MemberCountResponse> list(long grassrootsUnionId, Reach reach) {
        return counts.ofUnion(unions.get(grassrootsUnionId, reach)).stream().map(MemberCountResponse::of).toList();
    }

    MemberCountResponse get(long grassrootsUnionId, YearMonth month, Reach reach) {
        return counts.of(unions.get(grassrootsUnionId, reach), month)
                .map(MemberCountResponse::of)
                .orElseThrow(() -> ApiProblem.notFound("Member count of grassroots union " + grassrootsUnionId
                        + " for", month));
    }

    void delete(long grassrootsUnionId, YearMonth month, Reach reach) {
        MemberCount c = counts.of(unions.getForWrite(grassrootsUnionId, reach), month)
                .orElseThrow(() -> ApiProblem.notFound("Member count of grassroots union " + grassrootsUnionId
                        + " for", month));
        counts.delete(c);
    }

    /**
     * Stores every valid item and rejects the others, in one transaction; an item that repeats an earlier
     * item's union and month is rejected, so the outcome never depends on the order of duplicates. A union
     * outside the units the caller may write in refuses the whole request (403) before anything is written.
     */
    BulkResponse bulk(List<MemberCountItem> items, Reach reach) {
        for (MemberCountItem item : items) {
            if (item != null && item.grassrootsUnionId() != null) {
                unions.findForWrite(item.grassrootsUnionId(), reach, false);
            }
        }
        List<ItemResult> results = new ArrayList<>(items.size());
        Set<String> seen = new HashSet<>();
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        int rejected = 0;
        for (int i = 0; i < items.size(); i++) {
            MemberCountItem item = items.get(i);
            try {
                List<Problem.FieldError> errors = new ArrayList<>();
                for (ConstraintViolation<MemberCountItem> v : validator.validate(item)) {
                    errors.add(new Problem.FieldError(v.getPropertyPath().toString(), v.getMessage()));
                }
                errors.sort(Comparator.comparing(Problem.FieldError::field));
                if (!errors.isEmpty()) {
                    throw ApiProblem.invalid(errors);
                }
                YearMonth month = month(item.month());
                if (!seen.add(item.grassrootsUnionId() + "/" + month)) {
                    throw ApiProblem.invalid("month", "grassroots union " + item.grassrootsUnionId() + " and month "
                            + month + " appear earlier in this request");
                }
                GrassrootsUnion union = unions.findForWrite(item.grassrootsUnionId(), reach, false).orElseThrow(() ->
                        ApiProblem.invalid("grassrootsUnionId", "grassroots union " + item.grassrootsUnionId()
                                + " does not exist"));
                Saved saved = save(union, month, null, item.members(), item.joined(), item.left(),
                        item.workforce(), item.note());
                switch (saved.outcome()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    default -> unchanged++;
                }
                results.add(new ItemResult(i, union.id, month.toString(), saved.outcome(), saved.count(), null));
            } catch (ApiProblem p) {
                rejected++;
                results.add(new ItemResult(i, item.grassrootsUnionId(), item.month(), Outcome.REJECTED, null,
                        p.toProblem(null)));
            }
        }
        return new BulkResponse(created, updated, unchanged, rejected, results);
    }

    private Saved save(GrassrootsUnion union, YearMonth month, String ifMatch, Integer members, Integer joined,
                       Integer left, Integer workforce, String note) {
        if (month.isAfter(YearMonth.from(Today.date()))) {
            throw ApiProblem.invalid("month", "must not be in the future");
        }
        if (month.isBefore(YearMonth.from(union.foundedOn))) {
            throw ApiProblem.invalid("month", "is before the union was founded (" + union.foundedOn + ")");
        }
        if (members == null && joined == null && left == null && workforce == null) {
            throw ApiProblem.invalid("members", "at least one of members, joined, left, workforce is required");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.trim();
        MemberCount count = counts.of(union, month).orElse(null);
        Outcome outcome;
        if (count == null) {
            count = new MemberCount();
            count.key = new MemberCount.Key(union.id, month.atDay(1));
            outcome = Outcome.CREATED;
        } else {
            ETags.checkIfMatch(ifMatch, count.version);
            boolean same = Objects.equals(count.members, members) && Objects.equals(count.joined, joined)
                    && Objects.equals(count.left, left) && Objects.equals(count.workforce, workforce)
                    && Objects.equals(count.note, cleanNote);
            if (same) {
                return new Saved(MemberCountResponse.of(count), Outcome.UNCHANGED);
            }
            outcome = Outcome.UPDATED;
        }
        count.members = members;
        count.joined = joined;
        count.left = left;
        count.workforce = workforce;
        count.note = cleanNote;
        if (outcome == Outcome.CREATED) {
            counts.persist(count);
        }
        counts.flush();
        return new Saved(MemberCountResponse.of(count), outcome);
    }

    static YearMonth month(String value) {
        return Params.requiredMonth("month", value);
    }

    static URI location(long grassrootsUnionId, String month) {
        return URI.create("/api/v1/grassroots-unions/" + grassrootsUnionId + "/member-counts/" + month);
    }
}
