package org.stomacds.engine.payer;

/**
 * A payer the mapping knows, as its file names it: for pages that offer a choice of payers.
 *
 * @param key the payer key
 * @param licensee the BCBS licensee, or null
 * @param government whether the entry is a government program
 * @param name the first name the entry lists, as written; null when it lists identifiers only
 * @param identifier the first identifier the entry lists, or null
 * @param defaultLineOfBusiness the line of business when nothing else says one
 */
public record KnownPayer(
    PayerKey key,
    String licensee,
    boolean government,
    String name,
    PayerIdentity.Code identifier,
    LineOfBusiness defaultLineOfBusiness) {}
