package org.stomacds.cds.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;
import org.stomacds.cds.security.CdsSecurityProperties.TrustedIssuer;
import org.stomacds.cds.store.StomacdsSchema;
import org.stomacds.cds.url.PublicEndpoints;

/** The filter in front of the endpoints: every call authenticated, preflights not, 401s bare. */
@ExtendWith(OutputCaptureExtension.class)
class CdsJwtFilterTest {

  static final String EHR = "https://ehr.example.org";
  static final String BASE = "https://cds.example.org";
  static final TestIssuer KEY = TestIssuer.ec("ehr-1");

  final JwksServer jwks = new JwksServer().serve("/jwks", KEY.publicJwks());

  @RestController
  static class Endpoints {
    @GetMapping("/cds-services")
    String discovery() {
      return "{\"services\":[]}";
    }

    @PostMapping("/cds-services/{id}")
    String call() {
      return "{\"cards\":[]}";
    }
  }

  @AfterEach
  void stop() {
    jwks.close();
  }

  private MockMvc mvc(boolean open, List<TrustedIssuer> issuers) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:filter-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    StomacdsSchema.flyway(h2).migrate();
    CdsJwtVerifier verifier = TestJwtFilter.verifier(issuers, h2, Clock.systemUTC());
    CorsConfiguration cors = new CorsConfiguration();
    cors.addAllowedOrigin("https://sandbox.cds-hooks.org");
    cors.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
    cors.addAllowedHeader("authorization");
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/**", cors);
    return MockMvcBuilders.standaloneSetup(new Endpoints())
        .addFilters(
            new CorsFilter(source), new CdsJwtFilter(verifier, new PublicEndpoints(BASE), open))
        .build();
  }

  private List<TrustedIssuer> trusted() {
    return List.of(TrustedIssuers.keysAt(EHR, jwks.url("/jwks")).build());
  }

  private static String token(String path) {
    return KEY.sign(TestIssuer.claims(EHR, BASE + path, Instant.now()));
  }

  @Test
  void authenticatesDiscoveryAndServiceCallsAgainstTheirOwnEndpointUrl() throws Exception {
    MockMvc mvc = mvc(false, trusted());

    mvc.perform(get("/cds-services").header("Authorization", "Bearer " + token("/cds-services")))
        .andExpect(status().isOk());
    mvc.perform(
            post("/cds-services/svc")
                .header("Authorization", "Bearer " + token("/cds-services/svc"))
                .content("{}"))
        .andExpect(status().isOk());
    // A token minted for discovery is not good for a service call.
    mvc.perform(
            post("/cds-services/svc")
                .header("Authorization", "Bearer " + token("/cds-services"))
                .content("{}"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void answersABare401WithCorsHeadersAndLogsTheReasonNeverTheToken(CapturedOutput output)
      throws Exception {
    MockMvc mvc = mvc(false, trusted());
    String forged =
        TestIssuer.ec("ehr-1").sign(TestIssuer.claims(EHR, BASE + "/cds-services", Instant.now()));

    mvc.perform(get("/cds-services").header("Origin", "https://sandbox.cds-hooks.org"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", "Bearer"))
        .andExpect(header().string("Access-Control-Allow-Origin", "https://sandbox.cds-hooks.org"))
        .andExpect(
            content()
                .json(
                    "{\"error\":\"unauthorized\",\"message\":\"a valid CDS Hooks JWT is required\"}",
                    true));
    mvc.perform(get("/cds-services").header("Authorization", "Bearer " + forged))
        .andExpect(status().isUnauthorized());
    mvc.perform(get("/cds-services").header("Authorization", "Basic dXNlcjpwYXNz"))
        .andExpect(status().isUnauthorized());

    assertThat(output.getAll())
        .contains("reason=MISSING_TOKEN", "reason=BAD_SIGNATURE")
        .doesNotContain(forged, forged.substring(forged.lastIndexOf('.') + 1));
  }

  @Test
  void logsTheIssuerSubjectAndTenantOfAnAcceptedCallButNeverTheToken(CapturedOutput output)
      throws Exception {
    MockMvc mvc = mvc(false, trusted());
    String token =
        KEY.sign(
            TestIssuer.claims(EHR, BASE + "/cds-services", Instant.now())
                .claim("tenant", "hospital-7"));

    mvc.perform(get("/cds-services").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());

    assertThat(output.getAll())
        .contains(
            "cds call accepted: iss=https://ehr.example.org sub=ehr-client tenant=hospital-7"
                + " method=GET path=/cds-services")
        .doesNotContain(token, token.substring(token.lastIndexOf('.') + 1));
  }

  @Test
  void logsAnAcceptedHookInvocationOnlyAtDebugAndDiscoveryAtInfo() throws Exception {
    MockMvc mvc = mvc(false, trusted());
    Logger logger = (Logger) LoggerFactory.getLogger(CdsJwtFilter.class);
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    logger.addAppender(events);
    Level level = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    try {
      mvc.perform(
              post("/cds-services/svc")
                  .header("Authorization", "Bearer " + token("/cds-services/svc"))
                  .content("{}"))
          .andExpect(status().isOk());
      mvc.perform(get("/cds-services").header("Authorization", "Bearer " + token("/cds-services")))
          .andExpect(status().isOk());
    } finally {
      logger.detachAppender(events);
      logger.setLevel(level);
    }

    // The hook service's own INFO line names the caller of a hook call; discovery has no other.
    assertThat(events.list)
        .extracting(e -> e.getLevel() + " " + e.getFormattedMessage())
        .containsExactly(
            "DEBUG cds call accepted: iss=https://ehr.example.org sub=ehr-client tenant=(none)"
                + " method=POST path=/cds-services/svc",
            "INFO cds call accepted: iss=https://ehr.example.org sub=ehr-client tenant=(none)"
                + " method=GET path=/cds-services");
  }

  @Test
  void letsCorsPreflightsThroughWithoutAToken() throws Exception {
    MockMvc mvc = mvc(false, trusted());

    mvc.perform(
            options("/cds-services/svc")
                .header("Origin", "https://sandbox.cds-hooks.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization"))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Origin", "https://sandbox.cds-hooks.org"));
  }

  @Test
  void refusesEveryCallWhenNoIssuerIsConfiguredUnlessOpenForTheDemo() throws Exception {
    mvc(false, List.of())
        .perform(get("/cds-services").header("Authorization", "Bearer " + token("/cds-services")))
        .andExpect(status().isUnauthorized());
    mvc(true, List.of()).perform(get("/cds-services")).andExpect(status().isOk());
  }
}
