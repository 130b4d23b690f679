package vn.doanvien.target;

import vn.doanvien.security.Reach;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Today;
import vn.doanvien.figures.Figures;
import vn.doanvien.organisation.Unit;
import vn.doanvien.organisation.UnitLabel;
import vn.doanvien.organisation.UnitRepository;
import vn.doanvien.organisation.UnitTree;
import vn.doanvien.target.TargetDtos.Allocation;
import vn.doanvien.target.TargetDtos.AllocationItem;
import vn.doanvien.target.TargetDtos.AllocationResponse;
import vn.doanvien.target.TargetDtos.TargetCreateRequest;
import vn.doanvien.target.TargetDtos.TargetResponse;
import vn.doanvien.target.TargetDtos.TargetUpdateRequest;

/** Targets and their cascade: creating, changing and allocating them among child units. */
@ApplicationScoped
@Transactional
class TargetService {

    private final TargetRepository targets;
    private final UnitRepository units;
    private final Figures figures;

    TargetService(TargetRepository targets, UnitRepository units, Figures figures) {
        this.targets = targets;
        this.units = units;
        this.figures = figures;
    }

    TargetResponse create(TargetCreateRequest req, Reach reach) {
        Unit scope = units.findForPlacement(req.scopeUnitId(), reach)
                .orElseThrow(() -> ApiProblem.invalid("scopeUnitId", "unit " + req.scopeUnitId() + " does not exist"));
        checkDates(req.baselineDate(), req.deadline());
        checkMetricFields(req.metric(), req.targetValue(), req.minWorkforce());
        if (req.parentTargetId() != null) {
            Target parent = targets.findInReach(req.parentTargetId(), reach).orElseThrow(() ->
                    ApiProblem.invalid("parentTargetId", "target " + req.parentTargetId() + " does not exist"));
            if (parent.metric != req.metric()) {
                throw ApiProblem.invalid("metric", "must be the parent target's metric " + parent.metric);
            }
            targets.childFor(parent.id, scope.id).ifPresent(existing -> {
                throw ApiProblem.duplicate("scopeUnitId", "target " + parent.id
                        + " already has an allocation for unit " + scope.id, existing.id);
            });
        }
        Target t = new Target();
        t.name = req.name().trim();
        t.reference = blankToNull(req.reference());
        t.scopeUnitId = scope.id;
        t.metric = req.metric();
        t.targetValue = req.targetValue();
        t.minWorkforce = req.metric() == TargetMetric.ENTERPRISE_COVERAGE ? req.minWorkforce() : null;
        t.baselineDate = req.baselineDate();
        t.deadline = req.deadline();
        t.parentTargetId = req.parentTargetId();
        targets.persist(t);
        targets.flush();
        return toResponse(t, scope);
    }

    TargetResponse get(long id, Reach reach) {
        Target t = targets.get(id, reach);
        return toResponse(t, scopeOf(t));
    }

    /** Targets in the reach; a unit or parent target named in the filter must be in the reach too (else 403). */
    Page<TargetResponse> list(Long scopeUnitId, TargetMetric metric, Long parentTargetId, boolean topLevel,
                              Reach reach, PageRequest page) {
        if (scopeUnitId != null) {
            units.findInReach(scopeUnitId, reach);
        }
        if (parentTargetId != null) {
            targets.findInReach(parentTargetId, reach);
        }
        Page<Target> found = targets.search(scopeUnitId, metric, parentTargetId, topLevel, reach, page.sort())
                .page(page);
        Map<Long, Unit> scopes = units.byIds(found.items().stream().map(t -> t.scopeUnitId).distinct().toList());
        return found.map(t -> toResponse(t, scopes.get(t.scopeUnitId)));
    }

    TargetResponse update(long id, String ifMatch, TargetUpdateRequest req, Reach reach) {
        Target t = targets.getForWrite(id, reach);
        ETags.checkIfMatch(ifMatch, t.version);
        checkDates(req.baselineDate(), req.deadline());
        checkMetricFields(t.metric, req.targetValue(), req.minWorkforce());
        t.name = req.name().trim();
        t.reference = blankToNull(req.reference());
        t.targetValue = req.targetValue();
        t.minWorkforce = t.metric == TargetMetric.ENTERPRISE_COVERAGE ? req.minWorkforce() : null;
        t.baselineDate = req.baselineDate();
        t.deadline = req.deadline();
        targets.flush();
        return toResponse(t, scopeOf(t));
    }

    void delete(long id, Reach reach) {
        Target t = targets.getForWrite(id, reach);
        if (targets.countChildren(id) > 0) {
            throw ApiProblem.conflict("Target " + id + " has allocations; delete them first");
        }
        targets.delete(t);
    }

    /**
     * Creates or replaces one child target per listed unit. Each unit must be a child of the target's scope
     * today. Child targets copy the metric, dates and minimum workforce of the parent.
     */
    AllocationResponse allocate(long id, List<AllocationItem> items, Reach reach) {
        Target parent = targets.getForWrite(id, reach);
        LocalDate today = Today.date();
        UnitTree tree = figures.tree();
        List<Long> children = tree.childrenOn(parent.scopeUnitId, today);
        List<vn.doanvien.common.Problem.FieldError> errors = new ArrayList<>();
        java.util.Set<Long> seen = new java.util.HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            Long unitId = items.get(i).unitId();
            if (!seen.add(unitId)) {
                errors.add(new vn.doanvien.common.Problem.FieldError("allocations[" + i + "].unitId",
                        "unit " + unitId + " is listed twice"));
            } else if (!children.contains(unitId)) {
                errors.add(new vn.doanvien.common.Problem.FieldError("allocations[" + i + "].unitId",
                        "unit " + unitId + " is not a child of unit " + parent.scopeUnitId + " today"));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        Map<Long, Unit> byId = units.byIds(items.stream().map(AllocationItem::unitId).toList());
        for (AllocationItem item : items) {
            Unit unit = byId.get(item.unitId());
            Target child = targets.childFor(parent.id, unit.id).orElseGet(() -> {
                Target c = new Target();
                c.parentTargetId = parent.id;
                c.scopeUnitId = unit.id;
                c.metric = parent.metric;
                return c;
            });
            child.name = parent.name + " – " + unit.name;
            child.reference = parent.reference;
            child.targetValue = item.targetValue();
            child.minWorkforce = parent.minWorkforce;
            child.baselineDate = parent.baselineDate;
            child.deadline = parent.deadline;
            if (child.id == null) {
                targets.persist(child);
            }
        }
        targets.flush();
        return allocations(parent, tree, today);
    }

    AllocationResponse allocations(long id, Reach reach) {
        return allocations(targets.get(id, reach), figures.tree(), Today.date());
    }

    AllocationResponse allocations(Target parent, UnitTree tree, LocalDate on) {
        List<Target> children = targets.childrenOf(parent.id);
        List<Long> current = tree.childrenOn(parent.scopeUnitId, on);
        Map<Long, UnitLabel> byId = units.labels(children.stream().map(c -> c.scopeUnitId).toList());
        List<Allocation> rows = new ArrayList<>();
        BigDecimal allocated = BigDecimal.ZERO;
        for (Target c : children) {
            UnitLabel u = byId.get(c.scopeUnitId);
            boolean isCurrent = current.contains(c.scopeUnitId);
            rows.add(new Allocation(c.id, c.scopeUnitId, u == null ? null : u.code(), u == null ? null : u.name(),
                    plain(c.targetValue), isCurrent));
            if (isCurrent) {
                allocated = allocated.add(c.targetValue);
            }
        }
        if (!parent.metric.isAdditive()) {
            return new AllocationResponse(parent.id, plain(parent.targetValue), null, null, null, rows);
        }
        BigDecimal diff = parent.targetValue.subtract(allocated);
        return new AllocationResponse(parent.id, plain(parent.targetValue), plain(allocated),
                plain(diff.signum() > 0 ? diff : BigDecimal.ZERO),
                plain(diff.signum() < 0 ? diff.negate() : BigDecimal.ZERO), rows);
    }

    /** The target in the reach, for progress and series. */
    Target find(long id, Reach reach) {
        return targets.get(id, reach);
    }

    private Unit scopeOf(Target t) {
        return units.byIds(List.of(t.scopeUnitId)).get(t.scopeUnitId);
    }

    private static void checkDates(LocalDate baseline, LocalDate deadline) {
        if (!deadline.isAfter(baseline)) {
            throw ApiProblem.invalid("deadline", "must be after baselineDate");
        }
    }

    private static void checkMetricFields(TargetMetric metric, BigDecimal value, Integer minWorkforce) {
        if (metric == TargetMetric.ENTERPRISE_COVERAGE) {
            if (value.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw ApiProblem.invalid("targetValue", "is a percentage for ENTERPRISE_COVERAGE: at most 100");
            }
        } else {
            if (minWorkforce != null) {
                throw ApiProblem.invalid("minWorkforce", "applies to ENTERPRISE_COVERAGE only");
            }
            if (value.stripTrailingZeros().scale() > 0) {
                throw ApiProblem.invalid("targetValue", "must be a whole number for " + metric);
            }
        }
    }

    /** 15000000.0000 as 15000000: values are stored with four decimals but shown as entered. */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static TargetResponse toResponse(Target t, Unit scope) {
        return new TargetResponse(t.id, t.name, t.reference, t.scopeUnitId, scope == null ? null : scope.name,
                t.metric, plain(t.targetValue), t.minWorkforce, t.baselineDate, t.deadline, t.parentTargetId, t.version,
                t.createdAt, t.updatedAt);
    }
}
