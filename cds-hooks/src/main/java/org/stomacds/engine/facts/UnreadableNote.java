package org.stomacds.engine.facts;

/**
 * A note the engine cannot read (a PDF, an image) and that has no readable alternative.
 *
 * @param resource the DocumentReference (or DiagnosticReport)
 * @param expression FHIRPath to the attachment
 * @param contentType its content type, or null when not stated
 */
public record UnreadableNote(String resource, String expression, String contentType) {}
