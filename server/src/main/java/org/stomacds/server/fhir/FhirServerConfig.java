package org.stomacds.server.fhir;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.provider.JpaSystemProvider;
import ca.uhn.fhir.jpa.provider.ValueSetOperationProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import ca.uhn.fhir.narrative2.NullNarrativeGenerator;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;
import org.stomacds.cds.url.PublicEndpoints;

/**
 * HAPI FHIR's JPA server, R4, mounted at {@code /fhir}. The Hibernate Search (Lucene, on the file
 * system) settings are what make {@code ValueSet/$expand} work and keep working after a restart.
 */
@Configuration
@Import({
  JpaR4Config.class,
  HapiJpaConfig.class,
  ThreadPoolFactoryConfig.class,
  JpaBatch2Config.class,
  Batch2JobsConfig.class,
  SubscriptionChannelConfig.class
})
class FhirServerConfig {

  @Bean
  JpaStorageSettings storageSettings() {
    JpaStorageSettings settings = new JpaStorageSettings();
    // Claims and Procedures routinely point at Patients, Practitioners and Organizations that live
    // in the EHR, not here. Refusing such writes (HAPI-1094) would lose data a billing system
    // meant to give us, so a missing target becomes a placeholder: the write succeeds, searches
    // by reference (Procedure?subject=, DocumentReference?encounter=) still find it, and a later
    // PUT of the real resource replaces the placeholder. The rules report what is missing.
    settings.setEnforceReferentialIntegrityOnWrite(false);
    settings.setAutoCreatePlaceholderReferenceTargets(true);
    settings.setPopulateIdentifierInAutoCreatedPlaceholderReferenceTargets(true);
    settings.setResourceClientIdStrategy(JpaStorageSettings.ClientIdStrategyEnum.ALPHANUMERIC);
    // Our code systems are small; store their concepts at once so $lookup answers at start-up.
    settings.setDeferIndexingForCodesystemsOfSize(10_000);
    settings.setPreExpandValueSets(true);
    settings.setAllowMultipleDelete(false);
    // A work queue polling DetectedIssue?status=final must see issues cancelled a second ago;
    // HAPI would otherwise answer repeated searches from a result cached for a minute.
    settings.setReuseCachedSearchResultsForMillis(null);
    settings.setAdvancedHSearchIndexing(false);
    return settings;
  }

  /** The FHIR context encodes without searching references for targets to contain. */
  @Bean
  static FhirEncoding fhirEncoding() {
    return new FhirEncoding();
  }

  /** Concurrent writes that create the same placeholder are retried, not answered 409. */
  @Bean
  ConcurrentCreateRetry concurrentCreateRetry(IInterceptorService jpaInterceptors) {
    ConcurrentCreateRetry retry = new ConcurrentCreateRetry();
    jpaInterceptors.registerInterceptor(retry);
    return retry;
  }

  @Bean
  PartitionSettings partitionSettings() {
    return new PartitionSettings();
  }

  @Bean
  SubscriptionSettings subscriptionSettings() {
    return new SubscriptionSettings();
  }

  @Primary
  @Bean
  LocalContainerEntityManagerFactoryBean entityManagerFactory(
      ConfigurableListableBeanFactory beanFactory,
      FhirContext fhirContext,
      JpaStorageSettings storageSettings,
      DataSource dataSource,
      Environment environment,
      FhirProperties properties) {
    LocalContainerEntityManagerFactoryBean factory =
        HapiEntityManagerFactoryUtil.newEntityManagerFactory(
            beanFactory, fhirContext, storageSettings);
    factory.setPersistenceUnitName("HAPI_PU");
    factory.setDataSource(dataSource);
    factory.setJpaPropertyMap(hibernateProperties(environment, properties));
    return factory;
  }

  private static Map<String, Object> hibernateProperties(
      Environment environment, FhirProperties properties) {
    Map<String, Object> props = new HashMap<>();
    props.put(
        "hibernate.dialect",
        environment.getProperty(
            "stomacds.fhir.hibernate-dialect", "ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect"));
    props.put("hibernate.hbm2ddl.auto", "update");
    props.put("hibernate.jdbc.batch_size", "20");
    props.put("hibernate.format_sql", "false");
    props.put("hibernate.show_sql", "false");
    props.put("hibernate.cache.use_query_cache", "false");
    props.put("hibernate.cache.use_second_level_cache", "false");
    props.put("hibernate.cache.use_structured_entries", "false");
    props.put("hibernate.cache.use_minimal_puts", "false");
    props.put(
        "hibernate.archive.scanner", "org.hibernate.boot.archive.scan.internal.DisabledScanner");
    props.put(
        "hibernate.physical_naming_strategy",
        "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy");
    props.put(
        "hibernate.implicit_naming_strategy",
        "org.springframework.boot.orm.jpa.hibernate.SpringImplicitNamingStrategy");
    // ValueSet/$expand needs Hibernate Search; a heap index is empty after a restart, and HAPI then
    // stores pre-expansions with zero concepts, so the index lives on disk beside the database.
    props.put("hibernate.search.enabled", "true");
    props.put("hibernate.search.backend.type", "lucene");
    props.put(
        "hibernate.search.backend.analysis.configurer",
        "ca.uhn.fhir.jpa.search.HapiHSearchAnalysisConfigurers$HapiLuceneAnalysisConfigurer");
    props.put("hibernate.search.backend.directory.type", "local-filesystem");
    props.put(
        "hibernate.search.backend.directory.root",
        Path.of(properties.dataDir(), "lucene").toAbsolutePath().toString());
    props.put("hibernate.search.backend.lucene_version", "LUCENE_CURRENT");
    return props;
  }

  @Primary
  @Bean
  JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
    JpaTransactionManager manager = new JpaTransactionManager();
    manager.setEntityManagerFactory(entityManagerFactory);
    return manager;
  }

  @Bean
  RestfulServer fhirRestfulServer(
      IFhirSystemDao<?, ?> systemDao,
      ResourceProviderFactory resourceProviders,
      JpaSystemProvider<?, ?> systemProvider,
      ValueSetOperationProvider valueSetOperations,
      DatabaseBackedPagingProvider pagingProvider,
      JpaStorageSettings storageSettings,
      ISearchParamRegistry searchParamRegistry,
      IValidationSupport validationSupport,
      FhirProperties properties,
      PublicEndpoints publicEndpoints,
      List<FhirServerCustomizer> customizers) {
    FhirContext context = systemDao.getContext();
    context.setNarrativeGenerator(new NullNarrativeGenerator());
    RestfulServer server = new RestfulServer(context);
    server.registerProviders(resourceProviders.createProviders());
    server.registerProvider(systemProvider);
    server.registerProvider(valueSetOperations);
    server.setServerConformanceProvider(
        new JpaCapabilityStatementProvider(
            server, systemDao, storageSettings, searchParamRegistry, validationSupport));
    server.setDefaultResponseEncoding(EncodingEnum.JSON);
    server.setDefaultPrettyPrint(false);
    pagingProvider.setDefaultPageSize(properties.defaultPageSize());
    pagingProvider.setMaximumPageSize(properties.maxPageSize());
    server.setPagingProvider(pagingProvider);
    // Links from configuration or the bound socket, never from the Host header.
    server.setServerAddressStrategy(
        PublicServerAddress.of(properties.serverAddress(), publicEndpoints));
    customizers.forEach(customizer -> customizer.customize(server));
    return server;
  }

  @Bean
  ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer server) {
    ServletRegistrationBean<RestfulServer> registration =
        new ServletRegistrationBean<>(server, "/fhir/*");
    registration.setName("fhir");
    registration.setLoadOnStartup(1);
    return registration;
  }
}
