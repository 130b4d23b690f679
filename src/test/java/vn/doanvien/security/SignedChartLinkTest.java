package vn.doanvien.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.core.MultiMap;
import jakarta.inject.Inject;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * Charts as pictures: chart.png and series.png are PNG images Swagger UI shows as such, and the JSON series carry a
 * chartUrl that opens in a browser tab without a token: signed for the caller, for that one chart, for a while, with
 * the caller's scope.
 */
@QuarkusTest
class SignedChartLinkTest {

    @Inject
    SecurityWorld worlds;

    @Test
    void chartsArePngPicturesAndTheSeriesLinkOpensWithoutAToken() throws IOException {
        SecurityWorld.World w = worlds.create();
        long target = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Chỉ tiêu tỉnh A", "scopeUnitId", w.provinceA.id, "metric", "ACTIVE_MEMBERS",
                        "targetValue", 10, "baselineDate", "2024-01-31", "deadline", "2024-12-31"))
                .when().post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");

        byte[] png = w.as(w.officerA).when().get("/api/v1/targets/{id}/chart.png", target).then().statusCode(200)
                .contentType(startsWith("image/png")).header("Content-Disposition", startsWith("inline"))
                .extract().asByteArray();
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "a PNG that an image reader opens");
        assertEquals(960, image.getWidth());
        assertEquals(540, image.getHeight());
        assertTrue(distinctColours(image) > 3, "something is drawn on the white page");

        String chartUrl = w.as(w.officerA).queryParam("from", "2024-01").queryParam("to", "2024-12")
                .when().get("/api/v1/targets/{id}/series", target).then().statusCode(200)
                .extract().jsonPath().getString("chartUrl");
        URI link = URI.create(chartUrl);
        assertEquals("/api/v1/targets/" + target + "/chart.png", link.getPath());
        assertTrue(link.getQuery().contains("from=2024-01") && link.getQuery().contains("signature="), chartUrl);
        String pathAndQuery = link.getRawPath() + "?" + link.getRawQuery();

        // A browser tab: no Authorization header, just the link.
        byte[] opened = SecurityWorld.World.anonymous().urlEncodingEnabled(false).when().get(pathAndQuery).then()
                .statusCode(200).contentType(startsWith("image/png")).extract().asByteArray();
        assertNotNull(ImageIO.read(new ByteArrayInputStream(opened)));

        // Any change breaks it: another month, another role, another path, another target, none at all.
        for (String tampered : new String[] {
                pathAndQuery.replace("from=2024-01", "from=2023-01"),
                pathAndQuery.replace("role=OFFICER", "role=ADMIN"),
                pathAndQuery.replace("/chart.png", "/chart.svg"),
                pathAndQuery.replace("/targets/" + target + "/", "/targets/" + (target + 1) + "/"),
                link.getRawPath() + "?from=2024-01&to=2024-12"}) {
            int status = SecurityWorld.World.anonymous().urlEncodingEnabled(false).when().get(tampered).statusCode();
            assertEquals(401, status, tampered);
        }
        // A second signature is a parameter given twice: refused like any other.
        SecurityWorld.World.anonymous().urlEncodingEnabled(false).when().get(pathAndQuery + "&signature=AAAA")
                .then().statusCode(400);
        // A signature opens charts only: the same query on a list of members is refused.
        SecurityWorld.World.anonymous().urlEncodingEnabled(false).when()
                .get("/api/v1/members?" + link.getRawQuery()).then().statusCode(401);
    }

    @Test
    void theLinkCarriesTheCallersScope() {
        SecurityWorld.World w = worlds.create();
        long targetB = given().contentType(ContentType.JSON)
                .body(Map.of("name", "Chỉ tiêu tỉnh B", "scopeUnitId", w.provinceB.id, "metric", "ACTIVE_MEMBERS",
                        "targetValue", 10, "baselineDate", "2024-01-31", "deadline", "2024-12-31"))
                .when().post("/api/v1/targets").then().statusCode(201).extract().jsonPath().getLong("id");
        // The officer of province A asks for province A's series: the link names their unit.
        String chartUrl = w.as(w.officerA).queryParam("unitId", w.provinceA.id).queryParam("from", "2024-01")
                .queryParam("to", "2024-06").when().get("/api/v1/stats/membership/series").then().statusCode(200)
                .extract().jsonPath().getString("chartUrl");
        URI link = URI.create(chartUrl);
        assertEquals("/api/v1/stats/membership/series.png", link.getPath());
        assertTrue(link.getQuery().contains("unit=" + w.provinceA.id), chartUrl);
        SecurityWorld.World.anonymous().urlEncodingEnabled(false).when()
                .get(link.getRawPath() + "?" + link.getRawQuery()).then().statusCode(200)
                .contentType(startsWith("image/png"));
        // Province B's target is outside that officer's reach, with a token as with a link signed for them.
        w.as(w.officerA).when().get("/api/v1/targets/{id}/chart.png", targetB).then().statusCode(403);
        String signedForA = SignedLinks.sign("/api/v1/targets/" + targetB + "/chart.png", Map.of(),
                new Caller(w.officerAName, Roles.OFFICER, w.provinceA.id, null, null));
        SecurityWorld.World.anonymous().urlEncodingEnabled(false).when().get(signedForA).then().statusCode(403)
                .contentType("application/problem+json");
        // Signed for an analyst, the same chart opens: the link carries who asked, not more.
        String signedForAnalyst = SignedLinks.sign("/api/v1/targets/" + targetB + "/chart.png", Map.of(),
                new Caller("analyst", Roles.ANALYST, null, null, null));
        SecurityWorld.World.anonymous().urlEncodingEnabled(false).when().get(signedForAnalyst).then().statusCode(200)
                .contentType(startsWith("image/png"));
    }

    @Test
    void badParametersOfThePictureChartsAreProblems() {
        given().queryParam("from", "2024-13").when().get("/api/v1/targets/{id}/chart.png", 1).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("from"));
        given().when().get("/api/v1/targets/{id}/chart.png", 999_999_999L).then().statusCode(404)
                .contentType("application/problem+json");
        given().queryParam("unitId", "NO-SUCH-UNIT").when().get("/api/v1/stats/membership/series.png").then()
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("unitId"));
        given().queryParam("unit", "+4").when().get("/api/v1/stats/membership/series.png").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("unit"));
        given().queryParam("role", "MEMBER").when().get("/api/v1/targets/{id}/chart.png", 1).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", org.hamcrest.Matchers.equalTo("role"));
        SecurityWorld.World.anonymous().when().get("/api/v1/stats/membership/series.png").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void anExpiredOrMalformedLinkIsNoIdentity() {
        String signed = SignedLinks.sign("/api/v1/targets/7/chart.png", Map.of("from", "2024-01"),
                new Caller("analyst", Roles.ANALYST, null, null, null));
        URI link = URI.create(signed);
        MultiMap query = MultiMap.caseInsensitiveMultiMap();
        for (String pair : link.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.add(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        assertTrue(SignedLinks.verify("GET", link.getPath(), query, Instant.now()).isPresent());
        assertEquals(Roles.ANALYST, Caller.of(SignedLinks.verify("GET", link.getPath(), query, Instant.now())
                .orElseThrow()).role());
        assertFalse(SignedLinks.verify("GET", link.getPath(), query, Instant.now().plusSeconds(11 * 60)).isPresent(),
                "ten minutes later the link has expired");
        assertFalse(SignedLinks.verify("POST", link.getPath(), query, Instant.now()).isPresent(), "GET only");
        MultiMap twice = MultiMap.caseInsensitiveMultiMap().addAll(query).add("from", "2024-02");
        assertFalse(SignedLinks.verify("GET", link.getPath(), twice, Instant.now()).isPresent(), "a repeated parameter");
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                colours.add(image.getRGB(x, y));
            }
        }
        return colours.size();
    }
}
