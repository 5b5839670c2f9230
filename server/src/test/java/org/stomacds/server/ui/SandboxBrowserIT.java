package org.stomacds.server.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.stomacds.server.support.RunningServer;

/**
 * The sandbox and dashboard pages on the running application in the demo profile as the README's
 * quickstart runs it (loopback, no login, callers share the store: the only way the pages are
 * served without login), its public base URL set to where it listens, so the hook requests the
 * pages build name our own FHIR server.
 *
 * <p>The browser part runs {@code src/test/e2e/run.mjs} (Playwright driving Debian's Chromium): it
 * is skipped, naming what is missing, when node, playwright-core ({@code npm ci} in src/test/e2e)
 * or /usr/bin/chromium is not there. Screenshots land in {@code target/e2e/}.
 */
@Tag(RunningServer.OWN_SERVERS)
class SandboxBrowserIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static RunningServer server;

  @BeforeAll
  static void start() throws IOException {
    int port = freeLoopbackPort();
    Path target = Files.createDirectories(Path.of("target"));
    Path data = Files.createTempDirectory(target, "sandbox-browser-").toAbsolutePath();
    server =
        RunningServer.startDemo(
            Map.of(
                "server.port",
                String.valueOf(port),
                "stomacds.public-base-url",
                "http://127.0.0.1:" + port,
                "stomacds.fhir.data-dir",
                data.toString()));
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  void pagesAreServedWithAPolicyThatAllowsOnlyTheApplicationItself() {
    for (String path : List.of("/sandbox/", "/dashboard/", "/ui/base.css", "/sandbox/sandbox.js")) {
      HttpResponse<String> page = server.get(path);
      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'self'"));
    }
    assertThat(server.get("/sandbox/").body()).contains("<title>Sandbox · stomacds</title>");
    assertThat(server.get("/dashboard/").body()).contains("<title>Dashboard · stomacds</title>");
    HttpResponse<String> bare = server.get("/sandbox");
    assertThat(bare.statusCode()).isEqualTo(302);
    assertThat(bare.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).endsWith("/sandbox/"));
  }

  @Test
  void theSandboxListsThePackagedCasesAndNamesOurFhirServer() {
    JsonNode listing = json(server.get("/sandbox/api/cases"), 200);

    assertThat(listing.path("fhirServer").asText()).isEqualTo(server.fhirBase());
    assertThat(listing.path("sharedStore").asBoolean()).isTrue();
    assertThat(listing.path("cases").size()).isGreaterThanOrEqualTo(60);
    JsonNode detail = json(server.get("/sandbox/api/cases/warn-missing-balloon-size"), 200);
    assertThat(detail.path("bundle").path("entry").size()).isGreaterThan(5);
    assertThat(detail.path("requests").get(0).path("hook").asText())
        .isEqualTo("encounter-discharge");
    JsonNode unknown = json(server.get("/sandbox/api/cases/no-such-case"), 404);
    assertThat(unknown.path("error").asText()).isEqualTo("unknown-case");
  }

  @Test
  void theDashboardApiAnswersCountsByDayAndRefusesABadPeriodSayingWhy() {
    JsonNode activity =
        json(server.get("/dashboard/api/rule-activity?from=2026-01-01&to=2026-01-31&tz=UTC"), 200);
    assertThat(activity.path("days").size()).isEqualTo(31);
    assertThat(activity.path("totals").path("daily").path("issued").size()).isEqualTo(31);

    JsonNode refused = json(server.get("/dashboard/api/rule-activity?from=last-week"), 400);
    assertThat(refused.path("error").asText()).isEqualTo("invalid-request");
    assertThat(refused.path("message").asText()).contains("'from' must be a date");

    JsonNode rules = json(server.get("/dashboard/api/rules"), 200);
    assertThat(rules.size()).isGreaterThan(30);
  }

  @Test
  void sandboxAndDashboardWorkInARealBrowser() throws Exception {
    NodeTools.requireOrSkip(NodeTools.missingForBrowser(), "browser test");
    Path screenshots = Files.createDirectories(Path.of("target", "e2e")).toAbsolutePath();

    NodeTools.Result result =
        NodeTools.run(
            List.of(
                "node",
                "run.mjs",
                "--base-url",
                server.baseUrl(),
                "--out",
                screenshots.toString(),
                "--chromium",
                NodeTools.CHROMIUM.toString()),
            600);

    System.out.println(result.output());
    assertThat(result.exitCode()).as("the browser test failed:%n%s", result.output()).isZero();
    assertThat(screenshots.resolve("sandbox.png")).isRegularFile();
    assertThat(screenshots.resolve("dashboard.png")).isRegularFile();
  }

  private static JsonNode json(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
