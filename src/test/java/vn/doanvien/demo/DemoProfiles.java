package vn.doanvien.demo;

import java.util.Map;

/**
 * The demo data in tests, on the database of the run: on H2 a named in-memory database of the test's own; on
 * PostgreSQL (-Dquarkus.test.profile=test,pg) the run's database, which Flyway empties whenever a test profile
 * starts the application, so the demo rows never meet another profile's tests.
 */
final class DemoProfiles {

    private DemoProfiles() {
    }

    static String configProfile() {
        return System.getProperty("quarkus.test.profile", "test");
    }

    static Map<String, String> overrides(String h2Name) {
        if (configProfile().contains("pg")) {
            return Map.of("doanvien.demo-data.enabled", "true");
        }
        return Map.of(
                "doanvien.demo-data.enabled", "true",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:" + h2Name + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
