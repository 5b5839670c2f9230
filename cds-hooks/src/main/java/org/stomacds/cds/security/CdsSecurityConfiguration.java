package org.stomacds.cds.security;

import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.cds.url.PublicEndpoints;

/**
 * Authentication of CDS Clients (and the properties that also hold the allowlist of FHIR servers we
 * call back, applied by {@code CdsConfiguration}). Imported by the CDS Hooks configuration, so the
 * endpoints are never wired without it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdsSecurityProperties.class)
public class CdsSecurityConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CdsSecurityConfiguration.class);

  /** After CORS ({@code HIGHEST_PRECEDENCE + 100}), before everything else. */
  static final int FILTER_ORDER = Ordered.HIGHEST_PRECEDENCE + 110;

  @Bean(initMethod = "startPurging", destroyMethod = "stopPurging")
  JtiReplayCache jtiReplayCache(
      DataSource dataSource, @Qualifier("stomacdsFlyway") Flyway migrated) {
    return new JtiReplayCache(new JdbcTemplate(dataSource), Clock.systemUTC());
  }

  @Bean
  CdsJwtVerifier cdsJwtVerifier(CdsSecurityProperties properties, JtiReplayCache replay) {
    KeySources keys =
        new KeySources(
            properties.jwksTimeout(),
            properties.jwksMaxSize().toBytes(),
            properties.jwksCacheTtl(),
            properties.jwksMinRefetchInterval());
    return new CdsJwtVerifier(properties, keys, replay, Clock.systemUTC());
  }

  @Bean
  FilterRegistrationBean<CdsJwtFilter> cdsJwtFilter(
      CdsJwtVerifier verifier, PublicEndpoints endpoints, Environment environment) {
    boolean open = DemoProfile.isActive(environment) && !verifier.hasIssuers();
    if (open) {
      log.warn(
          "WARNING: demo profile: /cds-services answers WITHOUT authentication (no trusted issuer"
              + " configured). Never expose this instance beyond this machine.");
    } else if (!verifier.hasIssuers()) {
      log.warn(
          "no trusted CDS Client configured (stomacds.cds.security.issuers): every call to"
              + " /cds-services is refused with 401");
    }
    FilterRegistrationBean<CdsJwtFilter> registration =
        new FilterRegistrationBean<>(new CdsJwtFilter(verifier, endpoints, open));
    registration.addUrlPatterns("/cds-services", "/cds-services/*");
    registration.setName("cdsJwtFilter");
    registration.setOrder(FILTER_ORDER);
    return registration;
  }
}
