package vn.doanvien.organisation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static vn.doanvien.organisation.UnitApi.put;
import static vn.doanvien.organisation.UnitApi.province;
import static vn.doanvien.organisation.UnitApi.upper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.doanvien.common.Today;

/**
 * The tree of units is kept in memory between changes ({@link UnitTrees}): a change of {@code unit_link},
 * through the API or by SQL behind the app's back, is seen by the next answer, because every statement that changes
 * the links gives the tree a new version (migration V20).
 */
@QuarkusTest
class UnitTreeKeptTest {

    private static final String STATS = "/api/v1/stats/membership";

    @Inject
    EntityManager em;

    @Test
    void aLinkChangedBySqlIsSeenByTheNextAnswer() {
        long p = province("LĐLĐ tỉnh Cây");
        long a = upper(p, "DISTRICT", "Công đoàn A");
        long b = upper(p, "DISTRICT", "Công đoàn B");
        // the tree is read and kept
        childIds(p).body("rows.id", containsInAnyOrder((int) a, (int) b));
        long before = version();

        LocalDate ended = Today.date().minusDays(1);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update unit_link set valid_to = :d where unit_id = :a and valid_to is null")
                .setParameter("d", ended).setParameter("a", a).executeUpdate());
        try {
            assertTrue(version() > before, "the update of unit_link gave the tree a new version");
            childIds(p).body("rows.id", containsInAnyOrder((int) b));
            childIds(p, ended.minusDays(1)).body("rows.id", containsInAnyOrder((int) a, (int) b));
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update unit_link set valid_to = null where unit_id = :a and valid_to = :d")
                    .setParameter("d", ended).setParameter("a", a).executeUpdate());
        }
        childIds(p).body("rows.id", containsInAnyOrder((int) a, (int) b));
    }

    @Test
    void aMoveThroughTheApiIsSeenUnderBothParents() {
        long p = province("LĐLĐ tỉnh Đông");
        long q = province("LĐLĐ tỉnh Tây");
        long a = upper(p, "DISTRICT", "Công đoàn Đi");
        long stays = upper(p, "DISTRICT", "Công đoàn Ở");
        childIds(p).body("rows.id", containsInAnyOrder((int) a, (int) stays));
        childIds(q).body("rows", empty());
        long before = version();

        put(a, UnitApi.moveBody(a, q, null)).statusCode(200);

        assertTrue(version() > before, "the move gave the tree a new version");
        childIds(p).body("rows.id", containsInAnyOrder((int) stays));
        childIds(q).body("rows.id", containsInAnyOrder((int) a));
    }

    private long version() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select version from unit_tree_version where id = 1").getSingleResult()).longValue());
    }

    private static io.restassured.response.ValidatableResponse childIds(long unit) {
        return given().queryParam("groupBy", "CHILD_UNIT").queryParam("unitId", unit).get(STATS).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse childIds(long unit, LocalDate asOf) {
        return given().queryParam("groupBy", "CHILD_UNIT").queryParam("asOf", asOf.toString())
                .queryParam("unitId", unit).get(STATS).then().statusCode(200);
    }
}
