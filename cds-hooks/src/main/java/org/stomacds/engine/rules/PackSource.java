package org.stomacds.engine.rules;

import org.stomacds.engine.findings.Confidence;

/**
 * One entry of the pack's {@code sources:} table.
 *
 * @param id how rules cite it
 * @param title what a reviewer reads
 * @param url where to read it (a section of {@code ../shared/domain/cpt-44405-facts.md}, a CMS
 *     page); may be null
 * @param confidence how far what it says is established
 */
public record PackSource(String id, String title, String url, Confidence confidence) {}
