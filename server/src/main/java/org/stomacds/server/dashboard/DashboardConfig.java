package org.stomacds.server.dashboard;

import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.stomacds.engine.RuleEngine;

/** The dashboard's beans: the rule catalogue and the activity reader. */
@Configuration
class DashboardConfig {

  @Bean
  RuleCatalog dashboardRuleCatalog(RuleEngine engine) {
    return RuleCatalog.of(engine);
  }

  @Bean
  RuleActivityRepository ruleActivityRepository(DataSource dataSource, RuleCatalog catalog) {
    return new RuleActivityRepository(new JdbcTemplate(dataSource), catalog);
  }
}
