package org.stomacds.server.checks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.casedata.CaseAssembler;
import org.stomacds.casedata.LocalFhirStore;
import org.stomacds.cds.card.RuleReferences;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.engine.RuleEngine;
import org.stomacds.server.fhir.FhirServerCustomizer;

/**
 * Wires the write checks (DetectedIssues kept in line with every write of a 44405 Procedure or
 * Claim), {@code Prefer: return=OperationOutcome} and {@code $check}. The rule engine, the case
 * assembler and our store are the ones the CDS service uses: one engine, one gatherer.
 */
@Configuration(proxyBeanMethods = false)
class ChecksConfig {

  private static final Clock CLOCK = Clock.systemUTC();

  @Bean
  Subjects checkSubjects(RuleEngine engine) {
    return new Subjects(engine.subjects());
  }

  @Bean
  RuleTitles checkRuleTitles(RuleEngine engine, PublicEndpoints endpoints) {
    return RuleTitles.of(engine, new RuleReferences(endpoints)::rulePage);
  }

  @Bean
  CaseChecks caseChecks(
      CaseAssembler assembler, LocalFhirStore store, RuleEngine engine, Subjects subjects) {
    return new CaseChecks(assembler, store, engine, subjects);
  }

  @Bean
  PendingEvaluations pendingEvaluations(
      DataSource dataSource, @Qualifier("stomacdsFlyway") Flyway migrated) {
    return new PendingEvaluations(new JdbcTemplate(dataSource));
  }

  @Bean
  IssueReconciler issueReconciler(
      DaoRegistry daoRegistry,
      IHapiTransactionService transactions,
      LocalFhirStore store,
      RuleTitles titles) {
    return new IssueReconciler(daoRegistry, transactions, store, titles, CLOCK);
  }

  @Bean(destroyMethod = "close")
  WriteCheckProcessor writeCheckProcessor(
      PendingEvaluations pending,
      LocalFhirStore store,
      Subjects subjects,
      CaseChecks checks,
      IssueReconciler reconciler,
      ChecksProperties properties,
      MeterRegistry meters) {
    return new WriteCheckProcessor(
        pending,
        new SubjectResolver(store, subjects),
        checks,
        reconciler,
        store,
        properties,
        CLOCK,
        meters);
  }

  @Bean
  CheckService checkService(CaseChecks checks, LocalFhirStore store) {
    return new CheckService(checks, store);
  }

  /** Storage hooks go on the JPA interceptor service: every write passes there, REST or not. */
  @Bean
  WriteRecorder writeRecorder(
      PendingEvaluations pending,
      WriteCheckProcessor processor,
      ChecksProperties properties,
      IInterceptorService jpaInterceptors) {
    WriteRecorder recorder = new WriteRecorder(pending, processor, CLOCK);
    if (properties.writeChecks()) {
      jpaInterceptors.registerInterceptor(recorder);
    }
    return recorder;
  }

  /** Registered whether or not write checks are on: issues stored earlier must not block. */
  @Bean
  OwnWrites ownWrites(IInterceptorService jpaInterceptors) {
    OwnWrites ownWrites = new OwnWrites();
    jpaInterceptors.registerInterceptor(ownWrites);
    return ownWrites;
  }

  @Bean
  FhirServerCustomizer checksFhirServerCustomizer(
      CheckService checks,
      WriteCheckProcessor processor,
      RuleTitles titles,
      FhirContext fhirContext,
      ChecksProperties properties) {
    return server -> {
      server.registerProvider(
          new CheckOperationProvider(
              checks,
              new CheckBodyReader(fhirContext),
              titles,
              properties.maxCheckBody().toBytes()));
      if (properties.writeChecks()) {
        server.registerInterceptor(new PreferOutcomeInterceptor(processor, checks, titles));
      }
    };
  }

  @Bean
  ChecksStartup checksStartup(
      DaoRegistry daoRegistry,
      FhirContext fhirContext,
      ISearchParamRegistry searchParamRegistry,
      IHapiTransactionService transactions,
      RuleEngine engine,
      WriteCheckProcessor processor,
      ChecksProperties properties) {
    return new ChecksStartup(
        daoRegistry,
        fhirContext,
        searchParamRegistry,
        new StatusIndex(daoRegistry, transactions),
        engine,
        processor,
        properties);
  }
}
