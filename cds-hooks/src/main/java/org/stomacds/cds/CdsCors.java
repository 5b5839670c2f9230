package org.stomacds.cds;

import java.time.Duration;
import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.CorsFilter;

/**
 * CORS for {@code /cds-services/**}, as a servlet filter that runs before anything else (including
 * a later authentication filter): a preflight {@code OPTIONS} is answered here and goes no further,
 * and the allow-origin header is on every answer, errors included.
 */
final class CdsCors {

  static final List<String> ALLOWED_HEADERS = List.of("authorization", "content-type");

  private CdsCors() {}

  static CorsFilter filter(List<String> allowedOrigins) {
    CorsConfiguration config = new CorsConfiguration();
    config.setAllowedOriginPatterns(allowedOrigins);
    config.setAllowedMethods(List.of("GET", "POST", "OPTIONS"));
    config.setAllowedHeaders(ALLOWED_HEADERS);
    config.setAllowCredentials(false);
    config.setMaxAge(Duration.ofHours(1));
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    source.registerCorsConfiguration("/cds-services", config);
    source.registerCorsConfiguration("/cds-services/**", config);
    return new CorsFilter(source);
  }
}
