package org.stomacds.engine.facts;

import java.util.List;
import org.stomacds.engine.narrative.NoteReader;

/**
 * The facts of what was done that documentation can state ({@link Documentation#cue}), for rule
 * validation.
 */
public final class ProcedureCues {

  private ProcedureCues() {}

  /** Every fact=value the note reader can say ({@code narrative/service-facts.yaml}). */
  public static List<String> known() {
    return NoteReader.serviceFacts();
  }
}
