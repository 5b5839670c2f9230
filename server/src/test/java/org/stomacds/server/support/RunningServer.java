package org.stomacds.server.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.stomacds.server.StomaCdsApplication;

/**
 * The whole application started in-process on a random loopback port, for tests that must stop and
 * start it again on the same database (restart, crash recovery). Tests that need one long-lived
 * application use {@code @SpringBootTest} instead, so Spring caches the context.
 *
 * <p>The application runs secured, trusting the test issuers ({@link TestTokens#PROFILE}), and
 * every request sent through this class carries a valid token unless it names its own {@code
 * Authorization} header: a CDS Hooks JWT for {@code /cds-services}, an access token with full
 * access otherwise. {@link #withoutToken()} sends requests without one.
 */
public final class RunningServer implements AutoCloseable {

  /**
   * The JUnit tag of a test class that starts the application in-process through this class (or
   * {@code SpringApplication}) outside {@link SharedApplication}: failsafe runs those classes in a
   * JVM of their own (server/pom.xml, execution {@code own-servers}), because each closed
   * application stays reachable in the JVM that started it.
   */
  public static final String OWN_SERVERS = "own-servers";

  private static final FhirContext FHIR = FhirContext.forR4Cached();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final ConfigurableApplicationContext context;
  private final String baseUrl;
  private final boolean withTokens;
  private final boolean withCdsTokens;

  private RunningServer(ConfigurableApplicationContext context) {
    this(context, true);
  }

  private RunningServer(ConfigurableApplicationContext context, boolean withTokens) {
    this(context, withTokens, withTokens);
  }

  private RunningServer(
      ConfigurableApplicationContext context, boolean withTokens, boolean withCdsTokens) {
    this.context = context;
    int port = ((WebServerApplicationContext) context).getWebServer().getPort();
    this.baseUrl = "http://127.0.0.1:" + port;
    this.withTokens = withTokens;
    this.withCdsTokens = withCdsTokens;
  }

  /**
   * Starts the application with these settings (command-line precedence: they win over YAML), on a
   * random port unless they give {@code server.port}.
   */
  public static RunningServer start(Map<String, String> settings) {
    Map<String, String> all = new java.util.LinkedHashMap<>(settings);
    all.merge("spring.profiles.active", TestTokens.PROFILE, (mine, test) -> mine + "," + test);
    return new RunningServer(run(all));
  }

  /**
   * Starts the application as the README's quickstart runs it: the {@code demo} profile with no
   * issuer configured, so nothing asks for a login (the sandbox pages' case). Requests sent through
   * this class carry no token.
   */
  public static RunningServer startDemo(Map<String, String> settings) {
    Map<String, String> all = new java.util.LinkedHashMap<>(settings);
    all.put("spring.profiles.active", "demo");
    return new RunningServer(run(all), false);
  }

  /**
   * Starts the application in these profiles only (no test issuer added): a profile as the README
   * runs it, with these settings on top. Requests sent through this class carry an access token for
   * everything but {@code /cds-services} (the settings must trust the test authorization server for
   * it to be accepted) and none for {@code /cds-services}.
   */
  public static RunningServer startInProfiles(String profiles, Map<String, String> settings) {
    Map<String, String> all = new java.util.LinkedHashMap<>(settings);
    all.put("spring.profiles.active", profiles);
    return new RunningServer(run(all), true, false);
  }

  private static ConfigurableApplicationContext run(Map<String, String> settings) {
    List<String> args = new ArrayList<>();
    if (!settings.containsKey("server.port")) {
      args.add("--server.port=0");
    }
    args.add("--server.address=127.0.0.1");
    settings.forEach((key, value) -> args.add("--" + key + "=" + value));
    ConfigurableApplicationContext context =
        new SpringApplicationBuilder(StomaCdsApplication.class).run(args.toArray(String[]::new));
    // The terminology loads after the context starts: hand the test a ready server.
    Readiness.await(
        "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort());
    return context;
  }

  /** Settings for an embedded H2 file database in {@code dataDir}. */
  public static Map<String, String> h2(Path dataDir) {
    return Map.of("stomacds.fhir.data-dir", dataDir.toString());
  }

  public String baseUrl() {
    return baseUrl;
  }

  public String fhirBase() {
    return baseUrl + "/fhir";
  }

  /** A HAPI client whose every request carries an access token with full access. */
  public IGenericClient fhirClient() {
    return fhirClient(TestTokens.FULL_ACCESS);
  }

  /** A HAPI client whose every request carries an access token with these SMART scopes. */
  public IGenericClient fhirClient(String... scopes) {
    FHIR.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
    FHIR.getRestfulClientFactory().setSocketTimeout(60_000);
    IGenericClient client = FHIR.newRestfulGenericClient(fhirBase());
    client.registerInterceptor(TestTokens.fhirClientAuthorization(scopes));
    return client;
  }

  /** This server, sending requests without a token (to see them refused). */
  public RunningServer withoutToken() {
    return new RunningServer(context, false, false);
  }

  /** The public URL of an endpoint ({@code stomacds.public-base-url} + path): a JWT's aud. */
  public String publicUrl(String path) {
    return context.getBean(org.stomacds.cds.url.PublicEndpoints.class).url(path);
  }

  public <T> T bean(Class<T> type) {
    return context.getBean(type);
  }

  public HttpResponse<String> get(String path, String... headers) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), headers);
  }

  public HttpResponse<String> send(HttpRequest.Builder request, String... headers) {
    if (headers.length > 0) {
      request.headers(headers);
    }
    HttpRequest built = request.build();
    boolean named = false;
    for (int i = 0; i < headers.length; i += 2) {
      named |= headers[i].equalsIgnoreCase("Authorization");
    }
    String path = built.uri().getRawPath();
    boolean cds = path.startsWith("/cds-services");
    if ((cds ? withCdsTokens : withTokens) && !named && !built.method().equals("OPTIONS")) {
      request.header(
          "Authorization",
          "Bearer "
              + (cds
                  ? TestTokens.cdsHooks(publicUrl(path))
                  : TestTokens.accessToken(TestTokens.FULL_ACCESS)));
    }
    try {
      return HTTP.send(
          request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POSTs JSON: {@code application/json} to {@code /cds-services}, FHIR JSON elsewhere. */
  public HttpResponse<String> postJson(String path, String body, String... headers) {
    return send(
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .header(
                "Content-Type",
                path.startsWith("/cds-services") ? "application/json" : "application/fhir+json")
            .POST(HttpRequest.BodyPublishers.ofString(body)),
        headers);
  }

  @Override
  public void close() {
    context.close();
  }
}
