package vn.doanvien.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A new analyst in Swagger UI, in headless Chromium (Debian's chromium and chromium-driver), against the packaged
 * application with its demo data: logs in through Authorize, then answers the five everyday questions of issue #21
 * (distance to 15 million and which provinces lag; one province by ownership; large enterprises without a union in
 * Bắc Ninh; a 12-month series; a CSV export), asserting on what the page shows. Runs from .ci/browser-test, which
 * starts the application and passes its address as {@code browser.base-url}; excluded from the ordinary suite.
 */
@Tag("browser")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SwaggerUiBrowserTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static ChromeDriver driver;
    private static SwaggerUi ui;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        String baseUrl = System.getProperty("browser.base-url");
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalStateException("browser.base-url is not set: run .ci/browser-test");
        }
        profile = Files.createTempDirectory("doanvien-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("browser.chromium", "/usr/bin/chromium"));
        // As the machine's notes say: no sandbox as root, no GPU, and no background connections (the network is
        // closed); a fresh profile. The analyst reads Vietnamese first.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "vi,en"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"))
                        .toFile())
                .build();
        driver = new ChromeDriver(service, options);
        ui = new SwaggerUi(driver, baseUrl.replaceAll("/+$", ""));
        ui.open();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    @Order(1)
    void theLandingPageSaysHowToLogInAndListsTheJourneysFirst() {
        assertTrue(ui.title().contains("doanvien API"), ui.title());
        String description = ui.description();
        assertTrue(description.contains("Authorize"), description);
        assertTrue(description.contains("analyst-demo-2026"), "the demo accounts are listed: " + description);
        List<String> tags = ui.tags();
        assertEquals(List.of("Targets", "Statistics", "Recruitment"), tags.subList(0, 3), tags.toString());
        assertTrue(tags.indexOf("Accounts") > tags.indexOf("Training courses"), tags.toString());
    }

    @Test
    @Order(2)
    void theAnalystLogsInWithAUsernameAndPasswordAndStaysLoggedInAcrossAReload() throws IOException {
        assertFalse(ui.authorized());
        ui.logIn("analyst", "analyst-demo-2026");
        assertTrue(ui.authorized(), "the padlock shows locked after logging in");

        ui.open();
        assertTrue(ui.authorized(), "the login survives a reload");
        SwaggerUi.Answer answer = ui.operation("Targets", "listTargets").execute();
        assertEquals("200", answer.status(), answer.body());
        assertTrue(JSON.readTree(answer.body()).path("totalItems").asInt() > 0, answer.body());
    }

    @Test
    @Order(3)
    void question1HowFarFrom15MillionAndWhichProvincesLag() throws IOException {
        SwaggerUi.Operation progress = ui.operation("Targets", "getTargetProgress");
        assertEquals("1", progress.valueOf("id"), "the path parameter comes with the national target as example");
        SwaggerUi.Answer answer = progress.execute();
        assertEquals("200", answer.status(), answer.body());

        JsonNode p = JSON.readTree(answer.body());
        assertEquals(15_000_000, p.path("targetValue").asLong());
        long current = p.path("currentValue").asLong();
        assertTrue(current > 0 && current < 15_000_000, answer.body());
        assertEquals(15_000_000 - current, p.path("remaining").asLong());
        assertTrue(answer.body().indexOf("\"breakdown\"") < answer.body().indexOf("\"allocations\"")
                || !answer.body().contains("\"allocations\""), "the breakdown comes first");

        // The breakdown lists the provincial federations, the biggest gap first: those lag most.
        JsonNode rows = p.path("breakdown");
        assertTrue(rows.size() >= 34, "34 provincial federations and the sectoral unions: " + rows.size());
        double previous = Double.MAX_VALUE;
        int lagging = 0;
        for (JsonNode row : rows) {
            double gap = row.path("gap").asDouble();
            assertTrue(gap <= previous, "sorted by gap, largest first");
            previous = gap;
            if (row.path("percentOfTarget").asDouble() < p.path("percentOfTarget").asDouble()) {
                lagging++;
            }
            assertTrue(row.path("baselineValue").asDouble() > 0, "a real baseline per unit: " + row);
        }
        assertTrue(lagging > 0 && lagging < rows.size(), "some provinces lag the national share, not all");
        assertTrue(rows.get(0).path("code").asText().startsWith("LDLD-"), rows.get(0).toString());
    }

    @Test
    @Order(4)
    void question2OneProvinceByOwnership() throws IOException {
        SwaggerUi.Answer answer = ui.operation("Statistics", "getMembershipStats")
                .type("unitId", "LDLD-01").choose("groupBy", "OWNERSHIP").execute();
        assertEquals("200", answer.status(), answer.body());
        assertTrue(answer.requestUrl().contains("unitId=LDLD-01"), answer.requestUrl());

        JsonNode s = JSON.readTree(answer.body());
        assertEquals("LDLD-01", s.path("unitCode").asText());
        assertEquals("OWNERSHIP", s.path("groupBy").asText());
        long sum = 0;
        List<String> keys = new ArrayList<>();
        for (JsonNode row : s.path("rows")) {
            sum += row.path("activeMembers").asLong();
            keys.add(row.path("key").asText());
            assertFalse(row.path("label").asText().isBlank(), row.toString());
        }
        assertTrue(keys.contains("FOREIGN_INVESTED"), keys.toString());
        assertTrue(answer.body().contains("Doanh nghiệp có vốn đầu tư nước ngoài"),
                "labels in Vietnamese for a browser that prefers it: " + answer.body());
        assertEquals(s.path("total").path("activeMembers").asLong(), sum, "the rows add up to the total");
    }

    @Test
    @Order(5)
    void question3LargeEnterprisesWithoutAUnionInBacNinh() throws IOException {
        SwaggerUi.Answer answer = ui.operation("Recruitment", "listRecruitmentLeads")
                .type("unitId", "LDLD-24").type("minWorkforce", "200").execute();
        assertEquals("200", answer.status(), answer.body());

        JsonNode items = JSON.readTree(answer.body()).path("items");
        assertTrue(items.size() > 0, answer.body());
        long previous = Long.MAX_VALUE;
        for (JsonNode lead : items) {
            assertEquals("24", lead.path("provinceCode").asText(), "Bắc Ninh only: " + lead);
            long workforce = lead.path("workforce").asLong();
            assertTrue(workforce >= 200, answer.requestUrl() + " " + lead);
            assertTrue(workforce <= previous, "biggest first");
            previous = workforce;
        }
        assertTrue(answer.body().contains("Bắc Ninh"), "addresses in Bắc Ninh are shown");
    }

    @Test
    @Order(6)
    void question4ATwelveMonthSeries() throws IOException {
        YearMonth to = YearMonth.now().minusMonths(1);
        YearMonth from = to.minusMonths(11);
        SwaggerUi.Answer answer = ui.operation("Statistics", "getMembershipSeries")
                .type("from", from.toString()).type("to", to.toString()).execute();
        assertEquals("200", answer.status(), answer.body());

        JsonNode points = JSON.readTree(answer.body()).path("points");
        assertEquals(12, points.size(), answer.requestUrl());
        for (int i = 0; i < 12; i++) {
            assertEquals(from.plusMonths(i).toString(), points.get(i).path("period").asText());
            assertTrue(points.get(i).path("activeMembers").asLong() > 0, points.get(i).toString());
        }
    }

    @Test
    @Order(7)
    void question5ACsvExport() {
        SwaggerUi.Answer answer = ui.operation("Statistics", "getMembershipStats")
                .type("unitId", "LDLD-01").choose("groupBy", "OWNERSHIP").choose("format", "csv").execute();
        assertEquals("200", answer.status());
        assertEquals("membership.csv", answer.downloadName(), "Swagger UI offers the file to download");
        assertTrue(answer.headers().contains("text/csv"), answer.headers());

        // What the "Download file" link saves: read through the page's own link.
        String csv = (String) ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const link = document.querySelector('#operations-Statistics-getMembershipStats "
                        + ".live-responses-table a[download]');"
                        + "fetch(link.href).then(r => r.arrayBuffer()).then(b => done(new TextDecoder('utf-8',"
                        + " {ignoreBOM: true}).decode(b)));");
        String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
        assertTrue(lines.length >= 3, csv);
        assertTrue(lines[0].contains(","), lines[0]);
        for (int i = 1; i < lines.length; i++) {
            assertFalse(lines[i].matches(".*,\\d+\\.0(,.*|$)"), "counts are integers: " + lines[i]);
        }
        assertTrue(csv.contains("FOREIGN_INVESTED"), csv);
    }

    @Test
    @Order(8)
    void optionalFiltersAreEmptySoExecuteReturnsEverything() throws IOException {
        SwaggerUi.Operation units = ui.operation("Units", "listUnits");
        for (String filter : List.of("asOf", "parentId", "provinceCode", "q")) {
            assertEquals("", units.valueOf(filter), filter + " is not pre-filled");
        }
        SwaggerUi.Answer unitList = units.execute();
        assertEquals("200", unitList.status(), unitList.body());
        assertTrue(JSON.readTree(unitList.body()).path("totalItems").asInt() > 100, unitList.body());

        SwaggerUi.Answer leads = ui.operation("Recruitment", "listRecruitmentLeads")
                .type("unitId", "").type("minWorkforce", "").execute();
        assertEquals("200", leads.status(), leads.body());
        assertNull(leads.downloadName());
        assertTrue(JSON.readTree(leads.body()).path("totalItems").asInt() > 15, leads.body());
    }

    @Test
    @Order(9)
    void chartsShowAsPicturesInSwaggerUiAndOpenInABrowserTab() throws IOException {
        SwaggerUi.Answer chart = ui.operation("Targets", "getTargetChartPng").execute();
        assertEquals("200", chart.status());
        assertTrue(chart.picture(), "Swagger UI shows the PNG chart as a picture");

        SwaggerUi.Answer series = ui.operation("Targets", "getTargetSeries").execute();
        assertEquals("200", series.status(), series.body());
        String chartUrl = JSON.readTree(series.body()).path("chartUrl").asText();
        assertTrue(chartUrl.contains("/api/v1/targets/1/chart.png?") && chartUrl.contains("signature="), chartUrl);

        // The link in a new tab, where no token goes: the browser shows the picture.
        String swaggerUi = driver.getWindowHandle();
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        try {
            driver.get(chartUrl);
            Object width = ((JavascriptExecutor) driver).executeScript(
                    "const img = document.querySelector('img'); return img && img.complete ? img.naturalWidth : -1;");
            assertEquals(960L, width, "the chart opened as an image in its own tab");
            assertEquals("image/png", ((JavascriptExecutor) driver).executeScript("return document.contentType;"));
        } finally {
            driver.close();
            driver.switchTo().window(swaggerUi);
        }
    }
}
