package org.stomacds.server.security;

import java.util.regex.Pattern;

/**
 * How SMART scopes cover one extended FHIR operation: a token may call {@code $name} on a resource
 * type (or its instances) when it may read (or write) that type, and on the server when it may read
 * (or write) every type ({@code *}). An operation nobody declared is refused to every token.
 *
 * <p>A feature that adds an operation declares a bean of this type next to it, e.g. {@code new
 * FhirOperationScope("$check", Access.READ)}.
 *
 * @param name the operation, with its {@code $}
 * @param access what the token needs on the type the operation is called on
 */
public record FhirOperationScope(String name, Access access) {

  /** What an operation needs. */
  public enum Access {
    READ,
    WRITE
  }

  private static final Pattern NAME = Pattern.compile("\\$[A-Za-z][A-Za-z0-9\\-]{0,63}");

  public FhirOperationScope {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("an operation name is $ and a name, not '" + name + "'");
    }
    if (access == null) {
      throw new IllegalArgumentException("access is required for operation " + name);
    }
  }
}
