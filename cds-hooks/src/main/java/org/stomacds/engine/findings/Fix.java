package org.stomacds.engine.findings;

/**
 * A suggested fix, as data a renderer can turn into an action.
 *
 * @param kind what to do
 * @param label a short imperative sentence a person can act on by hand
 * @param resource the resource to change, as a relative reference ({@code Claim/abc}); null when
 *     the fix is not a change to a resource (obtain an ABN, notify the payer)
 * @param claimItemSequence the {@code Claim.item.sequence} the fix applies to, or null
 * @param system the code system of {@code code}, or null
 * @param code the modifier, place of service, diagnosis or quantity the fix sets, or null
 * @param element the documentation element to add (kebab-case id, e.g. {@code balloon-diameter}),
 *     for {@link FixKind#DOCUMENT_ELEMENT}; otherwise null
 * @param recommended true for the fix to offer first; false for an alternative
 * @param alternativeGroup fixes of one finding that share a non-null group are mutually exclusive
 *     (73 vs 74, 76 vs 77, 78 vs 79): apply at most one of them
 */
public record Fix(
    FixKind kind,
    String label,
    String resource,
    Integer claimItemSequence,
    String system,
    String code,
    String element,
    boolean recommended,
    String alternativeGroup) {}
