package org.stomacds.server.security;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.extractor.ISearchParamExtractor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.cors.CorsUtils;
import org.stomacds.cds.security.DemoProfile;
import org.stomacds.server.fhir.FhirServerCustomizer;

/**
 * Who may use the FHIR API and the other pages:
 *
 * <ul>
 *   <li>{@code /cds-services/**}: not here; the CDS Hooks JWT filter (ordered before this chain)
 *       authenticates every call, and this chain only stays out of its way;
 *   <li>{@code /fhir/metadata}, {@code /fhir/.well-known/smart-configuration} (SMART discovery),
 *       {@code /actuator/health/**}, the rule pages ({@code GET /rules}, {@code /rules/{id}}), CORS
 *       preflights: open;
 *   <li>{@code /fhir/**}: an OAuth2 access token from a configured authorization server, its SMART
 *       scopes enforced per resource type and interaction by HAPI ({@link SmartScopeRules});
 *   <li>{@code /actuator/prometheus}: a token with scope {@value
 *       ApiSecurityProperties#METRICS_SCOPE}, or open when {@code metrics-public};
 *   <li>anything else ({@code /sandbox}, {@code /dashboard}, ...): a valid token.
 * </ul>
 *
 * With no authorization server configured every protected call is refused (401) — except in the
 * {@code demo} profile, which then opens everything and refuses to start off loopback.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
@EnableConfigurationProperties(ApiSecurityProperties.class)
class ApiSecurityConfig {

  private static final Logger log = LoggerFactory.getLogger(ApiSecurityConfig.class);

  /** Open without login: the demo profile with no authorization server configured. */
  @Bean
  ApiOpenness apiOpenness(
      ApiSecurityProperties properties, Environment environment, ServerProperties server) {
    boolean demo = DemoProfile.isActive(environment);
    boolean open = demo && properties.tokenIssuers().isEmpty();
    if (demo) {
      DemoProfileGuard.check(server, environment, open);
    } else if (properties.tokenIssuers().isEmpty()) {
      log.warn(
          "no authorization server configured (stomacds.security.token-issuers): every call to"
              + " /fhir (but /fhir/metadata) is refused with 401");
    }
    return new ApiOpenness(open);
  }

  @Bean
  AuthenticationManagerResolver<jakarta.servlet.http.HttpServletRequest> accessTokenManagers(
      ApiSecurityProperties properties, ServerProperties server) {
    boolean loopbackOnly = server.getAddress() != null && server.getAddress().isLoopbackAddress();
    Map<String, AuthenticationManager> managers =
        AccessTokenDecoders.managers(properties, loopbackOnly);
    return new JwtIssuerAuthenticationManagerResolver(managers::get);
  }

  /** The CDS Hooks endpoints authenticate themselves; no bearer token handling here. */
  @Bean
  @Order(1)
  SecurityFilterChain cdsHooksChain(HttpSecurity http) throws Exception {
    return stateless(http.securityMatcher("/cds-services", "/cds-services/**"))
        .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
        .build();
  }

  @Bean
  @Order(2)
  SecurityFilterChain apiChain(
      HttpSecurity http,
      ApiOpenness openness,
      ApiSecurityProperties properties,
      AuthenticationManagerResolver<jakarta.servlet.http.HttpServletRequest> managers)
      throws Exception {
    stateless(http);
    if (openness.open()) {
      return http.authorizeHttpRequests(requests -> requests.anyRequest().permitAll()).build();
    }
    http.authorizeHttpRequests(
        requests -> {
          requests.requestMatchers(CorsUtils::isPreFlightRequest).permitAll();
          requests.requestMatchers("/fhir/metadata", "/error").permitAll();
          // SMART App Launch discovery: read before any token exists.
          requests
              .requestMatchers(HttpMethod.GET, "/fhir/.well-known/smart-configuration")
              .permitAll();
          requests.requestMatchers("/actuator/health", "/actuator/health/**").permitAll();
          // The rule pages: what cards, DetectedIssues and $check link to, readable without login.
          requests.requestMatchers(HttpMethod.GET, "/rules", "/rules/", "/rules/*").permitAll();
          if (properties.metricsPublic()) {
            requests.requestMatchers("/actuator/prometheus").permitAll();
          } else {
            requests
                .requestMatchers("/actuator/prometheus")
                .hasAuthority("SCOPE_" + ApiSecurityProperties.METRICS_SCOPE);
          }
          requests.anyRequest().authenticated();
        });
    http.oauth2ResourceServer(oauth -> oauth.authenticationManagerResolver(managers));
    return http.build();
  }

  private static HttpSecurity stateless(HttpSecurity http) throws Exception {
    // Bearer tokens only: no sessions, no cookies, so no CSRF to defend against.
    return http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .requestCache(AbstractHttpConfigurer::disable)
        .formLogin(AbstractHttpConfigurer::disable)
        .httpBasic(AbstractHttpConfigurer::disable)
        .logout(AbstractHttpConfigurer::disable)
        .anonymous(a -> {});
  }

  /** The operations a token can be granted: the built-in ones and every declared one. */
  @Bean
  GrantableOperations grantableOperations(ObjectProvider<FhirOperationScope> declaredOperations) {
    List<FhirOperationScope> operations = new ArrayList<>(SmartScopeRules.BUILT_IN_OPERATIONS);
    declaredOperations.orderedStream().forEach(operations::add);
    return new GrantableOperations(operations);
  }

  /** SMART scopes on {@code /fhir}, unless the demo profile opened everything. */
  @Bean
  FhirServerCustomizer smartScopeAuthorization(
      ApiOpenness openness,
      FhirContext fhirContext,
      GrantableOperations operations,
      ISearchParamExtractor searchParamExtractor,
      DaoRegistry daoRegistry) {
    return server -> {
      if (openness.open()) {
        return;
      }
      server.registerInterceptor(
          new SmartScopeAuthorization(
              new SmartScopeRules(fhirContext, operations.operations()), fhirContext));
      // What HAPI's rules do not see: criteria, conditional matches, the primary patient.
      PatientSubjects subjects = new PatientSubjects(fhirContext, searchParamExtractor);
      server.registerInterceptor(
          new SearchScopeGuard(new SearchReach(fhirContext), subjects, daoRegistry));
      server.registerInterceptor(new PatientSubjectGuard(subjects, fhirContext));
    };
  }

  /** Malformed bodies HAPI's parser chokes on are the client's fault: 400, not 500. */
  @Bean
  FhirServerCustomizer requestParseFailures() {
    return server -> server.registerInterceptor(new RequestParseFailures());
  }

  @Bean
  FilterRegistrationBean<FhirBodyLimitFilter> fhirBodyLimitFilter(
      ApiSecurityProperties properties) {
    FilterRegistrationBean<FhirBodyLimitFilter> registration =
        new FilterRegistrationBean<>(
            new FhirBodyLimitFilter(properties.maxFhirBodySize().toBytes()));
    registration.addUrlPatterns("/fhir/*");
    registration.setName("fhirBodyLimitFilter");
    // After Spring Security (-100): only authenticated callers get their bodies buffered.
    registration.setOrder(-50);
    return registration;
  }
}
