package org.stomacds.engine.findings;

import java.util.List;

/**
 * The public documents a rule comes from, and how far the rule is established.
 *
 * @param documents one or more public documents, in the order the rule file lists them
 * @param confidence how far the rule's requirement is established
 */
public record SourceCitation(List<Citation> documents, Confidence confidence) {

  public SourceCitation {
    documents = List.copyOf(documents);
    if (documents.isEmpty()) {
      throw new IllegalArgumentException("a rule cites at least one document");
    }
  }

  /** A source of one document with no section or date (tests, hand-built findings). */
  public SourceCitation(String id, String title, String url, Confidence confidence) {
    this(List.of(new Citation(id, title, null, null, url, confidence, null)), confidence);
  }

  /** The documents' labels joined with "; ", for one line of text. */
  public String title() {
    return String.join("; ", documents.stream().map(Citation::label).toList());
  }
}
