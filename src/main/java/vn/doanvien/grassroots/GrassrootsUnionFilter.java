package vn.doanvien.grassroots;

import java.util.Collection;

/**
 * The filters of the grassroots union list; a null field does not filter. {@code upperLevelUnitIds} is the
 * subtree of the {@code unitId} parameter.
 */
record GrassrootsUnionFilter(Long upperLevelUnitId, Collection<Long> upperLevelUnitIds, Long enterpriseId,
                             GrassrootsUnionStatus status, String q) {
}
