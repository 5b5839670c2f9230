package org.stomacds.server.security;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stomacds.cds.CdsProperties;
import org.stomacds.server.fhir.FhirServerCustomizer;

/**
 * Hostile bodies: the {@link RequestBodyGate} on every path, and HAPI told not to inflate bodies
 * itself (the gate already has, within the limit). See docs/SECURITY.md.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(BodyGateProperties.class)
class BodyGateConfig {

  /** After Spring Security (-100) and the CDS Hooks JWT filter: only callers with a token. */
  static final int ORDER = -60;

  @Bean
  FilterRegistrationBean<RequestBodyGate> requestBodyGate(
      ApiSecurityProperties api, CdsProperties cds, BodyGateProperties bodies) {
    FilterRegistrationBean<RequestBodyGate> registration =
        new FilterRegistrationBean<>(
            new RequestBodyGate(
                api.maxFhirBodySize().toBytes(),
                cds.maxBodySize().toBytes(),
                bodies.validateMaxBodySize().toBytes(),
                bodies.limits(),
                bodies.validateLimits()));
    registration.addUrlPatterns("/*");
    registration.setName("requestBodyGate");
    registration.setOrder(ORDER);
    return registration;
  }

  /**
   * HAPI 8.8.0 ({@code ServletRequestDetails.getByteStreamRequestContents}) gunzips a body whose
   * {@code Content-Encoding} is exactly {@code gzip} into memory with no limit. The gate hides that
   * header after decoding; this turns HAPI's own inflation off as well.
   */
  @Bean
  FhirServerCustomizer noUnboundedInflation() {
    return server -> server.setUncompressIncomingContents(false);
  }
}
