package org.stomacds.engine.narrative;

/**
 * A number found in a sentence: a size in millimetres, a count, seconds or minutes.
 *
 * @param flag marks a lumen read from "dilated from X mm", which is the lumen before
 */
record Value(double value, int sentence, int start, int end, boolean flag) {}
