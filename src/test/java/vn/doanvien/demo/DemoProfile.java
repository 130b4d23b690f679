package vn.doanvien.demo;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * The demo data in tests, on the database of the run: on H2 a named in-memory database of its own; on PostgreSQL
 * (-Dquarkus.test.profile=test,pg) the run's database, which Flyway empties whenever a test profile starts the
 * application, so the demo rows never meet another profile's tests.
 * <p>
 * {@link DemoDataTest} and {@link DocumentedExamplesTest} share it, so the application is built and the demo loaded
 * once for both (a test profile costs an augmentation and a start, ~35 s per suite). Quarkus runs the classes of
 * one profile together, in the order of their names: DemoDataTest, which only reads, meets the demo as it was
 * loaded, and DocumentedExamplesTest, whose examples write, comes after it.
 */
public class DemoProfile implements QuarkusTestProfile {

    @Override
    public String getConfigProfile() {
        return System.getProperty("quarkus.test.profile", "test");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        if (getConfigProfile().contains("pg")) {
            return Map.of("doanvien.demo-data.enabled", "true");
        }
        return Map.of(
                "doanvien.demo-data.enabled", "true",
                "quarkus.datasource.jdbc.url", "jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1;MODE=PostgreSQL;"
                        + "DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
    }
}
