package org.stomacds.engine.findings;

/**
 * What the engine saw that made it decide.
 *
 * @param resource the resource it was seen in, as a relative reference ({@code Claim/abc}); may be
 *     null for evidence that is not in a resource (e.g. a CMS data row)
 * @param expression FHIRPath to the element, when there is one
 * @param text the matched text or value, quoted as found (never a whole note)
 */
public record Evidence(String resource, String expression, String text) {}
