package vn.doanvien.sync;

import java.util.LinkedHashMap;
import java.util.Map;
import vn.doanvien.TestData;

/** Request bodies shared by the sync tests. */
final class SyncApi {

    static final String SYNC = "/api/v1/sync/members";
    static final String CHANGES = "/api/v1/sync/changes";
    static final String PROBLEM = "application/problem+json";

    private SyncApi() {
    }

    static Map<String, Object> item(long unionId, String fullName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("fullName", fullName);
        m.put("dateOfBirth", "1990-05-20");
        m.put("gender", "FEMALE");
        m.put("nationalId", TestData.nationalId());
        m.put("phone", "0903 123 456");
        m.put("grassrootsUnionId", unionId);
        m.put("joinedOn", "2021-03-01");
        return m;
    }

    static Map<String, Object> body(Long upperLevelUnitId, Object... items) {
        Map<String, Object> b = new LinkedHashMap<>();
        if (upperLevelUnitId != null) {
            b.put("upperLevelUnitId", upperLevelUnitId);
        }
        b.put("members", java.util.List.of(items));
        return b;
    }
}
