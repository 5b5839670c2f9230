package org.stomacds.engine.narrative;

/**
 * A sentence of the note (or a template line, or a heading), by offsets into the note.
 *
 * @param start first character
 * @param end one past the last character
 * @param section the section it sits in
 * @param contentStart where its content starts after a label ("Complications: none" starts at
 *     "none"); {@code start} when it has no label
 * @param headingStart start of the heading line right above it when it is the first line under a
 *     heading that has no content of its own, else -1 (used to quote "Complications:\nNone")
 * @param headingOnly true for a heading with nothing after it
 */
record Sentence(
    int start, int end, Section section, int contentStart, int headingStart, boolean headingOnly) {}
