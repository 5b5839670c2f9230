package org.stomacds.cds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseBuilder;
import org.springframework.jdbc.datasource.embedded.EmbeddedDatabaseType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.stomacds.cds.security.TestIssuer;
import org.stomacds.engine.RuleEngine;

/**
 * The Spring wiring as the server app will pick it up: {@link CdsConfiguration}, the controller,
 * the error handler and the CORS filter registration, with the application's beans (a rule engine,
 * a DataSource) supplied by a small test configuration, and one trusted EHR. A slice test: an MVC
 * context, no server.
 */
@WebMvcTest(
    properties = {
      "stomacds.public-base-url=https://cds.example.org",
      "stomacds.cds.allowed-origins=https://sandbox.cds-hooks.org",
      "stomacds.cds.max-body-size=16KB"
    })
class CdsHooksSliceTest {

  @SpringBootConfiguration
  @Import({CdsConfiguration.class, CdsServicesController.class, CdsErrorHandler.class})
  static class App {
    @Bean
    RuleEngine ruleEngine() {
      return new FakeRuleEngine()
          .returning(r -> java.util.List.of(TestFindings.checklist("ServiceRequest/sr1")));
    }

    @Bean
    DataSource dataSource() {
      return new EmbeddedDatabaseBuilder()
          .setType(EmbeddedDatabaseType.H2)
          .generateUniqueName(true)
          .build();
    }
  }

  @Autowired MockMvc mvc;
  @Autowired DataSource dataSource;

  /** The EHR the slice trusts: its public key in a JWK Set file, as offline deployments do. */
  static final TestIssuer EHR = TestIssuer.ec("slice-ehr");

  @DynamicPropertySource
  static void trustedIssuer(DynamicPropertyRegistry registry) throws java.io.IOException {
    java.nio.file.Path jwks = java.nio.file.Files.createTempFile("slice-jwks", ".json");
    jwks.toFile().deleteOnExit();
    java.nio.file.Files.writeString(jwks, EHR.publicJwks());
    registry.add("stomacds.cds.security.issuers[0].iss", () -> "https://ehr.example.org");
    registry.add("stomacds.cds.security.issuers[0].jwks-file", jwks::toString);
  }

  private static String bearer(String path) {
    return "Bearer "
        + EHR.sign(
            TestIssuer.claims(
                "https://ehr.example.org",
                "https://cds.example.org" + path,
                java.time.Instant.now()));
  }

  @Test
  void servesDiscoveryAndCreatesOurTablesInTheirOwnSchema() throws Exception {
    mvc.perform(get("/cds-services")).andExpect(status().isUnauthorized());
    mvc.perform(get("/cds-services").header("Authorization", bearer("/cds-services")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.services", hasSize(3)));

    JdbcTemplate jdbc = new JdbcTemplate(dataSource);
    assertThat(
            jdbc.queryForList(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'stomacds'",
                String.class))
        .contains("CARD_ISSUANCE", "CARD_FEEDBACK", "INVOCATION_AUDIT", "flyway_schema_history");
    assertThat(
            jdbc.queryForList(
                "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'",
                String.class))
        .isEmpty();
  }

  @Test
  void answersAnOrderSignCallEndToEndThroughTheWiredBeans() throws Exception {
    String body =
        Requests.fullOrderPrefetch(Requests.orderHook("order-sign", Requests.dilationOrder("sr1")))
            .toString();

    mvc.perform(
            post("/cds-services/cpt-44405-order-sign")
                .header("Authorization", bearer("/cds-services/cpt-44405-order-sign"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.cards", hasSize(1)))
        .andExpect(
            jsonPath("$.cards[0].links[0].url")
                .value("https://cds.example.org/rules/order-documentation-checklist"))
        .andExpect(jsonPath("$.systemActions[0].resource.resourceType").value("ServiceRequest"));
  }

  @Test
  void appliesTheConfiguredBodyLimitAndCorsOrigins() throws Exception {
    mvc.perform(
            post("/cds-services/cpt-44405-order-sign")
                .header("Origin", "https://sandbox.cds-hooks.org")
                .header("Authorization", bearer("/cds-services/cpt-44405-order-sign"))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"pad\":\"" + "x".repeat(20_000) + "\"}"))
        .andExpect(status().isPayloadTooLarge())
        .andExpect(header().string("Access-Control-Allow-Origin", "https://sandbox.cds-hooks.org"));
    mvc.perform(
            options("/cds-services")
                .header("Origin", "https://sandbox.cds-hooks.org")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization"))
        .andExpect(status().isOk())
        .andExpect(header().string("Access-Control-Allow-Headers", "authorization"));
  }
}
