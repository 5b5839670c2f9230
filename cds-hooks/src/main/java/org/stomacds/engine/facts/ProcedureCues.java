package org.stomacds.engine.facts;

import java.util.List;
import org.stomacds.engine.narrative.NoteCues;

/** The procedure cues documentation can state ({@link Documentation#cue}), for rule validation. */
public final class ProcedureCues {

  private ProcedureCues() {}

  /** The ids of every cue the note reader knows ({@code narrative/cues.yaml}). */
  public static List<String> known() {
    return NoteCues.INSTANCE.ids();
  }
}
