package org.stomacds.engine.terminology;

import java.util.Objects;

/**
 * One member of a value set expansion: a code in a code system, with the display our code system
 * gives it.
 *
 * @param system the canonical code system url (HCPCS aliases already mapped to the canonical url)
 * @param code the code, exactly as the code system spells it (ICD-10-CM with its dot)
 * @param display our own short name for the code
 */
public record Coded(String system, String code, String display) {

  public Coded {
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(code, "code");
  }
}
