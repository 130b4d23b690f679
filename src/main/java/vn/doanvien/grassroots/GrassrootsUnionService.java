package vn.doanvien.grassroots;

import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.PagedQuery;
import vn.doanvien.common.Problem;
import vn.doanvien.common.Today;
import vn.doanvien.enterprise.Enterprise;
import vn.doanvien.enterprise.EnterpriseRepository;
import vn.doanvien.figures.MembershipLedger;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;
import vn.doanvien.organisation.UnitRepository;

/** The rules of founding, editing, moving and dissolving grassroots unions. */
@ApplicationScoped
@Transactional
class GrassrootsUnionService {

    static final Map<String, String> SORTABLE = Map.of(
            "name", "name",
            "code", "code",
            "foundedOn", "foundedOn",
            "createdAt", "createdAt");

    private final GrassrootsUnionRepository unions;
    private final GrassrootsUnionLinkRepository links;
    private final UnitRepository units;
    private final EnterpriseRepository enterprises;
    private final MembershipLedger ledger;

    GrassrootsUnionService(GrassrootsUnionRepository unions, GrassrootsUnionLinkRepository links,
                           UnitRepository units, EnterpriseRepository enterprises, MembershipLedger ledger) {
        this.unions = unions;
        this.links = links;
        this.units = units;
        this.enterprises = enterprises;
        this.ledger = ledger;
    }

    /**
     * Unions in the reach matching the filter; units and enterprises named in it must be in the reach (else 403).
     * An officer who names no unit sees their whole subtree.
     *
     * @param unitId when present, only unions whose current upper-level union lies in this unit's subtree today
     */
    // A transaction of its own, unlike get: an export calls it once per chunk of 5,000, and the end of each
    // transaction frees that chunk's entities (a request-scoped session would hold every row exported)
    Page<GrassrootsUnionResponse> list(GrassrootsUnionFilter filter, Long unitId, Reach reach, PageRequest page) {
        if (filter.upperLevelUnitId() != null) {
            units.findInReach(filter.upperLevelUnitId(), reach);
        }
        if (filter.enterpriseId() != null) {
            enterprises.findInReach(filter.enterpriseId(), reach);
        }
        if (unitId != null) {
            units.findInReach(unitId, reach);
            List<Long> subtree = units.subtreeIds(unitId, Today.date());
            if (subtree.isEmpty()) {
                return Page.of(List.of(), page, 0);
            }
            filter = new GrassrootsUnionFilter(filter.upperLevelUnitId(), subtree, filter.enterpriseId(),
                    filter.status(), filter.q());
        }
        PagedQuery<GrassrootsUnion> search = unions.search(filter, reach, page);
        List<GrassrootsUnion> items = search.query().list();
        long total = search.count();
        Set<Long> ids = items.stream().map(g -> g.id).collect(Collectors.toSet());
        Map<Long, Long> members = unions.countActiveMembers(ids);
        Map<Long, String> unitNames = unions.unitNames(
                items.stream().map(g -> g.upperLevelUnitId).collect(Collectors.toSet()));
        Map<Long, String> enterpriseNames = unions.enterpriseNames(
                items.stream().map(g -> g.enterpriseId).filter(Objects::nonNull).collect(Collectors.toSet()));
        List<GrassrootsUnionResponse> responses = items.stream()
                .map(g -> GrassrootsUnionResponse.of(g, unitNames.get(g.upperLevelUnitId),
                        g.enterpriseId == null ? null : enterpriseNames.get(g.enterpriseId),
                        members.getOrDefault(g.id, 0L)))
                .toList();
        return Page.of(responses, page, total);
    }

    @Transactional(Transactional.TxType.SUPPORTS) // a read: no transaction of its own (see docs/architecture.md)
    GrassrootsUnionResponse get(long id, Reach reach) {
        return toResponse(unions.get(id, reach));
    }

    List<PlacementResponse> placementHistory(long id, Reach reach) {
        unions.get(id, reach);
        return links.placementHistory(id);
    }

    GrassrootsUnionResponse create(GrassrootsUnionCreateRequest r, Reach reach) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (r.foundedOn().isAfter(Today.date())) {
            errors.add(new Problem.FieldError("foundedOn", "must not be in the future"));
        } else {
            checkUpperLevelUnit(r.upperLevelUnitId(), r.foundedOn(), "foundedOn", reach, errors);
        }
        Enterprise enterprise = r.enterpriseId() == null ? null : lockEnterprise(r.enterpriseId(), reach, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        unions.findByCode(r.code()).ifPresent(existing -> {
            throw duplicateCode(existing);
        });
        if (enterprise != null) {
            checkNoOtherActiveUnion(enterprise.id, null);
        }

        GrassrootsUnion g = new GrassrootsUnion();
        g.code = r.code();
        g.name = r.name().trim();
        g.upperLevelUnitId = r.upperLevelUnitId();
        g.enterpriseId = r.enterpriseId();
        g.foundedOn = r.foundedOn();
        g.status = GrassrootsUnionStatus.ACTIVE;
        unions.persist(g);
        GrassrootsUnionLink link = new GrassrootsUnionLink();
        link.grassrootsUnionId = g.id;
        link.unitId = g.upperLevelUnitId;
        link.validFrom = g.foundedOn;
        links.persist(link);
        unions.flush();
        ledger.unionLifeChanged(g.id, null, null, g.foundedOn, null);
        return toResponse(g);
    }

    GrassrootsUnionResponse update(long id, GrassrootsUnionUpdateRequest r, String ifMatch, Reach reach) {
        GrassrootsUnion g = unions.getForWrite(id, reach);
        ETags.checkIfMatch(ifMatch, g.version);
        if (g.status == GrassrootsUnionStatus.DISSOLVED) {
            throw ApiProblem.conflict("Grassroots union " + id + " was dissolved on " + g.dissolvedOn
                    + " and can no longer be edited");
        }
        LocalDate today = Today.date();
        LocalDate effectiveOn = Today.orToday(r.effectiveOn());
        boolean moves = !r.upperLevelUnitId().equals(g.upperLevelUnitId);
        boolean enterpriseChanges = r.enterpriseId() != null && !r.enterpriseId().equals(g.enterpriseId);
        // Unchanged references are not checked again, so that a chair or unit that has since changed
        // does not block editing the other fields.
        boolean chairChanges = r.chairMemberId() != null && !r.chairMemberId().equals(g.chairMemberId);

        List<Problem.FieldError> errors = new ArrayList<>();
        if (effectiveOn.isAfter(today)) {
            errors.add(new Problem.FieldError("effectiveOn", "must not be in the future"));
        } else if (moves) {
            checkUpperLevelUnit(r.upperLevelUnitId(), effectiveOn, "effectiveOn", reach, errors);
        }
        Enterprise enterprise = enterpriseChanges ? lockEnterprise(r.enterpriseId(), reach, errors) : null;
        if (chairChanges && !unions.isActiveMemberOf(r.chairMemberId(), g.id)) {
            errors.add(new Problem.FieldError("chairMemberId",
                    "member " + r.chairMemberId() + " is not an active member of this grassroots union"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        unions.findByCode(r.code())
                .filter(other -> !other.id.equals(g.id))
                .ifPresent(other -> {
                    throw duplicateCode(other);
                });
        if (enterprise != null) {
            checkNoOtherActiveUnion(enterprise.id, g.id);
        }
        if (moves) {
            ledger.moveGrassrootsUnion(g.id, () -> move(g, r.upperLevelUnitId(), effectiveOn));
        }

        Runnable edit = () -> {
            g.code = r.code();
            g.name = r.name().trim();
            g.enterpriseId = r.enterpriseId();
            g.chairMemberId = r.chairMemberId();
            // Flush so that the response carries the incremented version and the new updatedAt.
            unions.flush();
        };
        if (Objects.equals(g.enterpriseId, r.enterpriseId())) {
            edit.run();
        } else {
            // The figures by dimension follow the union's enterprise: its members move to the new one's values.
            ledger.workplaceChanged(List.of(g.id), edit);
        }
        return toResponse(g);
    }

    GrassrootsUnionResponse dissolve(long id, GrassrootsUnionDissolutionRequest r, String ifMatch, Reach reach) {
        GrassrootsUnion g = unions.getForWrite(id, reach);
        ETags.checkIfMatch(ifMatch, g.version);
        if (g.status == GrassrootsUnionStatus.DISSOLVED) {
            throw ApiProblem.conflict("Grassroots union " + id + " is already dissolved (on " + g.dissolvedOn + ")");
        }
        LocalDate dissolvedOn = r.dissolvedOn();
        if (dissolvedOn.isAfter(Today.date())) {
            throw ApiProblem.invalid("dissolvedOn", "must not be in the future");
        }
        if (!dissolvedOn.isAfter(g.foundedOn)) {
            throw ApiProblem.invalid("dissolvedOn", "must be after foundedOn (" + g.foundedOn + ")");
        }
        long active = unions.countActiveMembers(g.id);
        if (active > 0) {
            throw ApiProblem.conflict("Grassroots union " + id + " still has " + active
                    + " active member(s); they must leave or transfer before it can be dissolved");
        }
        GrassrootsUnionLink current = links.findCurrent(g.id).orElse(null);
        if (current != null && !dissolvedOn.isAfter(current.validFrom)) {
            throw ApiProblem.conflict("dissolvedOn must be after " + current.validFrom
                    + ", when the union's current placement began");
        }
        g.dissolvedOn = dissolvedOn;
        g.status = GrassrootsUnionStatus.DISSOLVED;
        g.chairMemberId = null;
        unions.flush();
        // The dissolution is counted where the union stood, then its placement ends on the same day.
        ledger.unionLifeChanged(g.id, g.foundedOn, null, g.foundedOn, dissolvedOn);
        if (current != null) {
            ledger.moveGrassrootsUnion(g.id, () -> {
                current.validTo = dissolvedOn;
                links.flush();
            });
        }
        return toResponse(g);
    }

    /** Ends the current placement on {@code effectiveOn} and starts one under the new unit. */
    private void move(GrassrootsUnion g, Long newUnitId, LocalDate effectiveOn) {
        GrassrootsUnionLink current = links.findCurrent(g.id).orElse(null);
        if (current != null && effectiveOn.isBefore(current.validFrom)) {
            throw ApiProblem.conflict("effectiveOn " + effectiveOn + " is before " + current.validFrom
                    + ", when the union's current placement began; history cannot be rewritten here");
        }
        if (current != null && effectiveOn.equals(current.validFrom)) {
            // Same day as the current placement began: correct it instead of leaving an empty one behind.
            current.unitId = newUnitId;
        } else {
            if (current != null) {
                current.validTo = effectiveOn;
            }
            GrassrootsUnionLink next = new GrassrootsUnionLink();
            next.grassrootsUnionId = g.id;
            next.unitId = newUnitId;
            next.validFrom = effectiveOn;
            links.persist(next);
        }
        g.upperLevelUnitId = newUnitId;
        links.flush();
    }

    /** Adds an error naming upperLevelUnitId unless it is an upper-level union active on {@code date}. */
    private void checkUpperLevelUnit(Long unitId, LocalDate date, String dateField, Reach reach,
                                     List<Problem.FieldError> errors) {
        Unit unit = units.findForPlacement(unitId, reach).orElse(null);
        if (unit == null) {
            errors.add(new Problem.FieldError("upperLevelUnitId", "unit " + unitId + " does not exist"));
        } else if (unit.kind != UnitKind.UPPER_LEVEL_UNION) {
            errors.add(new Problem.FieldError("upperLevelUnitId",
                    "unit " + unitId + " is a " + unit.kind + ", not an UPPER_LEVEL_UNION"));
        } else if (!unit.isActiveOn(date)) {
            errors.add(new Problem.FieldError("upperLevelUnitId",
                    "unit " + unitId + " is not active on " + date + " (" + dateField + ")"));
        }
    }

    /**
     * Loads the enterprise locked for update, so that two requests cannot both found an active union in it.
     * Adds an error naming enterpriseId when it does not exist.
     */
    private Enterprise lockEnterprise(long enterpriseId, Reach reach, List<Problem.FieldError> errors) {
        Enterprise e = enterprises.findForWrite(enterpriseId, reach).orElse(null);
        if (e == null) {
            errors.add(new Problem.FieldError("enterpriseId", "enterprise " + enterpriseId + " does not exist"));
        }
        return e;
    }

    private void checkNoOtherActiveUnion(long enterpriseId, Long self) {
        unions.findActiveInEnterprise(enterpriseId)
                .filter(other -> !other.id.equals(self))
                .ifPresent(other -> {
                    throw ApiProblem.duplicate("enterpriseId", "Enterprise " + enterpriseId
                            + " already has an active grassroots union (id " + other.id + ")", other.id);
                });
    }

    private GrassrootsUnionResponse toResponse(GrassrootsUnion g) {
        String unitName = unions.unitNames(List.of(g.upperLevelUnitId)).get(g.upperLevelUnitId);
        String enterpriseName = g.enterpriseId == null ? null
                : unions.enterpriseNames(List.of(g.enterpriseId)).get(g.enterpriseId);
        return GrassrootsUnionResponse.of(g, unitName, enterpriseName, unions.countActiveMembers(g.id));
    }

    private static ApiProblem duplicateCode(GrassrootsUnion existing) {
        return ApiProblem.duplicate("code", "A grassroots union with code " + existing.code
                + " already exists (id " + existing.id + ")", existing.id);
    }
}
