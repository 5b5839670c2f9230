package org.stomacds.cds.security;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The one switch that lets endpoints answer without authentication: the {@code demo} profile, and
 * only while no trusted issuer is configured. Nothing else (no property) can turn authentication
 * off; the server refuses to start the demo profile on anything but a loopback address.
 *
 * <p>The demo also always allows this machine: browser origins on loopback on both doors, and FHIR
 * servers on loopback as a hook's {@code fhirServer}, <em>in addition</em> to whatever is
 * configured. Setting {@code STOMACDS_FHIR_CORS_ALLOWED_ORIGINS} (or another list) for the demo
 * adds to these instead of silently replacing them, so the sandbox keeps working.
 */
public final class DemoProfile {

  public static final String NAME = "demo";

  /** Browser origins on this machine, any port. */
  public static final List<String> LOOPBACK_ORIGINS =
      List.of("http://localhost:*", "http://127.0.0.1:*", "http://[::1]:*");

  /** FHIR servers on this machine, any port. */
  public static final List<String> LOOPBACK_FHIR_SERVERS =
      List.of("http://localhost:*", "http://127.0.0.1:*");

  private DemoProfile() {}

  public static boolean isActive(Environment environment) {
    return environment.acceptsProfiles(Profiles.of(NAME));
  }

  /** The configured entries, and in the demo profile the loopback ones too. */
  public static List<String> plusLoopbackInDemo(
      Environment environment, List<String> configured, List<String> loopback) {
    if (!isActive(environment)) {
      return List.copyOf(configured);
    }
    List<String> all = new ArrayList<>(configured);
    loopback.stream().filter(entry -> !all.contains(entry)).forEach(all::add);
    return List.copyOf(all);
  }
}
