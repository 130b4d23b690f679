package vn.doanvien.organisation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.ETags;
import vn.doanvien.common.Page;
import vn.doanvien.common.PageRequest;
import vn.doanvien.common.Problem;
import vn.doanvien.common.Today;
import vn.doanvien.figures.MembershipLedger;
import vn.doanvien.security.Reach;

/**
 * The rules of the organisation tree: which kind of unit sits under which, one Confederation at a time,
 * dated re-parenting without cycles, and dissolution only once nothing sits below the unit.
 */
@ApplicationScoped
@Transactional
class UnitService {

    private static final Map<UnitKind, Set<UnitKind>> ALLOWED_PARENTS = new EnumMap<>(UnitKind.class);

    static {
        ALLOWED_PARENTS.put(UnitKind.CONFEDERATION, EnumSet.noneOf(UnitKind.class));
        ALLOWED_PARENTS.put(UnitKind.PROVINCIAL_FEDERATION, EnumSet.of(UnitKind.CONFEDERATION));
        ALLOWED_PARENTS.put(UnitKind.SECTORAL_UNION, EnumSet.of(UnitKind.CONFEDERATION));
        // Corporation unions can nest, hence an upper-level union under another one.
        ALLOWED_PARENTS.put(UnitKind.UPPER_LEVEL_UNION, EnumSet.of(UnitKind.PROVINCIAL_FEDERATION,
                UnitKind.SECTORAL_UNION, UnitKind.UPPER_LEVEL_UNION));
    }

    /** Bounds the cycle check's walk through later tree changes; real trees change a handful of times. */
    private static final int MAX_TREE_CHANGES = 1000;

    private final UnitRepository units;
    private final UnitLinkRepository links;
    private final MembershipLedger ledger;

    UnitService(UnitRepository units, UnitLinkRepository links, MembershipLedger ledger) {
        this.ledger = ledger;
        this.units = units;
        this.links = links;
    }

    UnitResponse create(UnitCreateRequest req, Reach reach) {
        LocalDate validFrom = Today.orToday(req.validFrom());
        requireNotFuture("validFrom", validFrom);
        if (req.parentId() == null && !reach.everything()) {
            // a unit without a parent sits in no one's subtree
            throw reach.forbidden("a new unit without parentId");
        }
        Unit parent = checkKindRules(req.kind(), req.category(), req.parentId(), reach);
        requireCodeFree(req.code(), null);
        if (req.kind() == UnitKind.CONFEDERATION) {
            units.confederationActiveOnOrAfter(validFrom).ifPresent(other -> {
                throw new ApiProblem(409, "conflict", "Conflict", "Only one Confederation may be active at a time;"
                        + " unit " + other.id + " (" + other.code + ") is active from " + other.validFrom,
                        null, other.id);
            });
        }
        if (parent != null) {
            requireActiveParent(parent, validFrom, "validFrom");
        }

        Unit unit = new Unit();
        unit.kind = req.kind();
        unit.category = req.category();
        unit.code = req.code();
        unit.name = req.name().trim();
        unit.provinceCode = req.provinceCode();
        unit.validFrom = validFrom;
        units.persist(unit);
        if (parent != null) {
            openLink(unit, parent, validFrom);
        }
        units.flush();
        return response(unit, Today.date());
    }

    /**
     * Units matching the filter, in the reach. An officer who names no parent sees the children of their own
     * unit; a parent outside the reach is a 403.
     */
    Page<UnitResponse> list(UnitRepository.Filter filter, Reach reach, PageRequest page) {
        if (filter.parentId() != null) {
            units.findInReach(filter.parentId(), reach);
        } else if (reach.rootUnitId() != null) {
            filter = filter.withParent(reach.rootUnitId());
        }
        Page<Unit> found = units.search(filter, reach, page.sort()).page(page);
        return Page.of(responses(found.items(), filter.asOf()), page, found.totalItems());
    }

    UnitResponse get(long id, LocalDate asOf, Reach reach) {
        return response(units.get(id, reach), Today.orToday(asOf));
    }

    Page<UnitResponse> children(long id, LocalDate asOf, Reach reach, PageRequest page) {
        units.get(id, reach);
        return list(new UnitRepository.Filter(null, null, id, null, null, Today.orToday(asOf)), reach, page);
    }

    Page<UnitTreeNodeResponse> subtree(long id, LocalDate asOf, UnitKind kind, Reach reach, PageRequest page) {
        units.get(id, reach);
        LocalDate date = Today.orToday(asOf);
        List<UnitRepository.TreeNode> nodes = units.subtreePage(id, date, kind, reach, page.page(), page.size());
        long total = units.countSubtree(id, date, kind, reach);
        Set<Long> ids = new HashSet<>();
        for (UnitRepository.TreeNode n : nodes) {
            ids.add(n.id());
            ids.add(n.parentId());
        }
        Map<Long, Unit> byId = units.byIds(ids);
        List<UnitTreeNodeResponse> items = new ArrayList<>();
        for (UnitRepository.TreeNode n : nodes) {
            Unit parent = byId.get(n.parentId());
            items.add(UnitMapper.toTreeNode(byId.get(n.id()), n.depth(), n.parentId(),
                    parent == null ? null : parent.name, date));
        }
        return Page.of(items, page, total);
    }

    List<UnitParentLinkResponse> parentHistory(long id, Reach reach) {
        units.get(id, reach);
        List<UnitLink> history = links.history(id);
        Map<Long, Unit> parents = units.byIds(history.stream().map(l -> l.parentId).collect(Collectors.toSet()));
        return history.stream().map(l -> UnitMapper.toParentLink(l, parents.get(l.parentId))).toList();
    }

    UnitResponse update(long id, UnitUpdateRequest req, String ifMatch, Reach reach) {
        Unit unit = units.getForWrite(id, reach);
        ETags.checkIfMatch(ifMatch, unit.version);
        requireNotDissolved(unit);
        LocalDate effectiveOn = Today.orToday(req.effectiveOn());
        requireNotFuture("effectiveOn", effectiveOn);
        Unit parent = checkKindRules(unit.kind, req.category(), req.parentId(), reach);
        if (!unit.code.equals(req.code())) {
            requireCodeFree(req.code(), unit.id);
        }

        UnitLink current = links.openLink(unit.id).orElse(null);
        Long currentParentId = current == null ? null : current.parentId;
        boolean moved = parent != null && !Objects.equals(parent.id, currentParentId);
        if (moved) {
            // The unit's membership figures follow it to its new ancestors from effectiveOn.
            ledger.changeUnitLinks(unit.id, () -> {
                moveUnder(unit, current, parent, effectiveOn);
                links.flush();
            });
        }
        String name = req.name().trim();
        boolean edited = !unit.code.equals(req.code()) || !unit.name.equals(name)
                || unit.category != req.category() || !Objects.equals(unit.provinceCode, req.provinceCode());
        Runnable edit = () -> {
            unit.code = req.code();
            unit.name = name;
            unit.category = req.category();
            unit.provinceCode = req.provinceCode();
            units.flush();
        };
        if (Objects.equals(unit.provinceCode, req.provinceCode())) {
            edit.run();
        } else {
            // The province of the unions without an enterprise placed here is the unit's, in the figures by
            // dimension: they move to the new province.
            ledger.unitProvinceChanged(unit.id, edit);
        }
        if (moved && !edited) {
            // The parent is part of the representation, so a move alone must change the version (and ETag) too.
            units.incrementVersion(unit);
        }
        units.flush();
        return response(unit, Today.date());
    }

    UnitResponse dissolve(long id, UnitDissolutionRequest req, String ifMatch, Reach reach) {
        Unit unit = units.getForWrite(id, reach);
        ETags.checkIfMatch(ifMatch, unit.version);
        requireNotDissolved(unit);
        LocalDate on = req.dissolvedOn();
        requireNotFuture("dissolvedOn", on);
        if (!on.isAfter(unit.validFrom)) {
            throw ApiProblem.invalid("dissolvedOn", "must be after the unit's validFrom " + unit.validFrom);
        }
        UnitLink current = links.openLink(unit.id).orElse(null);
        if (current != null) {
            requireNotBefore(current, on, "dissolvedOn");
        }
        lockForTreeChange(unit);
        long children = links.countChildLinksNotEndedBy(unit.id, on);
        long grassroots = links.countGrassrootsPlacementsNotEndedBy(unit.id, on);
        if (children > 0 || grassroots > 0) {
            throw ApiProblem.conflict("Unit " + unit.id + " still has " + children + " child unit(s) and "
                    + grassroots + " grassroots union(s) under it on or after " + on
                    + "; move or dissolve them first");
        }
        unit.validTo = on;
        if (current != null) {
            ledger.changeUnitLinks(unit.id, () -> {
                endLink(current, on);
                links.flush();
            });
        }
        units.flush();
        return response(unit, Today.date());
    }

    // --- rules shared by create, re-parenting and dissolution ---

    /** Checks category and parent against the kind; returns the parent (null for the Confederation). */
    private Unit checkKindRules(UnitKind kind, UnitCategory category, Long parentId, Reach reach) {
        List<Problem.FieldError> errors = new ArrayList<>();
        if (kind == UnitKind.UPPER_LEVEL_UNION && category == null) {
            errors.add(new Problem.FieldError("category", "is required for kind UPPER_LEVEL_UNION"));
        } else if (kind != UnitKind.UPPER_LEVEL_UNION && category != null) {
            errors.add(new Problem.FieldError("category",
                    "must be absent for kind " + kind + "; only upper-level unions have a category"));
        }
        Set<UnitKind> allowed = ALLOWED_PARENTS.get(kind);
        Unit parent = null;
        if (allowed.isEmpty() && parentId != null) {
            errors.add(new Problem.FieldError("parentId", "must be absent: a " + kind + " has no parent"));
        } else if (!allowed.isEmpty() && parentId == null) {
            errors.add(new Problem.FieldError("parentId", "is required for kind " + kind));
        } else if (parentId != null) {
            parent = units.findForPlacement(parentId, reach).orElse(null);
            if (parent == null) {
                errors.add(new Problem.FieldError("parentId", "unit " + parentId + " does not exist"));
            } else if (!allowed.contains(parent.kind)) {
                errors.add(new Problem.FieldError("parentId", "a " + kind + " must be placed under a unit of kind "
                        + allowed.stream().map(Enum::name).collect(Collectors.joining(" or "))
                        + "; unit " + parentId + " is a " + parent.kind));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        return parent;
    }

    /** Re-parents on {@code on}: ends the current link there and opens a new one, or fixes a link starting that day. */
    private void moveUnder(Unit unit, UnitLink current, Unit parent, LocalDate on) {
        if (current != null) {
            requireNotBefore(current, on, "effectiveOn");
        } else if (on.isBefore(unit.validFrom)) {
            throw ApiProblem.conflict("effectiveOn " + on + " is before the unit exists (" + unit.validFrom + ")");
        }
        requireActiveParent(parent, on, "effectiveOn");
        requireNotOwnAncestor(unit, parent, on);
        if (current != null && current.validFrom.equals(on)) {
            // The current link would be empty once ended: give it the new parent instead.
            current.parentId = parent.id;
            return;
        }
        if (current != null) {
            endLink(current, on);
        }
        openLink(unit, parent, on);
    }

    private void openLink(Unit unit, Unit parent, LocalDate from) {
        UnitLink link = new UnitLink();
        link.unitId = unit.id;
        link.parentId = parent.id;
        link.validFrom = from;
        links.persist(link);
    }

    /** Ends a link on {@code on}; a link that would cover no day at all is removed. */
    private void endLink(UnitLink link, LocalDate on) {
        if (link.validFrom.equals(on)) {
            links.delete(link);
        } else {
            link.validTo = on;
        }
    }

    /** History before the current link is not rewritten by re-parenting or dissolution. */
    private static void requireNotBefore(UnitLink current, LocalDate on, String field) {
        if (on.isBefore(current.validFrom)) {
            throw ApiProblem.conflict(field + " " + on + " is before the current parent link, which starts on "
                    + current.validFrom + "; earlier history is not rewritten");
        }
    }

    /**
     * A unit cannot move under itself or a unit below it. The subtree is checked on {@code from} and again on
     * every later day it gains a child, because the new link stays open from {@code from} on.
     */
    private void requireNotOwnAncestor(Unit unit, Unit parent, LocalDate from) {
        if (parent.id.equals(unit.id)) {
            throw ApiProblem.conflict("Unit " + unit.id + " cannot be its own parent");
        }
        LocalDate date = from;
        for (int i = 0; i < MAX_TREE_CHANGES && date != null; i++) {
            List<Long> subtree = units.subtreeIds(unit.id, date);
            if (subtree.contains(parent.id)) {
                throw ApiProblem.conflict("Unit " + parent.id + " is below unit " + unit.id + " in the tree on "
                        + date + "; a unit cannot become its own ancestor");
            }
            date = links.nextChildLinkStart(subtree, date).orElse(null);
        }
    }

    /**
     * The parent must exist on {@code date} and not be dissolved since: the new link stays open, and a dissolved
     * unit keeps nothing below it. The parent's row is locked so that a concurrent dissolution cannot slip in.
     */
    private void requireActiveParent(Unit parent, LocalDate date, String field) {
        if (!parent.isActiveOn(date)) {
            throw ApiProblem.conflict("Parent unit " + parent.id + " is not active on " + date + " (" + field
                    + "); it exists from " + parent.validFrom
                    + (parent.validTo == null ? "" : " until " + parent.validTo));
        }
        if (parent.validTo != null) {
            throw ApiProblem.conflict("Parent unit " + parent.id + " was dissolved on " + parent.validTo
                    + "; nothing can be placed under a dissolved unit");
        }
        lockForTreeChange(parent);
    }

    /**
     * Serialises changes below one unit (a child moving in, the unit being dissolved). The lock also checks the
     * version, so a writer that waited for a dissolution fails with a conflict instead of using a stale unit.
     */
    private void lockForTreeChange(Unit unit) {
        units.lock(unit);
    }

    private static void requireNotDissolved(Unit unit) {
        if (unit.validTo != null) {
            throw ApiProblem.conflict("Unit " + unit.id + " was dissolved on " + unit.validTo
                    + " and can no longer be changed");
        }
    }

    private static void requireNotFuture(String field, LocalDate date) {
        if (date.isAfter(Today.date())) {
            throw ApiProblem.invalid(field, "must not be in the future");
        }
    }

    private void requireCodeFree(String code, Long selfId) {
        units.findByCode(code).filter(u -> !u.id.equals(selfId)).ifPresent(u -> {
            throw ApiProblem.duplicate("code", "A unit with code " + code + " already exists", u.id);
        });
    }

    // --- mapping with parents resolved in bulk ---

    private UnitResponse response(Unit unit, LocalDate asOf) {
        return responses(List.of(unit), asOf).get(0);
    }

    /** Two queries for the whole page: the links valid on {@code asOf}, then the parents' names. */
    private List<UnitResponse> responses(List<Unit> page, LocalDate asOf) {
        List<Long> ids = page.stream().map(u -> u.id).toList();
        Map<Long, Long> parentOf = new HashMap<>();
        for (UnitLink link : links.linksOn(ids, asOf)) {
            parentOf.put(link.unitId, link.parentId);
        }
        Map<Long, Unit> parents = units.byIds(new HashSet<>(parentOf.values()));
        List<UnitResponse> result = new ArrayList<>();
        for (Unit u : page) {
            Long parentId = parentOf.get(u.id);
            Unit parent = parentId == null ? null : parents.get(parentId);
            result.add(UnitMapper.toResponse(u, parentId, parent == null ? null : parent.name, asOf));
        }
        return result;
    }
}
