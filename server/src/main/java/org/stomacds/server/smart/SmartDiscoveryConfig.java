package org.stomacds.server.smart;

import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.stomacds.server.fhir.FhirProperties;
import org.stomacds.server.fhir.FhirServerCustomizer;
import org.stomacds.server.security.ApiOpenness;
import org.stomacds.server.security.ApiSecurityProperties;
import org.stomacds.server.security.GrantableOperations;

/**
 * What SMART clients read before their first call: the CapabilityStatement's security and
 * operations ({@link CapabilityStatementFacts}) and {@code /fhir/.well-known/smart-configuration}
 * ({@link SmartConfigurationServlet}).
 */
@Configuration(proxyBeanMethods = false)
class SmartDiscoveryConfig {

  @Bean
  FhirServerCustomizer capabilityStatementFacts(
      ApiOpenness openness,
      ApiSecurityProperties security,
      FhirProperties fhir,
      Environment environment,
      GrantableOperations operations) {
    SmartDiscovery discovery = SmartDiscovery.of(security);
    boolean cors = !fhir.effectiveCorsOrigins(environment).isEmpty();
    return server ->
        server.registerInterceptor(
            new CapabilityStatementFacts(!openness.open(), discovery.issuer(), cors, operations));
  }

  @Bean
  ServletRegistrationBean<SmartConfigurationServlet> smartConfigurationServlet(
      ApiOpenness openness, ApiSecurityProperties security) {
    SmartDiscovery discovery = SmartDiscovery.of(security);
    String absent =
        openness.open()
            ? "this server asks for no token (demo profile): there is no authorization server"
            : "no authorization server is configured (stomacds.security.token-issuers)";
    ServletRegistrationBean<SmartConfigurationServlet> registration =
        new ServletRegistrationBean<>(
            new SmartConfigurationServlet(discovery.configuration(), absent),
            SmartConfigurationServlet.PATH);
    registration.setName("smartConfiguration");
    return registration;
  }
}
