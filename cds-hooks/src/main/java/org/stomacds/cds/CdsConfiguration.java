package org.stomacds.cds;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.filter.CorsFilter;
import org.stomacds.casedata.CaseAssembler;
import org.stomacds.casedata.LocalFhirStore;
import org.stomacds.cds.card.CardRenderer;
import org.stomacds.cds.prefetch.DataSourceResolver;
import org.stomacds.cds.prefetch.FhirServerPolicy;
import org.stomacds.cds.prefetch.HttpFhirDataSourceFactory;
import org.stomacds.cds.prefetch.OwnFhirServer;
import org.stomacds.cds.prefetch.RemoteFhirDataSourceFactory;
import org.stomacds.cds.security.CdsSecurityConfiguration;
import org.stomacds.cds.security.CdsSecurityProperties;
import org.stomacds.cds.security.DemoProfile;
import org.stomacds.cds.service.CdsHookService;
import org.stomacds.cds.service.CdsServiceCatalog;
import org.stomacds.cds.service.FeedbackService;
import org.stomacds.cds.store.AuditRepository;
import org.stomacds.cds.store.CallRecords;
import org.stomacds.cds.store.CardIssuanceRepository;
import org.stomacds.cds.store.FeedbackRepository;
import org.stomacds.cds.store.StomacdsSchema;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.cds.wire.CdsJson;
import org.stomacds.cds.wire.CdsRequestReader;
import org.stomacds.cds.wire.FeedbackReader;
import org.stomacds.engine.RuleEngine;

/**
 * Wires the CDS Hooks service. Needs from the application: a {@link RuleEngine} bean, the {@link
 * DataSource} (our tables go in schema {@code stomacds}), and optionally a {@link LocalFhirStore}
 * (our own FHIR store) and a {@link FhirContext} (shared when there is exactly one).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CdsProperties.class)
@Import(CdsSecurityConfiguration.class)
public class CdsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CdsConfiguration.class);

  @Bean
  CdsJson cdsJson(ObjectProvider<FhirContext> fhirContext) {
    FhirContext fhir = fhirContext.getIfUnique(FhirContext::forR4Cached);
    return new CdsJson(fhir);
  }

  /**
   * {@code stomacds.public-base-url}, else where the server listens (set by {@link
   * #cdsOwnFhirServerAddress} once the port is bound).
   */
  @Bean
  PublicEndpoints cdsPublicEndpoints(
      @Value("${stomacds.public-base-url:}") String publicBaseUrl,
      @Value("${server.port:8080}") int port) {
    return PublicEndpoints.of(publicBaseUrl, "http://localhost" + (port > 0 ? ":" + port : ""));
  }

  /**
   * The {@code fhirServer} allowlist ({@code stomacds.cds.security.allowed-fhir-servers}, plus
   * loopback in the demo profile). Wired here, above both, so the prefetch layer that applies it
   * and the security layer whose properties hold it need not know each other.
   */
  @Bean
  FhirServerPolicy fhirServerPolicy(CdsSecurityProperties properties, Environment environment) {
    return FhirServerPolicy.allowing(
        DemoProfile.plusLoopbackInDemo(
            environment, properties.allowedFhirServers(), DemoProfile.LOOPBACK_FHIR_SERVERS),
        "stomacds.cds.security.allowed-fhir-servers");
  }

  @Bean
  CdsServiceCatalog cdsServiceCatalog(CdsJson json) {
    return CdsServiceCatalog.load(json);
  }

  @Bean
  RemoteFhirDataSourceFactory remoteFhirDataSourceFactory(CdsJson json, CdsProperties properties) {
    return new HttpFhirDataSourceFactory(
        json.fhirContext(), properties.connectTimeout(), properties.fetchTimeout());
  }

  @Bean
  OwnFhirServer cdsOwnFhirServer(RemoteFhirDataSourceFactory remote, PublicEndpoints endpoints) {
    return new OwnFhirServer(remote, endpoints);
  }

  /**
   * Tells {@link OwnFhirServer} and {@link PublicEndpoints} where our main web server listens, once
   * it does.
   */
  @Bean
  ApplicationListener<WebServerInitializedEvent> cdsOwnFhirServerAddress(
      OwnFhirServer own, PublicEndpoints endpoints, Environment environment) {
    return event -> {
      if (event.getApplicationContext().getServerNamespace() != null) {
        return; // the management server, not ours
      }
      boolean tls =
          environment.getProperty("server.ssl.enabled", Boolean.class, true)
              && (environment.containsProperty("server.ssl.key-store")
                  || environment.containsProperty("server.ssl.bundle")
                  || environment.containsProperty("server.ssl.certificate"));
      String address = environment.getProperty("server.address");
      int port = event.getWebServer().getPort();
      String contextPath = environment.getProperty("server.servlet.context-path", "");
      own.listening(address, port, contextPath, tls);
      endpoints.listening(address, port, contextPath, tls);
      if (!endpoints.isConfigured()) {
        log.info(
            "stomacds.public-base-url is not set: links and token audiences use {}, where the"
                + " server listens; set it to the address clients call",
            endpoints.baseUrl());
      }
    };
  }

  @Bean
  DataSourceResolver cdsDataSourceResolver(
      ObjectProvider<LocalFhirStore> localStore,
      OwnFhirServer own,
      RemoteFhirDataSourceFactory remote,
      FhirServerPolicy policy,
      PublicEndpoints endpoints,
      CdsProperties properties) {
    return new DataSourceResolver(
        java.util.Optional.ofNullable(localStore.getIfUnique()),
        own,
        remote,
        policy,
        endpoints,
        properties.sharedStore());
  }

  @Bean
  FetchThreads cdsFetchThreads(CdsProperties properties) {
    return new FetchThreads(properties.fetchThreads());
  }

  @Bean
  CaseAssembler cdsCaseAssembler(FetchThreads threads, CdsProperties properties) {
    return new CaseAssembler(threads.executor(), properties.fetchTimeout());
  }

  @Bean(initMethod = "migrate")
  Flyway stomacdsFlyway(DataSource dataSource) {
    return StomacdsSchema.flyway(dataSource);
  }

  @Bean
  CardIssuanceRepository cardIssuanceRepository(
      DataSource dataSource, @Qualifier("stomacdsFlyway") Flyway migrated) {
    return new CardIssuanceRepository(new JdbcTemplate(dataSource));
  }

  @Bean
  FeedbackRepository feedbackRepository(
      DataSource dataSource, @Qualifier("stomacdsFlyway") Flyway migrated) {
    return new FeedbackRepository(new JdbcTemplate(dataSource));
  }

  @Bean
  AuditRepository auditRepository(
      DataSource dataSource, @Qualifier("stomacdsFlyway") Flyway migrated) {
    return new AuditRepository(new JdbcTemplate(dataSource));
  }

  @Bean
  CdsHookService cdsHookService(
      CdsServiceCatalog catalog,
      CdsJson json,
      DataSourceResolver sources,
      CaseAssembler assembler,
      RuleEngine engine,
      PublicEndpoints endpoints,
      CardIssuanceRepository issuance,
      AuditRepository audit,
      DataSource dataSource,
      CdsProperties properties) {
    catalog.requirePacks(engine.packIds());
    Clock clock = Clock.systemUTC();
    return new CdsHookService(
        catalog,
        new CdsRequestReader(json),
        sources,
        assembler,
        engine,
        new CardRenderer(endpoints, clock),
        new CallRecords(dataSource, audit, issuance),
        clock,
        properties.maxBodySize().toBytes());
  }

  @Bean
  FeedbackService cdsFeedbackService(
      CdsServiceCatalog catalog,
      CdsJson json,
      CardIssuanceRepository issuance,
      FeedbackRepository feedback,
      CdsProperties properties) {
    return new FeedbackService(
        catalog,
        new FeedbackReader(json),
        issuance,
        feedback,
        Clock.systemUTC(),
        properties.maxBodySize().toBytes());
  }

  /**
   * CORS before everything else on {@code /cds-services}: an authentication filter added later must
   * be ordered after it, so preflights are never authenticated and errors carry the header.
   */
  @Bean
  FilterRegistrationBean<CorsFilter> cdsCorsFilter(
      CdsProperties properties, Environment environment) {
    List<String> origins =
        DemoProfile.plusLoopbackInDemo(
            environment, properties.allowedOrigins(), DemoProfile.LOOPBACK_ORIGINS);
    FilterRegistrationBean<CorsFilter> registration =
        new FilterRegistrationBean<>(CdsCors.filter(origins));
    registration.addUrlPatterns("/cds-services", "/cds-services/*");
    registration.setName("cdsCorsFilter");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
    return registration;
  }

  /**
   * JSON bodies only on {@code /cds-services}: after CORS and the JWT filter ({@code
   * HIGHEST_PRECEDENCE + 110}), before any body is read.
   */
  @Bean
  FilterRegistrationBean<JsonBodiesOnly> cdsJsonBodiesOnly(CdsJson json) {
    FilterRegistrationBean<JsonBodiesOnly> registration =
        new FilterRegistrationBean<>(new JsonBodiesOnly(json));
    registration.addUrlPatterns("/cds-services", "/cds-services/*");
    registration.setName("cdsJsonBodiesOnly");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 120);
    return registration;
  }
}
