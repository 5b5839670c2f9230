package org.stomacds.server.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.stomacds.server.StomaCdsApplication;

/**
 * The whole application, started once and shared by every integration test class that extends this
 * one: all of them declare exactly this configuration (inherited, never redeclared), so Spring
 * caches one context for the run instead of paying about 25 s per class.
 *
 * <p>The settings: an embedded H2 file database in a fresh directory under {@code target/}, CORS
 * for {@link #ALLOWED_ORIGIN} on both doors, and {@code stomacds.public-base-url} set to this
 * server's own address, so a hook call naming {@link #fhirBase()} as its {@code fhirServer} is
 * recognised as our own store. That URL is needed while the beans are created, before Tomcat has
 * bound a random port, so the port is chosen here up front (a free loopback port) rather than with
 * {@code RANDOM_PORT}. {@code stomacds.cds.shared-store} stays off: a call without data and without
 * {@code fhirServer} must answer 412.
 *
 * <p>Tests share one database: each writes resources under ids of its own and never assumes the
 * store or our tables are empty.
 *
 * <p>The application is secured as deployed, trusting the test issuers ({@link
 * TestTokens#PROFILE}): every request sent through {@link #send} without an {@code Authorization}
 * header of its own gets a valid token (a CDS Hooks JWT for this endpoint under {@code
 * /cds-services}, an access token with full access elsewhere), and so does every request of {@link
 * #fhirClient()}. A hook call may name a FHIR server on loopback ({@code http://127.0.0.1:*}) as
 * its {@code fhirServer}.
 */
@SpringBootTest(
    classes = StomaCdsApplication.class,
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles(TestTokens.PROFILE)
public abstract class SharedApplication {

  /** The one browser origin allowed to call {@code /cds-services} and {@code /fhir}. */
  public static final String ALLOWED_ORIGIN = "https://sandbox.cds-hooks.org";

  private static final int PORT = freeLoopbackPort();
  private static final String BASE_URL = "http://127.0.0.1:" + PORT;
  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @DynamicPropertySource
  static void sharedSettings(DynamicPropertyRegistry registry) {
    registry.add("server.port", () -> PORT);
    registry.add("server.address", () -> "127.0.0.1");
    registry.add("stomacds.fhir.data-dir", () -> DataDir.PATH.toString());
    registry.add("stomacds.public-base-url", () -> BASE_URL);
    registry.add("stomacds.cds.allowed-origins[0]", () -> ALLOWED_ORIGIN);
    registry.add("stomacds.fhir.cors-allowed-origins[0]", () -> ALLOWED_ORIGIN);
    registry.add("stomacds.cds.security.allowed-fhir-servers[0]", () -> "http://127.0.0.1:*");
    registry.add("stomacds.cds.security.allowed-fhir-servers[1]", () -> "http://localhost:*");
    registry.add("stomacds.security.max-fhir-body-size", () -> "2MB");
  }

  @Autowired private DataSource dataSource;

  private static volatile boolean ready;

  /** Every test starts on a ready application: the terminology loads after the context starts. */
  @BeforeEach
  void awaitReadiness() {
    if (!ready) {
      Readiness.await(BASE_URL);
      ready = true;
    }
  }

  /** Our tables and HAPI's, for checks on what was stored. */
  protected JdbcTemplate jdbc() {
    return new JdbcTemplate(dataSource);
  }

  public static String baseUrl() {
    return BASE_URL;
  }

  /** Our own FHIR base, as a hook client names it in {@code fhirServer}. */
  public static String fhirBase() {
    return BASE_URL + "/fhir";
  }

  public static FhirContext fhirContext() {
    return FHIR;
  }

  public static ObjectMapper json() {
    return JSON;
  }

  /** A FHIR client on our own FHIR server, with an access token of full access. */
  protected static IGenericClient fhirClient() {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    FHIR.getRestfulClientFactory().setSocketTimeout(60_000);
    IGenericClient client = FHIR.newRestfulGenericClient(fhirBase());
    client.registerInterceptor(TestTokens.fhirClientAuthorization(TestTokens.FULL_ACCESS));
    return client;
  }

  /** One HTTP answer, its body read as text (and as JSON on demand). */
  public record Answer(int status, java.net.http.HttpHeaders headers, String body) {

    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON (" + status + "): " + body, e);
      }
    }

    public Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  protected static Answer get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(BASE_URL + path)).GET(), headers);
  }

  protected static Answer post(String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(BASE_URL + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  protected static Answer options(String path, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(BASE_URL + path))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody()),
        headers);
  }

  protected static Answer send(HttpRequest.Builder request, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpRequest built = request.build();
    if (!built.method().equals("OPTIONS")
        && built.headers().firstValue("Authorization").isEmpty()) {
      String path = built.uri().getRawPath();
      request.header(
          "Authorization",
          "Bearer "
              + (path.startsWith("/cds-services")
                  ? TestTokens.cdsHooks(BASE_URL + path)
                  : TestTokens.accessToken(TestTokens.FULL_ACCESS)));
    }
    try {
      HttpResponse<String> response =
          HTTP.send(
              request.timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Answer(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static int freeLoopbackPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  /** The shared database's directory: one per test run, under the module's build directory. */
  private static final class DataDir {
    static final Path PATH = create();

    private static Path create() {
      try {
        Path target = Files.createDirectories(Path.of("target"));
        return Files.createTempDirectory(target, "shared-application-").toAbsolutePath();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
