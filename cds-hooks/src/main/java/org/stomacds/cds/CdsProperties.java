package org.stomacds.cds;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the CDS Hooks service, prefix {@code stomacds.cds}. Checked at start-up: a bad
 * value stops the application with a message naming the key. The public base URL is {@code
 * stomacds.public-base-url} (shared with the rest of the application).
 *
 * @param allowedOrigins origins (or patterns such as {@code https://*.example.org}) browsers may
 *     call {@code /cds-services} from; empty: none
 * @param sharedStore callers share our FHIR store: a call without {@code fhirServer} reads missing
 *     data from it (the demo profile); otherwise such a call answers 412
 * @param maxBodySize largest request body accepted; larger gets 413
 * @param fetchTimeout how long all fetches of one hook call may take together
 * @param connectTimeout how long connecting to a client's FHIR server may take
 * @param fetchThreads threads fetching from FHIR servers in parallel, shared by all calls
 */
@ConfigurationProperties("stomacds.cds")
public record CdsProperties(
    @DefaultValue List<String> allowedOrigins,
    @DefaultValue("false") boolean sharedStore,
    @DefaultValue("1MB") DataSize maxBodySize,
    @DefaultValue("3s") Duration fetchTimeout,
    @DefaultValue("1s") Duration connectTimeout,
    @DefaultValue("16") int fetchThreads) {

  public CdsProperties {
    allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
    for (String origin : allowedOrigins) {
      if (origin.isBlank() || origin.endsWith("/")) {
        throw new IllegalArgumentException(
            "stomacds.cds.allowed-origins: '"
                + origin
                + "' must be an origin such as https://ehr.example.org (no path, no trailing slash)");
      }
    }
    if (maxBodySize == null || maxBodySize.toBytes() < 1024 || maxBodySize.toMegabytes() > 64) {
      throw new IllegalArgumentException("stomacds.cds.max-body-size must be between 1KB and 64MB");
    }
    requireBetween(
        "stomacds.cds.fetch-timeout", fetchTimeout, Duration.ofMillis(10), Duration.ofSeconds(60));
    requireBetween(
        "stomacds.cds.connect-timeout",
        connectTimeout,
        Duration.ofMillis(10),
        Duration.ofSeconds(30));
    if (fetchThreads < 1 || fetchThreads > 256) {
      throw new IllegalArgumentException("stomacds.cds.fetch-threads must be between 1 and 256");
    }
  }

  private static void requireBetween(String key, Duration value, Duration min, Duration max) {
    if (value == null || value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new IllegalArgumentException(key + " must be between " + min + " and " + max);
    }
  }
}
