package org.stomacds.server.fhir;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for {@code /fhir} (SMART apps and EHR sandboxes calling from a browser), as a servlet filter
 * ahead of everything else, as on {@code /cds-services}: a preflight is answered here and goes no
 * further (never authenticated), and for an allowed origin the CORS headers are on every answer,
 * including the 401 and 403 of Spring Security, the refusals of the body gate and the firewall, and
 * HAPI's errors. (HAPI's own {@code CorsInterceptor} runs inside the FHIR servlet, after
 * authentication, so a browser saw a refused token as a CORS failure.)
 *
 * <p>Origins: {@code stomacds.fhir.cors-allowed-origins}; in the demo profile the loopback origins
 * too ({@code DemoProfile.LOOPBACK_ORIGINS}).
 */
@Configuration(proxyBeanMethods = false)
class FhirCors {

  /** Same slot as the CDS Hooks CORS filter (they serve different paths). */
  static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

  static final List<String> ALLOWED_HEADERS =
      List.of(
          "authorization",
          "content-type",
          "accept",
          "prefer",
          "if-match",
          "if-none-match",
          "if-none-exist",
          "if-modified-since",
          "x-requested-with");

  @Bean
  FilterRegistrationBean<CorsFilter> fhirCorsFilter(
      FhirProperties properties, Environment environment) {
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(filter(properties.effectiveCorsOrigins(environment)));
    registration.addUrlPatterns("/fhir", "/fhir/*");
    registration.setName("fhirCorsFilter");
    registration.setOrder(ORDER);
    return registration;
  }

  static CorsFilter filter(List<String> origins) {
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOriginPatterns(origins);
    config.setAllowedHeaders(ALLOWED_HEADERS);
    config.setExposedHeaders(
        List.of("location", "content-location", "etag", "last-modified", "www-authenticate"));
    config.setAllowedMethods(List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD"));
    config.setAllowCredentials(false);
    config.setMaxAge(Duration.ofHours(1));
    // By the raw path, so requests the firewall refuses for their odd paths are covered as well.
    return new CorsFilter(
        (HttpServletRequest request) -> isFhirPath(request.getRequestURI()) ? config : null);
  }

  private static boolean isFhirPath(String uri) {
    return uri != null && (uri.equals("/fhir") || uri.startsWith("/fhir/"));
  }
}
