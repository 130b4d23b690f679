package vn.doanvien.enterprise;

import vn.doanvien.figures.MembershipLedger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.PagedQuery;
import vn.doanvien.common.Problem;
import vn.doanvien.common.Today;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitKind;
import vn.doanvien.organisation.UnitRepository;
import vn.doanvien.security.Reach;

/** The rules of the enterprise registry. */
@ApplicationScoped
@Transactional
class EnterpriseService {

    static final Map<String, String> SORTABLE = Map.of(
            "name", "name",
            "taxCode", "taxCode",
            "workforce", "workforce",
            "createdAt", "createdAt");

    private final EnterpriseRepository enterprises;
    private final UnitRepository units;

    private final MembershipLedger ledger;

    private final jakarta.enterprise.event.Event<EnterpriseRegistered> registered;

    EnterpriseService(EnterpriseRepository enterprises, UnitRepository units, MembershipLedger ledger,
                      jakarta.enterprise.event.Event<EnterpriseRegistered> registered) {
        this.registered = registered;
        this.enterprises = enterprises;
        this.units = units;
        this.ledger = ledger;
    }

    /** Enterprises in the reach matching the filter; a unit named in it must be in the reach too (else 403). */
    Page<EnterpriseResponse> list(EnterpriseFilter filter, Reach reach, PageRequest page) {
        if (filter.upperLevelUnitId() != null) {
            units.findInReach(filter.upperLevelUnitId(), reach);
        }
        PagedQuery<Enterprise> query = enterprises.search(filter, reach, page);
        List<Enterprise> items = query.query().list();
        long total = query.count();
        Map<Long, Long> unions = enterprises.activeGrassrootsUnionIds(items.stream().map(e -> e.id).toList());
        return Page.of(items.stream().map(e -> EnterpriseResponse.of(e, unions.get(e.id))).toList(), page, total);
    }

    EnterpriseResponse get(long id, Reach reach) {
        return toResponse(enterprises.get(id, reach));
    }

    EnterpriseResponse create(EnterpriseRequest request, Reach reach) {
        checkRules(request, null, reach);
        enterprises.findByTaxCode(request.taxCode()).ifPresent(existing -> {
            throw duplicateTaxCode(existing);
        });
        Enterprise e = new Enterprise();
        apply(e, request);
        enterprises.persistAndFlush(e);
        registered.fire(new EnterpriseRegistered(e.id, e.taxCode));
        return EnterpriseResponse.of(e, null);
    }

    EnterpriseResponse update(long id, EnterpriseRequest request, String ifMatch, Reach reach) {
        Enterprise e = enterprises.getForWrite(id, reach);
        ETags.checkIfMatch(ifMatch, e.version);
        checkRules(request, e, reach);
        enterprises.findByTaxCode(request.taxCode())
                .filter(other -> !other.id.equals(e.id))
                .ifPresent(other -> {
                    throw duplicateTaxCode(other);
                });
        // The figures by dimension follow the enterprise's province, ownership, industry, investor country and
        // workforce as recorded now: a change moves its unions' members to the new values.
        ledger.enterpriseChanged(e.id, () -> {
            apply(e, request);
            // Flush so that the response carries the incremented version and the new updatedAt.
            enterprises.flush();
        });
        return toResponse(e);
    }

    void delete(long id, Reach reach) {
        Enterprise e = enterprises.getForWrite(id, reach);
        long unions = enterprises.countGrassrootsUnions(id);
        if (unions > 0) {
            throw ApiProblem.conflict("Enterprise " + id + " is referenced by " + unions
                    + " grassroots union(s), active or dissolved; it cannot be deleted");
        }
        enterprises.delete(e);
    }

    private EnterpriseResponse toResponse(Enterprise e) {
        return EnterpriseResponse.of(e, enterprises.activeGrassrootsUnionIds(List.of(e.id)).get(e.id));
    }

    /** The cross-field rules, all reported at once. {@code current} is null on create. */
    private void checkRules(EnterpriseRequest r, Enterprise current, Reach reach) {
        if (r.upperLevelUnitId() == null && !reach.everything()) {
            // an enterprise without an upper-level union sits in no officer's subtree
            throw reach.forbidden("an enterprise without upperLevelUnitId");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        LocalDate today = Today.date();
        if (r.ownership() == Ownership.FOREIGN_INVESTED && r.investorCountry() == null) {
            errors.add(new Problem.FieldError("investorCountry", "is required for a FOREIGN_INVESTED enterprise"));
        } else if (r.ownership() != Ownership.FOREIGN_INVESTED && r.investorCountry() != null) {
            errors.add(new Problem.FieldError("investorCountry",
                    "must be absent unless ownership is FOREIGN_INVESTED"));
        }
        if (r.workforce() != null && r.workforceAsOf() == null) {
            errors.add(new Problem.FieldError("workforceAsOf", "is required when workforce is given"));
        } else if (r.workforce() == null && r.workforceAsOf() != null) {
            errors.add(new Problem.FieldError("workforceAsOf", "must be absent when workforce is absent"));
        } else if (r.workforceAsOf() != null && r.workforceAsOf().isAfter(today)) {
            errors.add(new Problem.FieldError("workforceAsOf", "must not be in the future"));
        }
        // An unchanged upper-level union stays acceptable even if it has since been closed, so that
        // other fields of the enterprise can still be edited.
        boolean unitChanged = current == null || !Objects.equals(current.upperLevelUnitId, r.upperLevelUnitId());
        if (r.upperLevelUnitId() != null && unitChanged) {
            Unit unit = units.findForPlacement(r.upperLevelUnitId(), reach).orElse(null);
            if (unit == null) {
                errors.add(new Problem.FieldError("upperLevelUnitId",
                        "unit " + r.upperLevelUnitId() + " does not exist"));
            } else if (unit.kind != UnitKind.UPPER_LEVEL_UNION || !unit.isActiveOn(today)) {
                errors.add(new Problem.FieldError("upperLevelUnitId",
                        "must be an upper-level union (kind UPPER_LEVEL_UNION) active today"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
    }

    private static void apply(Enterprise e, EnterpriseRequest r) {
        e.taxCode = r.taxCode();
        e.name = r.name().trim();
        e.ownership = r.ownership();
        e.investorCountry = r.investorCountry();
        e.industry = r.industry();
        e.provinceCode = r.provinceCode();
        e.address = r.address();
        e.workforce = r.workforce();
        e.workforceAsOf = r.workforceAsOf();
        e.upperLevelUnitId = r.upperLevelUnitId();
        e.hasIndependentWorkersOrganisation = Boolean.TRUE.equals(r.hasIndependentWorkersOrganisation());
    }

    private static ApiProblem duplicateTaxCode(Enterprise existing) {
        return ApiProblem.duplicate("taxCode", "An enterprise with tax code " + existing.taxCode
                + " already exists (id " + existing.id + ")", existing.id);
    }
}
