package org.stomacds.cds.store;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Flyway for our own schema only ({@value #SCHEMA}): its history table lives there too, so it never
 * touches HAPI's tables. Boot's own Flyway run is excluded by the server app.
 */
public final class StomacdsSchema {

  public static final String SCHEMA = "stomacds";
  public static final String LOCATION = "classpath:db/stomacds";

  /*
   * Flyway creates the schema with a quoted lower-case name. Our SQL quotes it too ("stomacds")
   * and leaves table names unquoted, which resolves the same on H2 (upper-cases unquoted names)
   * and PostgreSQL (lower-cases them).
   */

  private StomacdsSchema() {}

  /** A Flyway for our schema; call {@code migrate()} before using the repositories. */
  public static Flyway flyway(DataSource dataSource) {
    return Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .createSchemas(true)
        .table("flyway_schema_history")
        .locations(LOCATION)
        .load();
  }
}
