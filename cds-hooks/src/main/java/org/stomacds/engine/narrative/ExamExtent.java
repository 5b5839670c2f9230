package org.stomacds.engine.narrative;

/** How far the examination went. */
public enum ExamExtent {
  /**
   * The cecum, the terminal ileum, or the colon-small bowel (e.g. ileocolic) anastomosis was
   * reached.
   */
  COMPLETE,
  /** The note says the end point was not reached, or the procedure was stopped short. */
  INCOMPLETE
}
