package org.stomacds.engine.facts;

import java.util.List;
import org.stomacds.engine.findings.Evidence;

/**
 * The setting of a case and what it was read from.
 *
 * @param setting where the procedure was (or will be) done
 * @param evidence the Encounter class, Location type or order location it was read from
 */
public record SettingFacts(Setting setting, List<Evidence> evidence) {
  public SettingFacts {
    evidence = List.copyOf(evidence);
  }

  public static final SettingFacts UNKNOWN = new SettingFacts(Setting.UNKNOWN, List.of());
}
