package org.stomacds.engine.narrative;

/** What a size measures, as {@link SizeClassifier} reads it from the words around it. */
enum SizeKind {
  BALLOON,
  LUMEN,
  /** "dilated from 8 mm to 15 mm", "7mm -> CRE 15": the starting lumen. */
  LUMEN_FROM,
  OTHER,
  UNKNOWN
}
