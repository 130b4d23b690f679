package vn.doanvien.browser;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Swagger UI as a person uses it, in a real browser: the Authorize dialog, an operation opened from its tag, "Try it
 * out", parameters typed or chosen, "Execute", and the answer as the page shows it (status cell and body text).
 * Elements are found by what Swagger UI renders ({@code #operations-<tag>-<operationId>},
 * {@code tr[data-param-name]}, the live response table), never by calling the API beside the page.
 */
final class SwaggerUi {

    private final WebDriver driver;
    private final WebDriverWait wait;
    private final String baseUrl;

    SwaggerUi(WebDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    /** Opens (or reloads) Swagger UI and waits until the operations are listed. */
    SwaggerUi open() {
        driver.get(baseUrl + "/q/swagger-ui/");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".opblock-tag-section")));
        return this;
    }

    String title() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".info .title"))).getText();
    }

    /** The landing text under the title (its whole text, also what is scrolled out of view). */
    String description() {
        return text(wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".info"))));
    }

    /** The tags in the order the page lists them. */
    List<String> tags() {
        return driver.findElements(By.cssSelector(".opblock-tag-section .opblock-tag")).stream()
                .map(e -> e.getAttribute("data-tag")).toList();
    }

    /** Authorize → the OAuth2 password form → username and password → Authorize → Close. */
    void logIn(String username, String password) {
        click(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".scheme-container .btn.authorize"))));
        WebElement form = wait.until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//div[contains(@class,'auth-container')][.//input[@id='oauth_username']]")));
        form.findElement(By.id("oauth_username")).sendKeys(username);
        form.findElement(By.id("oauth_password")).sendKeys(password);
        click(form.findElement(By.cssSelector("button.btn.modal-btn.auth.authorize")));
        // Swagger UI shows "Logout" in the form once the token endpoint answered with a token.
        wait.until(d -> form.findElements(By.xpath(".//button[normalize-space()='Logout']")).size() == 1);
        click(driver.findElement(By.cssSelector(".modal-ux .close-modal")));
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".modal-ux")));
    }

    /** True when the padlock of the Authorize button shows locked (Swagger UI marks it "locked"). */
    boolean authorized() {
        return !driver.findElements(By.cssSelector(".scheme-container .btn.authorize.locked")).isEmpty();
    }

    Operation operation(String tag, String operationId) {
        WebElement block = driver.findElement(By.id("operations-" + tag.replace(' ', '_') + "-" + operationId));
        scrollTo(block);
        if (!block.getAttribute("class").contains("is-open")) {
            click(block.findElement(By.cssSelector(".opblock-summary-control")));
        }
        WebElement tryOut = wait.until(d -> {
            List<WebElement> b = block.findElements(By.cssSelector("button.try-out__btn"));
            return b.isEmpty() ? null : b.get(0);
        });
        if (tryOut.getText().contains("Try it out")) {
            click(tryOut);
        }
        return new Operation(block);
    }

    /** The whole text of an element, also the part scrolled out of view. */
    private String text(WebElement element) {
        return (String) ((JavascriptExecutor) driver).executeScript("return arguments[0].textContent;", element);
    }

    private void click(WebElement element) {
        scrollTo(element);
        ((JavascriptExecutor) driver).executeScript("arguments[0].click();", element);
    }

    private void scrollTo(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
    }

    /** One opened operation in "Try it out" mode. */
    final class Operation {

        private final WebElement block;

        private Operation(WebElement block) {
            this.block = block;
        }

        /** Types a value into a parameter's text field (clearing what Swagger UI put there). */
        Operation type(String parameter, String value) {
            WebElement input = block.findElement(By.cssSelector("tr[data-param-name='" + parameter + "'] input"));
            // Swagger UI's inputs are debounced React fields: select and replace with keys (clear() does not reach
            // React), then leave the field, which hands the value over at once.
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            input.sendKeys(value, Keys.TAB);
            return this;
        }

        /** The value Swagger UI put into a parameter before anybody typed. */
        String valueOf(String parameter) {
            return block.findElement(By.cssSelector("tr[data-param-name='" + parameter + "'] input"))
                    .getAttribute("value");
        }

        /** Chooses an option of an enumerated parameter's drop-down. */
        Operation choose(String parameter, String option) {
            new Select(block.findElement(By.cssSelector("tr[data-param-name='" + parameter + "'] select")))
                    .selectByVisibleText(option);
            return this;
        }

        /** Executes and waits for the answer, as the page shows it. */
        Answer execute() {
            List<WebElement> clear = block.findElements(By.cssSelector("button.btn-clear"));
            if (!clear.isEmpty()) {
                click(clear.get(0));
                wait.until(d -> block.findElements(By.cssSelector(".live-responses-table")).isEmpty());
            }
            click(block.findElement(By.cssSelector("button.execute")));
            WebElement status = wait.until(d -> {
                List<WebElement> s = block.findElements(
                        By.cssSelector(".live-responses-table .response .response-col_status"));
                return s.isEmpty() || s.get(0).getText().isBlank() ? null : s.get(0);
            });
            WebElement live = block.findElement(By.cssSelector(".live-responses-table .response"));
            List<WebElement> body = live.findElements(
                    By.xpath(".//h5[normalize-space()='Response body']/following-sibling::*[1]//pre"));
            List<WebElement> download = live.findElements(By.cssSelector(".response-col_description a[download]"));
            List<WebElement> headers = live.findElements(
                    By.xpath(".//h5[normalize-space()='Response headers']/following-sibling::*[1]"));
            boolean picture = !live.findElements(By.cssSelector(".response-col_description img")).isEmpty();
            String requestUrl = block.findElements(By.cssSelector(".request-url pre")).stream()
                    .map(WebElement::getText).findFirst().orElse("");
            return new Answer(status.getText().trim(),
                    body.isEmpty() ? "" : text(body.get(0)),
                    download.isEmpty() ? null : download.get(0).getAttribute("download"),
                    headers.isEmpty() ? "" : text(headers.get(0)), requestUrl, picture);
        }
    }

    /**
     * What the page shows of an answer: the status, the body text, the file name of a "Download file" link (null
     * when the body is shown), the response headers as text, the request URL Swagger UI sent, and whether the body
     * is shown as a picture.
     */
    record Answer(String status, String body, String downloadName, String headers, String requestUrl,
                  boolean picture) {
    }
}
