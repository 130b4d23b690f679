package vn.doanvien.common;

import io.quarkus.panache.common.Sort;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validated {@code page}, {@code size} and {@code sort} query parameters. Sort fields are API names
 * mapped through a whitelist to entity paths; {@code id} is always the last tiebreaker.
 */
public record PageRequest(int page, int size, Sort sort) {

    public static final int MAX_SIZE = 100;
    /** The largest row offset a page may start at: far above any list, far below an int's overflow. */
    public static final int MAX_OFFSET = 100_000_000;

    /**
     * @param sortParam   e.g. {@code name,-createdAt}; a leading {@code -} sorts descending
     * @param sortable    API field name to entity path
     * @param defaultSort used when {@code sortParam} is blank
     */
    public static PageRequest of(Integer page, Integer size, String sortParam,
                                 Map<String, String> sortable, String defaultSort) {
        return of(page, size, sortParam, sortable, defaultSort, MAX_SIZE);
    }

    public static PageRequest of(Integer page, Integer size, String sortParam,
                                 Map<String, String> sortable, String defaultSort, int maxSize) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            errors.add(new Problem.FieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > maxSize) {
            errors.add(new Problem.FieldError("size", "must be between 1 and " + maxSize));
        } else if (p > 0 && (long) p * s > MAX_OFFSET) {
            // the first row of the page would lie past any list this API serves (and past an int offset)
            errors.add(new Problem.FieldError("page", "must be at most " + MAX_OFFSET / s + " with size " + s));
        }
        String spec = sortParam == null || sortParam.isBlank() ? defaultSort : sortParam;
        Sort sort = null;
        boolean hasId = false;
        for (String raw : spec.split(",")) {
            String token = raw.trim();
            if (token.isEmpty()) {
                continue;
            }
            boolean desc = token.startsWith("-");
            String name = desc || token.startsWith("+") ? token.substring(1) : token;
            String path = sortable.get(name);
            if (path == null) {
                errors.add(new Problem.FieldError("sort",
                        "unknown sort field '" + name + "'; allowed: " + String.join(", ", sortable.keySet())));
                continue;
            }
            hasId |= path.equals("id");
            Sort.Direction dir = desc ? Sort.Direction.Descending : Sort.Direction.Ascending;
            sort = sort == null ? Sort.by(path, dir) : sort.and(path, dir);
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.invalid(errors);
        }
        if (!hasId) {
            sort = sort == null ? Sort.by("id") : sort.and("id");
        }
        return new PageRequest(p, s, sort);
    }
}
