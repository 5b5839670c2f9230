package org.stomacds.engine.facts;

import java.util.Set;

/** Where a procedure was done, as the encounter and its location say. */
public enum Setting {
  OFFICE("an office", Set.of("11")),
  AMBULATORY_SURGICAL_CENTER("an ambulatory surgical center", Set.of("24")),
  HOSPITAL_OUTPATIENT("a hospital outpatient department", Set.of("22", "19")),
  INPATIENT("an inpatient hospital stay", Set.of("21")),
  EMERGENCY("a hospital emergency department", Set.of("23")),
  UNKNOWN("an unknown setting", Set.of());

  private final String words;
  private final Set<String> placesOfService;

  Setting(String words, Set<String> placesOfService) {
    this.words = words;
    this.placesOfService = placesOfService;
  }

  /** Our words for the setting, for sentences ("a hospital outpatient department"). */
  public String words() {
    return words;
  }

  /** The CMS places of service that describe this setting on a professional claim. */
  public Set<String> placesOfService() {
    return placesOfService;
  }

  /** True for the settings paid at the facility rate. */
  public boolean facility() {
    return this != OFFICE && this != UNKNOWN;
  }
}
