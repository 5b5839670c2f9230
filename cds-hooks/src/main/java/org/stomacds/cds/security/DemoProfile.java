package org.stomacds.cds.security;

import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * The one switch that lets endpoints answer without authentication: the {@code demo} profile, and
 * only while no trusted issuer is configured. Nothing else (no property) can turn authentication
 * off; the server refuses to start the demo profile on anything but a loopback address.
 */
public final class DemoProfile {

  public static final String NAME = "demo";

  private DemoProfile() {}

  public static boolean isActive(Environment environment) {
    return environment.acceptsProfiles(Profiles.of(NAME));
  }
}
