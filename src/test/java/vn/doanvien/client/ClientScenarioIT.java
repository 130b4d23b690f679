package vn.doanvien.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;
import vn.doanvien.client.api.AuthenticationApi;
import vn.doanvien.client.api.EnterprisesApi;
import vn.doanvien.client.api.GrassrootsUnionsApi;
import vn.doanvien.client.api.MembersApi;
import vn.doanvien.client.api.TargetsApi;
import vn.doanvien.client.api.UnitsApi;
import vn.doanvien.client.model.EnterpriseRequest;
import vn.doanvien.client.model.EnterpriseResponse;
import vn.doanvien.client.model.GrassrootsUnionCreateRequest;
import vn.doanvien.client.model.GrassrootsUnionResponse;
import vn.doanvien.client.model.MemberCreateRequest;
import vn.doanvien.client.model.Member;
import vn.doanvien.client.model.Ownership;
import vn.doanvien.client.model.TargetMetric;
import vn.doanvien.client.model.UnitKind;
import vn.doanvien.client.model.TargetCreateRequest;
import vn.doanvien.client.model.TargetProgress;
import vn.doanvien.client.model.TargetResponse;
import vn.doanvien.client.model.TokenRequest;
import vn.doanvien.client.model.TokenResponse;
import vn.doanvien.client.model.UnitCreateRequest;
import vn.doanvien.client.model.UnitResponse;

/**
 * The end-to-end scenario of a real client: the Java client generated from {@code openapi/openapi.yaml} against the
 * packaged application. A province federation and an upper-level union, an enterprise, a grassroots union in it,
 * three members (one leaves), a target for the province; its progress counts the two who stayed.
 */
@QuarkusIntegrationTest
class ClientScenarioIT {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The bootstrap administrator of the tests' profile (application.properties, %test). */
    private static final String ADMIN = "admin";
    private static final String ADMIN_PASSWORD = "test-admin-password";

    /**
     * A client of the packaged application, at the address Quarkus started it on (given to RestAssured), signed in
     * as the bootstrap administrator: a token from POST /api/v1/auth/token, sent as a bearer token on every call.
     */
    private static ApiClient client() throws Exception {
        ApiClient client = new ApiClient();
        client.updateBaseUri(RestAssured.baseURI + ":" + RestAssured.port);
        TokenResponse token = new AuthenticationApi(client)
                .createToken(new TokenRequest().username(ADMIN).password(ADMIN_PASSWORD));
        assertEquals("Bearer", token.getTokenType());
        String bearer = "Bearer " + token.getAccessToken();
        client.setRequestInterceptor(request -> request.header("Authorization", bearer));
        return client;
    }

    @Test
    void createsTheRegistryAndReadsTheTargetsProgress() throws Exception {
        ApiClient client = client();
        UnitsApi units = new UnitsApi(client);
        LocalDate start = LocalDate.of(2020, 1, 1);

        Long root = confederation(units, start);
        UnitResponse province = units.createUnit(new UnitCreateRequest()
                .kind(UnitKind.PROVINCIAL_FEDERATION).code(unique("LDLD"))
                .name("Liên đoàn Lao động tỉnh Thử nghiệm").parentId(root).provinceCode("27").validFrom(start),
                unique("k"));
        UnitResponse upper = units.createUnit(new UnitCreateRequest()
                .kind(UnitKind.UPPER_LEVEL_UNION)
                .category(UnitCreateRequest.CategoryEnum.INDUSTRIAL_ZONE).code(unique("KCN"))
                .name("Công đoàn các Khu công nghiệp tỉnh").parentId(province.getId()).provinceCode("27")
                .validFrom(start), unique("k"));

        EnterpriseResponse enterprise = new EnterprisesApi(client).createEnterprise(new EnterpriseRequest()
                .taxCode(String.format("%010d", Math.abs(UUID.randomUUID().getMostSignificantBits()) % 10_000_000_000L))
                .name("Công ty TNHH Điện tử Thử nghiệm").ownership(Ownership.PRIVATE)
                .industry("C").provinceCode("27").workforce(300).workforceAsOf(LocalDate.of(2024, 1, 1))
                .upperLevelUnitId(upper.getId()), unique("k"));
        assertEquals(Boolean.FALSE, enterprise.getUnionized());

        GrassrootsUnionResponse union = new GrassrootsUnionsApi(client).createGrassrootsUnion(
                new GrassrootsUnionCreateRequest().code(unique("CDCS")).name("Công đoàn cơ sở Công ty Thử nghiệm")
                        .upperLevelUnitId(upper.getId()).enterpriseId(enterprise.getId())
                        .foundedOn(LocalDate.of(2021, 1, 1)), unique("k"));
        assertEquals(Boolean.TRUE, new EnterprisesApi(client).getEnterprise(enterprise.getId()).getUnionized());

        MembersApi members = new MembersApi(client);
        String[] names = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"};
        Member last = null;
        for (int i = 0; i < names.length; i++) {
            last = members.createMember(new MemberCreateRequest().fullName(names[i]).nationality("VN")
                    .nationalId(String.format("%012d", Math.abs(UUID.randomUUID().getLeastSignificantBits())
                            % 1_000_000_000_000L))
                    .grassrootsUnionId(union.getId()).joinedOn(LocalDate.of(2022, 1 + i, 1)), unique("k"));
        }
        assertNotNull(last);
        assertEquals(3L, new GrassrootsUnionsApi(client).getGrassrootsUnion(union.getId()).getActiveMembers());

        TargetResponse target = new TargetsApi(client).createTarget(new TargetCreateRequest()
                .name("Phát triển 10 đoàn viên").scopeUnitId(province.getId())
                .metric(TargetMetric.ACTIVE_MEMBERS).targetValue(BigDecimal.TEN)
                .baselineDate(LocalDate.of(2021, 12, 31)).deadline(LocalDate.of(2028, 12, 31)), unique("k"));

        TargetProgress progress = new TargetsApi(client).getTargetProgress(target.getId(), null, null, null);
        assertEquals(0.0, progress.getBaselineValue());
        assertEquals(3.0, progress.getCurrentValue());
        assertEquals(3L, progress.getJoined());
        assertTrue(progress.getPercentOfTarget() > 29 && progress.getPercentOfTarget() < 31,
                "3 of 10: " + progress.getPercentOfTarget());
        assertNotNull(progress.getStatus());
    }

    /** The open Confederation, created when the database has none yet. */
    private static Long confederation(UnitsApi units, LocalDate start) throws ApiException {
        var found = units.listUnits(start, null, UnitKind.CONFEDERATION, null, null, null, null, 100, null, null);
        for (UnitResponse u : found.getItems()) {
            if (u.getValidTo() == null) {
                return u.getId();
            }
        }
        try {
            return units.createUnit(new UnitCreateRequest().kind(UnitKind.CONFEDERATION)
                    .code(unique("VGCL")).name("Tổng Liên đoàn Lao động Việt Nam")
                    .validFrom(LocalDate.of(2000, 1, 1)), unique("k")).getId();
        } catch (ApiException e) {
            fail("creating the Confederation: " + e.getCode() + " " + e.getResponseBody());
            return null;
        }
    }
}
