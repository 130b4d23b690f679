package vn.doanvien.security;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.doanvien.TestData;

/** National ID, passport and phone: encrypted at rest, found through a keyed hash, masked, never in logs or audit. */
@QuarkusTest
class PersonalDataTest {

    @Inject
    SecurityWorld worlds;

    @Inject
    EntityManager em;

    SecurityWorld.World w;

    @BeforeEach
    void setUp() {
        w = worlds.create();
    }

    private Map<String, Object> body(String nid) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("fullName", "Phạm Thị Riêng Tư");
        body.put("nationality", "VN");
        body.put("nationalId", nid);
        body.put("phone", "0912 888 777");
        body.put("grassrootsUnionId", w.unionA.id);
        body.put("joinedOn", "2024-03-01");
        return body;
    }

    private Object[] row(long id) {
        return (Object[]) em.createNativeQuery("select national_id, national_id_hash, phone, identity_key, "
                + "active_identity_key from member where id = ?1").setParameter(1, id).getSingleResult();
    }

    @Test
    void nationalIdIsStoredEncryptedWithAKeyedHashAndStillSearchable() {
        String nid = TestData.nationalId();
        int id = w.as(TestAuthentication.adminToken()).contentType("application/json").body(body(nid))
                .post("/api/v1/members").then().statusCode(201).body("nationalId", equalTo(nid))
                .extract().path("id");
        Object[] row = row(id);
        for (Object column : row) {
            assertFalse(String.valueOf(column).contains(nid), "clear national ID in a column: " + column);
            assertFalse(String.valueOf(column).contains("888 777"), "clear phone in a column: " + column);
        }
        assertTrue(((String) row[0]).startsWith("e1:"));
        assertEquals(PersonalData.hash(nid), row[1]);
        // search by national ID goes through the hash
        w.as(TestAuthentication.adminToken()).get("/api/v1/members?q=" + nid).then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));
        // the officer of the subtree reads it in clear, through the API only
        w.as(w.officerA).get("/api/v1/members/" + id).then().statusCode(200).body("phone", equalTo("0912 888 777"));
    }

    @Test
    void duplicatesAreFoundWithoutTheClearValueAndTheErrorDoesNotRepeatIt() {
        String nid = TestData.nationalId();
        w.as(TestAuthentication.adminToken()).contentType("application/json").body(body(nid))
                .post("/api/v1/members").then().statusCode(201);
        w.as(TestAuthentication.adminToken()).contentType("application/json").body(body(nid))
                .post("/api/v1/members").then().statusCode(409)
                .body("errors[0].field", equalTo("nationalId"))
                .body(not(containsString(nid)));
    }

    @Test
    void maskingKeepsTheLastFourCharacters() {
        assertEquals("********1234", PersonalData.mask("079095001234"));
        assertEquals("********3456", PersonalData.mask("0903 123 456"));
        assertEquals("****", PersonalData.mask("123"));
        String stored = PersonalData.encrypt("079095001234");
        assertEquals(stored, PersonalData.encrypt("079095001234"), "deterministic, so equality queries work");
        assertEquals("079095001234", PersonalData.decrypt(stored));
        assertEquals("legacy", PersonalData.decrypt("legacy"));
    }

    @Test
    void auditRowsAndLogsNeverHoldTheClearNationalId() {
        List<String> logged = new ArrayList<>();
        Handler capture = new Handler() {
            final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                StringWriter trace = new StringWriter();
                if (record.getThrown() != null) {
                    record.getThrown().printStackTrace(new PrintWriter(trace));
                }
                logged.add(formatter.formatMessage(record) + trace);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        String nid = TestData.nationalId();
        try {
            int id = w.as(w.officerA).contentType("application/json").body(body(nid))
                    .post("/api/v1/members").then().statusCode(201).extract().path("id");
            w.as(w.officerA).contentType("application/json").body(body(nid)).post("/api/v1/members")
                    .then().statusCode(409);
            Map<String, Object> bad = body(nid + "X");
            w.as(w.officerA).contentType("application/json").body(bad).post("/api/v1/members").then().statusCode(400)
                    .body(not(containsString(nid)));
            SecurityWorld.World.anonymous().contentType("application/json")
                    .body(Map.of("fullName", "X", "nationalId", nid, "employerTaxCode", "0000000000"))
                    .header("X-Forwarded-For", "10.9.9.9")
                    .post("/api/v1/join-requests").then().statusCode(400).body(not(containsString(nid)));
            @SuppressWarnings("unchecked")
            List<String> changes = em.createNativeQuery("select changes from audit_entry where entity_type = 'Member' "
                    + "and entity_id = ?1").setParameter(1, String.valueOf(id)).getResultList();
            assertFalse(changes.isEmpty(), "the creation is audited");
            assertTrue(changes.get(0).contains("********" + nid.substring(8)), changes.get(0));
            @SuppressWarnings("unchecked")
            List<String> all = em.createNativeQuery("select coalesce(changes, '') from audit_entry").getResultList();
            for (String c : all) {
                assertFalse(c.contains(nid), "clear national ID in the audit trail: " + c);
            }
        } finally {
            root.removeHandler(capture);
        }
        assertNotNull(logged);
        for (String line : logged) {
            assertFalse(line.contains(nid), "clear national ID in the log: " + line);
        }
    }
}
