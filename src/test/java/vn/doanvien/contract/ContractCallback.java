package vn.doanvien.contract;

import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;
import io.restassured.RestAssured;

/**
 * Adds {@link ContractFilter} to RestAssured's global filters once, before the first test method of every
 * {@code @QuarkusTest}, so every test class (including ones written later) is checked against the OpenAPI document
 * without doing anything. Registered in {@code META-INF/services}. Never resets RestAssured: other global filters
 * are left alone.
 */
public class ContractCallback implements QuarkusTestBeforeEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        install();
    }

    static synchronized void install() {
        if (RestAssured.filters().stream().noneMatch(f -> f instanceof ContractFilter)) {
            RestAssured.filters(ContractFilter.shared());
        }
    }
}
