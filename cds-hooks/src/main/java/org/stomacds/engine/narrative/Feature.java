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
  STOMA,
  SCOPE_CONTEXT,
  BALLOON,
  BALLOON_WORD,
  DILATE,
  DILATION_TALK,
  UNIT,
  SEDATION,
  STRICTURE,
  STRICTURE_TALK,
  STRICTURE_NOUN,
  PLURAL_STRICTURE,
  PINHOLE,
  PASSAGE,
  LUMEN,
  HYPOTHETICAL_CUE,
  ELSEWHEN_CUE,
  NEGATIVE_CUE,
  PROCEDURE,
  CLOCK,
  COUNT_WORD,
  FLUOROSCOPY,
  WORK,
  WORK_OBJECT,
  ANASTOMOSIS,
  BEYOND,
  BLOOD_LOSS,
  CM,
  COMPLICATION_EVENT,
  DIET,
  INSTRUCT,
  LOCATION,
  LUMEN_OR_SIZE,
  PREP,
  STOPPED,
  MINUTE,
  CRE_TTS,
  OTHER_CLOCK,
  TIMES_X,
  COUNT_VERB,
  COUNT_LABEL,
  INSTRUCTION_OBJECT;

  /** The feature's words, from {@code narrative/features.yaml}. */
  String[] anchors() {
    return Features.INSTANCE.words(ordinal());
  }
}
