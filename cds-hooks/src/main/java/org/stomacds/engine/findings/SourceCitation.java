package org.stomacds.engine.findings;

/**
 * The policy a rule comes from.
 *
 * @param id stable id of the source in the rule pack (e.g. {@code cms-ncci-ptp-2024q3})
 * @param title what a reviewer reads (e.g. "CMS NCCI PTP edits, practitioner table, 2024 Q3")
 * @param url where to read it; may be null when the source is not online
 * @param confidence how far the fact is established
 */
public record SourceCitation(String id, String title, String url, Confidence confidence) {}
