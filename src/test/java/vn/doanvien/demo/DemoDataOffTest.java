package vn.doanvien.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import vn.doanvien.organisation.Unit;

/** In the plain test profile the demo stays out: tests start from an empty registry. */
@QuarkusTest
class DemoDataOffTest {

    @Inject
    DemoDataLoader loader;

    @Test
    void theLoaderIsOffInTests() {
        assertFalse(loader.enabled());
        // Other tests add units of their own, so look for the demo's fixed codes rather than an empty table.
        long demoUnits = QuarkusTransaction.requiringNew()
                .call(() -> Unit.count("code in ?1", java.util.List.of("LDLD-01", "LDLD-15-OLD", "CDN-GD")));
        assertEquals(0, demoUnits);
    }
}
