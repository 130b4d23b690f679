package vn.doanvien.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import vn.doanvien.common.ApiProblem;
import vn.doanvien.common.InIdsFunction;

/**
 * Which rows a caller may read and change, decided once per request ({@link CallerScope#reach()}) and passed as
 * a required argument into every repository method that returns or changes scoped rows, where it becomes part of
 * the query or is checked against the loaded row before the row leaves the repository.
 *
 * <p>Rows are placed in the tree by a unit (a member by its grassroots union's upper-level unit, an enterprise by
 * its upper-level union, a target by its scope unit, ...). Two kinds of rows are told apart:
 * <ul>
 * <li><b>registry</b> rows (units, enterprises, grassroots unions, targets, figures): admins and analysts read
 * all of them, officers those placed in their subtree, members none;</li>
 * <li><b>personal</b> rows (members, officials, training courses and enrolments, join requests, imports, the
 * audit trail, the change feed): admins read all, officers those in their subtree, a member only their own
 * member record, analysts none.</li>
 * </ul>
 * Writes need an admin, or an officer writing inside their subtree. Every other case is refused: there is no
 * "not decided" state, and a caller the reach does not recognise reaches nothing.
 */
public final class Reach {

    private enum Level { EVERYTHING, AGGREGATES, SUBTREE, OWN_RECORD, NOTHING }

    private static final Reach NOTHING = new Reach(Level.NOTHING, null, Set.of(), null, "nothing");
    private static final Reach AGGREGATES = new Reach(Level.AGGREGATES, null, Set.of(), null,
            "registry and aggregate figures, no personal data");

    private final Level level;
    private final Long rootUnitId;
    private final Set<Long> units;
    private final Long memberId;
    private final String description;

    private Reach(Level level, Long rootUnitId, Set<Long> units, Long memberId, String description) {
        this.level = level;
        this.rootUnitId = rootUnitId;
        this.units = units;
        this.memberId = memberId;
        this.description = description;
    }

    /** An admin: every row. */
    static Reach admin() {
        return new Reach(Level.EVERYTHING, null, Set.of(), null, "everything");
    }

    /**
     * Work that no caller asked for (start-up jobs, the demo loader, a recount), named so that a reader of the
     * code sees why it reaches every row.
     */
    public static Reach background(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new IllegalArgumentException("a background reach needs a purpose");
        }
        return new Reach(Level.EVERYTHING, null, Set.of(), null, "everything (" + purpose + ")");
    }

    /** An analyst: registry rows and aggregates everywhere, no personal data, no writes. */
    static Reach aggregates() {
        return AGGREGATES;
    }

    /** An officer (or an API key) of {@code rootUnitId}: the units of its subtree today, root included. */
    public static Reach subtree(long rootUnitId, Collection<Long> subtreeUnits) {
        if (!subtreeUnits.contains(rootUnitId)) {
            throw new IllegalArgumentException("a subtree contains its root");
        }
        return new Reach(Level.SUBTREE, rootUnitId, Set.copyOf(subtreeUnits), null,
                "the subtree of unit " + rootUnitId);
    }

    /** A member: their own member record. */
    static Reach ownRecord(long memberId) {
        return new Reach(Level.OWN_RECORD, null, Set.of(), memberId, "your own member record");
    }

    /** No one the API recognises: nothing. */
    static Reach nothing() {
        return NOTHING;
    }

    /** True for an admin or background work: no row is out of reach. */
    public boolean everything() {
        return level == Level.EVERYTHING;
    }

    /** The unit whose subtree an officer reaches; null for everyone else. */
    public Long rootUnitId() {
        return rootUnitId;
    }

    /** The member record a member reaches; null for everyone else. */
    public Long ownMemberId() {
        return memberId;
    }

    /** True when personal rows may be read at all (admins; officers in their subtree; a member their own). */
    public boolean readsPersonalData() {
        return level == Level.EVERYTHING || level == Level.SUBTREE || level == Level.OWN_RECORD;
    }

    /**
     * The units that registry rows must be placed under, or null when they are not limited (admins, analysts).
     * Empty means no row.
     */
    public Set<Long> registryUnits() {
        return switch (level) {
            case EVERYTHING, AGGREGATES -> null;
            case SUBTREE -> units;
            case OWN_RECORD, NOTHING -> Set.of();
        };
    }

    /**
     * The units that personal rows must be placed under, or null when they are not limited (admins). Empty
     * means no row; a member's own record is matched by {@link #ownMemberId()}, not by unit.
     */
    public Set<Long> personalUnits() {
        return switch (level) {
            case EVERYTHING -> null;
            case SUBTREE -> units;
            case AGGREGATES, OWN_RECORD, NOTHING -> Set.of();
        };
    }

    /** The units that may be written under, or null when not limited (admins). */
    public Set<Long> writableUnits() {
        return switch (level) {
            case EVERYTHING -> null;
            case SUBTREE -> units;
            case AGGREGATES, OWN_RECORD, NOTHING -> Set.of();
        };
    }

    public boolean seesRegistry(Long unitId) {
        return covers(registryUnits(), unitId);
    }

    public boolean seesPersonal(Long unitId) {
        return covers(personalUnits(), unitId);
    }

    public boolean writes(Long unitId) {
        return covers(writableUnits(), unitId);
    }

    /** 403 unless the caller reads registry rows placed under {@code unitId}. */
    public void requireRegistry(Long unitId, String what) {
        if (!seesRegistry(unitId)) {
            throw forbidden(what);
        }
    }

    /** 403 unless the caller reads personal rows placed under {@code unitId}. */
    public void requirePersonal(Long unitId, String what) {
        if (!seesPersonal(unitId)) {
            throw forbidden(what);
        }
    }

    /** 403 unless the caller reads this member record (placed under {@code unitId}). */
    public void requireMember(long id, Long unitId) {
        if (level == Level.OWN_RECORD ? memberId != id : !seesPersonal(unitId)) {
            throw forbidden("member " + id);
        }
    }

    /** 403 unless the caller may change rows placed under {@code unitId} (or place a new row there). */
    public void requireWrite(Long unitId, String what) {
        if (!writes(unitId)) {
            throw forbidden(what);
        }
    }

    /** Those of {@code unitIds} under which registry rows may be read: all of them for admins and analysts. */
    public Set<Long> registryPart(Collection<Long> unitIds) {
        Set<Long> limit = registryUnits();
        if (limit == null) {
            return Set.copyOf(unitIds);
        }
        Set<Long> part = new java.util.HashSet<>(unitIds);
        part.retainAll(limit);
        return part;
    }

    /**
     * An HQL condition limiting {@code unitExpression} (a unit id path) to {@code units}: none when {@code units} is
     * null, a condition no row meets when it is empty. Its parameter, one array ({@link InIdsFunction}, so that
     * Hibernate keeps the query's translation), goes into {@code params} under {@code paramName}.
     */
    public static String condition(Set<Long> units, String unitExpression, String paramName,
                                   Map<String, Object> params) {
        String whole = withoutIds(units);
        if (whole != null) {
            return whole;
        }
        params.put(paramName, InIdsFunction.ids(units));
        return InIdsFunction.NAME + "(:" + paramName + ", " + unitExpression + ")";
    }

    /** As {@link #condition}, for a native SQL query: {@code unitExpression} is a column, the parameter a list. */
    public static String sqlCondition(Set<Long> units, String unitExpression, String paramName,
                                      Map<String, Object> params) {
        String whole = withoutIds(units);
        if (whole != null) {
            return whole;
        }
        params.put(paramName, units);
        return unitExpression + " in (:" + paramName + ")";
    }

    /** The condition of a reach that needs no list of units: all of them (no limit) or none; else null. */
    private static String withoutIds(Set<Long> units) {
        return units == null ? "1 = 1" : units.isEmpty() ? "1 = 0" : null;
    }

    public ApiProblem forbidden(String what) {
        return new ApiProblem(403, "forbidden", "Forbidden",
                "Your role reaches only " + description + "; " + what + " lies outside it", null, null);
    }

    private static boolean covers(Set<Long> limit, Long unitId) {
        return limit == null || unitId != null && limit.contains(unitId);
    }

    @Override
    public String toString() {
        return "Reach[" + description + "]";
    }
}
