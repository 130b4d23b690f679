package vn.doanvien.common;

/** Entity tags from the optimistic-locking {@code version} of a resource. */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /**
     * Fails with 412 when an {@code If-Match} header is present and names none of the current version.
     * A missing header is allowed: the update is still protected by optimistic locking.
     */
    public static void checkIfMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        String current = of(currentVersion);
        for (String tag : ifMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals("*") || t.equals(current)) {
                return;
            }
        }
        throw ApiProblem.preconditionFailed("If-Match " + ifMatch + " does not match the current version "
                + current + "; read the resource again and retry");
    }
}
