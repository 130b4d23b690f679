package vn.doanvien.organisation;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The dated tree of units in memory (it is small: about 1,300 units and their history), for walking
 * ancestors and subtrees on a date without a query per step. Immutable but for its memo of subtrees, which is safe
 * to share: one tree serves every request until the tree changes ({@link UnitTrees}).
 */
public final class UnitTree {

    /** A parent link valid on [from, to). */
    public record Link(long unitId, long parentId, LocalDate from, LocalDate to) {
        boolean activeOn(LocalDate d) {
            return !from.isAfter(d) && (to == null || d.isBefore(to));
        }
    }

    private static final int MAX_DEPTH = 64;
    /**
     * The subtrees kept at most (by root and day): a tree kept for days is asked about many roots and past days, and
     * a national subtree holds over a thousand units; past this the memo starts again.
     */
    static final int MEMO_LIMIT = 4096;

    private final Map<Long, List<Link>> byUnit = new HashMap<>();
    private final Map<Long, List<Link>> byParent = new HashMap<>();
    /** Every day a link starts or ends: between two of them the tree stays the same. */
    private final TreeSet<LocalDate> changes = new TreeSet<>();
    /** Subtrees already walked, by root and by the last change on or before the day asked for. */
    private final Map<Long, Map<LocalDate, Set<Long>>> subtrees = new ConcurrentHashMap<>();
    private final AtomicInteger memoized = new AtomicInteger();

    public UnitTree(Collection<Link> links) {
        for (Link l : links) {
            byUnit.computeIfAbsent(l.unitId(), k -> new ArrayList<>()).add(l);
            byParent.computeIfAbsent(l.parentId(), k -> new ArrayList<>()).add(l);
            changes.add(l.from());
            if (l.to() != null) {
                changes.add(l.to());
            }
        }
    }

    /**
     * Every unit that is, or ever was, at the top two levels of the tree: the roots (units with children and no
     * parent of their own) and the units ever linked to one of them. Roots come first.
     */
    public List<Long> topTwoEver() {
        List<Long> roots = new ArrayList<>();
        for (Long parent : new TreeSet<>(byParent.keySet())) {
            if (!byUnit.containsKey(parent)) {
                roots.add(parent);
            }
        }
        LinkedHashSet<Long> top = new LinkedHashSet<>(roots);
        for (Long root : roots) {
            byParent.getOrDefault(root, List.of()).stream().map(Link::unitId).sorted().forEach(top::add);
        }
        return new ArrayList<>(top);
    }

    /**
     * Every unit that ever had a parent and was never at the top two levels ({@link #topTwoEver()}): the units whose
     * rows by dimension, if any, are level-3 rows.
     */
    public List<Long> belowTopTwoEver() {
        Set<Long> top = new HashSet<>(topTwoEver());
        return byUnit.keySet().stream().filter(u -> !top.contains(u)).sorted().toList();
    }

    public Long parentOn(long unitId, LocalDate d) {
        for (Link l : byUnit.getOrDefault(unitId, List.of())) {
            if (l.activeOn(d)) {
                return l.parentId();
            }
        }
        return null;
    }

    /** The unit and its ancestors on {@code d}, nearest first. */
    public List<Long> chainOn(long unitId, LocalDate d) {
        List<Long> chain = new ArrayList<>();
        Long current = unitId;
        while (current != null && chain.size() < MAX_DEPTH) {
            chain.add(current);
            current = parentOn(current, d);
        }
        return chain;
    }

    /** Direct children on {@code d}. */
    public List<Long> childrenOn(long unitId, LocalDate d) {
        List<Long> children = new ArrayList<>();
        for (Link l : byParent.getOrDefault(unitId, List.of())) {
            if (l.activeOn(d)) {
                children.add(l.unitId());
            }
        }
        return children;
    }

    /**
     * The unit and everything below it on {@code d} (unmodifiable). Walked once per root for all the days
     * between two changes of the tree: a progress call asks for a dozen days of one unchanged tree.
     */
    public Set<Long> subtreeOn(long root, LocalDate d) {
        LocalDate since = changes.floor(d);
        LocalDate key = since == null ? LocalDate.MIN : since;
        Map<LocalDate, Set<Long>> ofRoot = subtrees.get(root);
        Set<Long> known = ofRoot == null ? null : ofRoot.get(key);
        if (known != null) {
            return known;
        }
        Set<Long> walked = walk(root, d);
        if (memoized.incrementAndGet() > MEMO_LIMIT) {
            subtrees.clear();
            memoized.set(1);
        }
        subtrees.computeIfAbsent(root, k -> new ConcurrentHashMap<>()).putIfAbsent(key, walked);
        return walked;
    }

    /** Every unit below {@code root} on some day (itself excluded): the subtrees between all changes of the tree. */
    public Set<Long> everBelow(long root) {
        Set<Long> below = new java.util.HashSet<>(subtreeOn(root, LocalDate.of(1900, 1, 1)));
        for (LocalDate d : changes) {
            below.addAll(subtreeOn(root, d));
        }
        below.remove(root);
        return below;
    }

    private Set<Long> walk(long root, LocalDate d) {
        Set<Long> seen = new LinkedHashSet<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.add(root);
        while (!todo.isEmpty()) {
            Long u = todo.poll();
            if (seen.add(u)) {
                todo.addAll(childrenOn(u, d));
            }
        }
        return java.util.Collections.unmodifiableSet(seen);
    }

    /**
     * The dates after {@code from} on which the ancestors of {@code unitId} may change: every start or end
     * of a link of the unit or of any unit that is ever above it.
     */
    public TreeSet<LocalDate> changeDates(long unitId, LocalDate from) {
        TreeSet<LocalDate> dates = new TreeSet<>();
        Set<Long> seen = new HashSet<>();
        Deque<Long> todo = new ArrayDeque<>();
        todo.add(unitId);
        while (!todo.isEmpty()) {
            Long u = todo.poll();
            if (!seen.add(u)) {
                continue;
            }
            for (Link l : byUnit.getOrDefault(u, List.of())) {
                if (l.from().isAfter(from)) {
                    dates.add(l.from());
                }
                if (l.to() != null && l.to().isAfter(from)) {
                    dates.add(l.to());
                }
                todo.add(l.parentId());
            }
        }
        return dates;
    }

    /** A copy of this tree with the links of one unit replaced, to compare before and after a change. */
    public UnitTree withLinksOf(long unitId, Collection<Link> replacement) {
        List<Link> all = new ArrayList<>();
        byUnit.forEach((u, links) -> {
            if (u != unitId) {
                all.addAll(links);
            }
        });
        all.addAll(replacement);
        return new UnitTree(all);
    }

    public List<Link> linksOf(long unitId) {
        return List.copyOf(byUnit.getOrDefault(unitId, List.of()));
    }
}
