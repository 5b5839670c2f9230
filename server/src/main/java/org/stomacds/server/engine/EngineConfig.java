package org.stomacds.server.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.stomacds.engine.DefaultRuleEngine;
import org.stomacds.engine.RuleEngine;
import org.stomacds.engine.payer.PayerMapping;
import org.stomacds.engine.rules.RulePack;
import org.stomacds.engine.terminology.Terminology;

/**
 * The one rule engine of the application, shared by the CDS service, the write checks and {@code
 * $check}. A rule file or payer mapping that does not validate stops start-up with its file and
 * line.
 */
@Configuration
class EngineConfig {

  private static final Logger log = LoggerFactory.getLogger(EngineConfig.class);

  @Bean
  RuleEngine ruleEngine(Terminology terminology, EngineProperties properties) {
    DefaultRuleEngine.Builder builder = DefaultRuleEngine.builder().terminology(terminology);
    if (properties.ruleFile() != null) {
      builder.ruleFile(properties.ruleFile());
    }
    properties.packFiles().forEach(builder::packFile);
    properties.payerMappings().forEach(builder::payerMapping);
    DefaultRuleEngine engine = builder.build();
    for (RulePack pack : engine.packs()) {
      log.info(
          "Rule pack {} {} loaded for CPT {} ({})",
          pack.id(),
          pack.version(),
          pack.subjectCode(),
          pack.file());
    }
    return engine;
  }

  /**
   * The payer mapping the engine reads (the shipped file and the same operator files), for pages
   * that offer the payers it knows, such as the sandbox's payer choice.
   */
  @Bean
  PayerMapping payerMapping(EngineProperties properties) {
    return PayerMapping.load(properties.payerMappings());
  }
}
