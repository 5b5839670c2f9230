package org.stomacds.casedata;

/**
 * Something the case needed that could not be obtained.
 *
 * @param lookup the read ({@code Type/id}) or search ({@code Type?param=value}) that failed
 * @param reason why, in words fit for an error body
 */
public record MissingData(String lookup, String reason) {}
