package org.stomacds.server.security;

import org.apache.catalina.core.StandardHost;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.stomacds.cds.CdsProperties;
import org.stomacds.server.fhir.FhirServerCustomizer;

/**
 * Hostile requests: the {@link RequestBodyGate} on every path, HAPI told not to inflate bodies
 * itself (the gate already has, within the limit), and requests refused before our code (by the
 * firewall or by Tomcat) answered in the door's own format ({@link DoorErrorReports}). See
 * docs/SECURITY.md.
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

  /** Firewall refusals (encoded slashes, dot segments, TRACE...) in the door's own format. */
  @Bean
  RequestRejectedHandler requestRejectedHandler() {
    return new DoorErrorReports.RejectedByFirewall();
  }

  /** Tomcat's own refusals, raised before the application, in the door's own format too. */
  @Bean
  WebServerFactoryCustomizer<TomcatServletWebServerFactory> doorErrorReports() {
    return factory ->
        factory.addContextCustomizers(
            context -> {
              if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(DoorErrorReports.Valve.class.getName());
              }
            });
  }
}
