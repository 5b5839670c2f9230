package org.stomacds.engine.narrative;

/**
 * The features the reader's code asks about by name (whether a sentence holds a number, a dilation,
 * a hypothetical cue...). Their words are data, with those of the features only phrase rows name:
 * {@code narrative/features.yaml}, read by {@link Features}. A constant's bit in a sentence's mask
 * is its ordinal.
 */
enum Feature {
  DIGIT,
  NUMBER_WORD,
  BALLOON,
  DILATE,
  UNIT,
  SEDATION,
  STRICTURE,
  PINHOLE,
  PASSAGE,
  LUMEN,
  HYPOTHETICAL_CUE,
  ELSEWHEN_CUE,
  ANOTHER_TIME,
  NEGATIVE_CUE,
  CLOCK,
  COUNT_WORD,
  MINUTE,
  CRE_TTS,
  OTHER_CLOCK,
  TIMES_X,
  COUNT_VERB,
  COUNT_LABEL,
  DILATION_WORD,
  ESTIMATE,
  ORDINAL_WORD
}
