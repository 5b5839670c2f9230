package org.stomacds.cds.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stomacds.casedata.FhirDataSource;
import org.stomacds.casedata.FhirDataUnavailableException;

/** Against a FHIR server stand-in on loopback (no network). */
class RemoteFhirDataSourceTest {

  private HttpServer server;
  private String base;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    base = "http://127.0.0.1:" + server.getAddress().getPort() + "/fhir";
    server.createContext(
        "/fhir/",
        exchange -> {
          authorizations.add(
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          String path = exchange.getRequestURI().toString();
          String body;
          int status = 200;
          if (path.equals("/fhir/Patient/p1")) {
            body = "{\"resourceType\":\"Patient\",\"id\":\"p1\"}";
          } else if (path.equals("/fhir/Coverage?patient=p1")) {
            body =
                "{\"resourceType\":\"Bundle\",\"type\":\"searchset\",\"link\":[{\"relation\":\"next\",\"url\":\""
                    + base
                    + "/Coverage?patient=p1&page=2\"}],\"entry\":[{\"resource\":{\"resourceType\":\"Coverage\",\"id\":\"c1\"},\"search\":{\"mode\":\"match\"}},"
                    + "{\"resource\":{\"resourceType\":\"OperationOutcome\"},\"search\":{\"mode\":\"outcome\"}}]}";
          } else if (path.equals("/fhir/Coverage?patient=p1&page=2")) {
            body = page("c2", null);
          } else if (path.startsWith("/fhir/Escape?")) {
            // The next link the test chose, from the query: ?next=<url-encoded link>
            String next =
                java.net.URLDecoder.decode(
                    exchange.getRequestURI().getRawQuery().substring("next=".length()),
                    StandardCharsets.UTF_8);
            body = page("e1", next.replace("{base}", base));
          } else if (path.startsWith("/fhir/Broken")) {
            status = 500;
            body = "{\"resourceType\":\"OperationOutcome\"}";
          } else {
            status = 404;
            body = "{\"resourceType\":\"OperationOutcome\"}";
          }
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/fhir+json");
          exchange.sendResponseHeaders(status, bytes.length);
          exchange.getResponseBody().write(bytes);
          exchange.close();
        });
    server.start();
  }

  private static String page(String id, String next) {
    String link =
        next == null
            ? ""
            : "\"link\":[{\"relation\":\"next\",\"url\":\""
                + next.replace("\\", "\\\\").replace("\"", "\\\"")
                + "\"}],";
    return "{\"resourceType\":\"Bundle\",\"type\":\"searchset\","
        + link
        + "\"entry\":[{\"resource\":{\"resourceType\":\"Coverage\",\"id\":\""
        + id
        + "\"}}]}";
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private FhirDataSource source(String token) {
    return new HttpFhirDataSourceFactory(
            FhirContext.forR4Cached(), Duration.ofSeconds(1), Duration.ofSeconds(2))
        .create(URI.create(base), token);
  }

  @Test
  void readsWithTheCallsBearerToken() {
    assertThat(source("tok-1").read("Patient/p1"))
        .get()
        .extracting(Resource::fhirType)
        .isEqualTo("Patient");
    assertThat(authorizations).containsExactly("Bearer tok-1");
  }

  @Test
  void takesNotFoundAsNoData() {
    assertThat(source(null).read("Patient/nobody")).isEmpty();
    assertThat(authorizations).containsExactly("null");
  }

  @Test
  void followsNextPagesUnderTheSameBaseAndLeavesOutcomeEntries() {
    List<Resource> found = source("t").search("Coverage?patient=p1");

    assertThat(found).extracting(r -> r.getIdElement().getIdPart()).containsExactly("c1", "c2");
    assertThat(authorizations).hasSize(2);
  }

  /** Next links that leave the base, in every spelling: not followed, the token not sent. */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {
        "{base}/../../elsewhere",
        "{base}/../admin?x=1",
        "{base}/%2e%2e/%2e%2e/elsewhere",
        "{base}/%2E./elsewhere",
        "{base}/.%2e/elsewhere",
        "{base}/%252e%252e/elsewhere",
        "{base}/..;/elsewhere",
        "{base}/.\\..\\elsewhere",
        "{base}/x%2f..%2f..%2felsewhere",
        "{base}//evil",
        "{base}x/Coverage?page=2",
        "https://elsewhere.example.org/steal",
        "http://localhost:1/fhir/Coverage?page=2",
        "http://user@127.0.0.1:1/fhir",
        "/fhir/Coverage?page=2",
        "Coverage?page=2",
        "{base}/Coverage?page=2#frag",
        "javascript:alert(1)"
      })
  void refusesANextLinkLeavingTheBaseWithoutSendingTheToken(String next) {
    String query = "Escape?next=" + java.net.URLEncoder.encode(next, StandardCharsets.UTF_8);

    assertThatThrownBy(() -> source("secret-token").search(query))
        .isInstanceOf(FhirDataUnavailableException.class)
        .hasMessageContaining("not followed")
        .hasMessageNotContaining("secret-token");
    assertThat(authorizations).hasSize(1);
  }

  @Test
  void followsALinkToTheAdvertisedBaseUnderTheBaseCalled() {
    FhirDataSource own =
        new HttpFhirDataSourceFactory(
                FhirContext.forR4Cached(), Duration.ofSeconds(1), Duration.ofSeconds(2))
            .create(URI.create(base), URI.create("https://cds.example.org/fhir"), "t");
    String query =
        "Escape?next="
            + java.net.URLEncoder.encode(
                "HTTPS://cds.example.org:443/fhir/Coverage?patient=p1&page=2",
                StandardCharsets.UTF_8);

    assertThat(own.search(query))
        .extracting(r -> r.getIdElement().getIdPart())
        .containsExactly("e1", "c2");
  }

  @Test
  void asksOurOwnServerForPagesByOffsetUnlessTheQueryNamesItsOwnPagingOrOrder() {
    assertThat(RemoteFhirDataSource.pagedByOffset("Encounter?patient=p1"))
        .isEqualTo("Encounter?patient=p1&_sort=_id&_count=200&_offset=0");
    assertThat(RemoteFhirDataSource.pagedByOffset("Patient"))
        .isEqualTo("Patient?_sort=_id&_count=200&_offset=0");
    assertThat(RemoteFhirDataSource.pagedByOffset("Patient?"))
        .isEqualTo("Patient?_sort=_id&_count=200&_offset=0");
    for (String own :
        List.of(
            "Encounter?patient=p1&_count=5",
            "Encounter?_offset=40&patient=p1",
            "Encounter?patient=p1&_sort=-date",
            "Encounter?patient=p1&_sort:desc=date")) {
      assertThat(RemoteFhirDataSource.pagedByOffset(own)).isEqualTo(own);
    }
  }

  @Test
  void pagesOnlyOurOwnServerByOffset() {
    // A client's server is asked exactly what the prefetch template says (its own paging).
    assertThat(source("t").search("Coverage?patient=p1"))
        .extracting(r -> r.getIdElement().getIdPart())
        .containsExactly("c1", "c2");
    FhirDataSource own =
        new HttpFhirDataSourceFactory(
                FhirContext.forR4Cached(), Duration.ofSeconds(1), Duration.ofSeconds(2))
            .ownServer(URI.create(base), URI.create("https://cds.example.org/fhir"), "t");
    // The stand-in knows only the unpaged query, so our own server's offset query is not found.
    assertThatThrownBy(() -> own.search("Coverage?patient=p1"))
        .isInstanceOf(FhirDataUnavailableException.class)
        .hasMessageContaining("HTTP 404");
  }

  @Test
  void namesAnAbsoluteUrlAsRelativeOnlyUnderItsBaseOrTheAdvertisedOne() {
    FhirDataSource own =
        new HttpFhirDataSourceFactory(
                FhirContext.forR4Cached(), Duration.ofSeconds(1), Duration.ofSeconds(2))
            .create(URI.create(base), URI.create("https://cds.example.org/fhir"), "t");
    assertThat(own.relativeUrl(base + "/Binary/eRTF1")).contains("Binary/eRTF1");
    assertThat(own.relativeUrl("HTTPS://cds.example.org:443/fhir/Binary/b2")).contains("Binary/b2");
    assertThat(own.relativeUrl("https://other.example.org/fhir/Binary/b3")).isEmpty();
    assertThat(own.relativeUrl(base + "/../admin/Binary/b4")).isEmpty();
    assertThat(own.relativeUrl("https://cds.example.org/fhirx/Binary/b5")).isEmpty();
    assertThat(authorizations).isEmpty();
  }

  @Test
  void neverFetchesAReferenceOrQueryThatWouldLeaveTheBase() {
    for (String escape : List.of("../admin", "Patient/..%2f..%2fadmin", "%2e%2e/x", "/x")) {
      assertThatThrownBy(() -> source("secret-token").read(escape))
          .isInstanceOf(FhirDataUnavailableException.class);
    }
    assertThat(authorizations).isEmpty();
  }

  @Test
  void reportsAServerErrorWithoutTheToken() {
    assertThatThrownBy(() -> source("secret-token").read("Broken/1"))
        .isInstanceOf(FhirDataUnavailableException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageNotContaining("secret-token");
  }
}
