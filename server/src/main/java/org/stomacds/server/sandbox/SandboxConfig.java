package org.stomacds.server.sandbox;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stomacds.cds.service.CdsServiceCatalog;
import org.stomacds.engine.payer.PayerMapping;
import org.stomacds.fixtures.cases.CaseLibrary;

/** The sandbox's beans. */
@Configuration
class SandboxConfig {

  @Bean
  SandboxCases sandboxCases(CdsServiceCatalog catalog) {
    return new SandboxCases(CaseLibrary::fromClasspath, catalog::find);
  }

  @Bean
  SandboxPayers sandboxPayers(PayerMapping payerMapping) {
    return new SandboxPayers(payerMapping);
  }
}
