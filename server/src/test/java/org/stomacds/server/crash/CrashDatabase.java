package org.stomacds.server.crash;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The database under a crash test: the profiles and environment that start the application on it,
 * and a connection for the test to read our own tables once no application holds it (the embedded
 * database is a file one process opens at a time).
 */
interface CrashDatabase {

  String name();

  List<String> profiles();

  Map<String, String> environment();

  Connection connect(Path dataDir) throws SQLException;

  /**
   * The embedded default, exactly as shipped: the application's own database URL under the data
   * directory, no setting of the test's.
   */
  static CrashDatabase embedded() {
    return new CrashDatabase() {
      @Override
      public String name() {
        return "embedded H2";
      }

      @Override
      public List<String> profiles() {
        return List.of();
      }

      @Override
      public Map<String, String> environment() {
        return Map.of();
      }

      @Override
      public Connection connect(Path dataDir) throws SQLException {
        return DriverManager.getConnection(
            "jdbc:h2:file:" + dataDir.resolve("h2").resolve("stomacds"), "sa", "");
      }
    };
  }

  /** The {@code postgres} profile, its credentials in the environment as in production. */
  static CrashDatabase postgres(Map<String, String> settings) {
    String url = settings.get("spring.datasource.url");
    String user = settings.get("spring.datasource.username");
    String password = settings.get("spring.datasource.password");
    return new CrashDatabase() {
      @Override
      public String name() {
        return "PostgreSQL";
      }

      @Override
      public List<String> profiles() {
        return List.of("postgres");
      }

      @Override
      public Map<String, String> environment() {
        return Map.of(
            "STOMACDS_DB_URL", url, "STOMACDS_DB_USER", user, "STOMACDS_DB_PASSWORD", password);
      }

      @Override
      public Connection connect(Path dataDir) throws SQLException {
        return DriverManager.getConnection(url, user, password);
      }
    };
  }
}
