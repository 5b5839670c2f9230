package org.stomacds.server.fhir;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.env.Environment;
import org.springframework.validation.annotation.Validated;
import org.stomacds.cds.security.DemoProfile;

/**
 * Settings of the FHIR server (prefix {@code stomacds.fhir}).
 *
 * @param dataDir where the embedded database's Lucene index lives (the H2 file is set by the
 *     datasource URL); must persist across restarts, or {@code $expand} returns nothing
 * @param corsAllowedOrigins origins (or patterns such as {@code https://*.example.org}) allowed to
 *     call {@code /fhir} from a browser (SMART apps, EHR sandboxes); empty means no cross-origin
 *     access, except that the demo profile always adds this machine's origins
 * @param serverAddress the public FHIR base URL to put in links; empty means {@code
 *     stomacds.public-base-url} + {@code /fhir}, else the address the server is bound to (never the
 *     request's Host header)
 * @param defaultPageSize search page size when the client asks for none
 * @param maxPageSize the largest page a client may ask for
 */
@Validated
@ConfigurationProperties("stomacds.fhir")
public record FhirProperties(
    @NotBlank String dataDir,
    @NotNull List<String> corsAllowedOrigins,
    String serverAddress,
    @Min(1) int defaultPageSize,
    @Min(1) int maxPageSize) {

  /** The configured origins, and this machine's too in the demo profile ({@link FhirCors}). */
  public List<String> effectiveCorsOrigins(Environment environment) {
    return DemoProfile.plusLoopbackInDemo(
        environment, corsAllowedOrigins, DemoProfile.LOOPBACK_ORIGINS);
  }
}
