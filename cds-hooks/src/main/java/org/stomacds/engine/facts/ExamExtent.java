package org.stomacds.engine.facts;

/** Whether the exam reached the cecum or the anastomosis. */
public enum ExamExtent {
  COMPLETE,
  INCOMPLETE
}
