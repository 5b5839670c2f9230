package org.stomacds.cds.wire;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One CDS Hooks 2.0 feedback entry.
 *
 * @param card the uuid of the card acted on
 * @param outcome {@code accepted} or {@code overridden}
 * @param acceptedSuggestions uuids of the suggestions accepted
 * @param overrideReason the reason chosen when overridden, or null
 * @param userComment the user's free text, or null; used to tell two feedbacks apart, never stored
 * @param outcomeTimestamp when the user acted
 */
public record Feedback(
    String card,
    String outcome,
    List<String> acceptedSuggestions,
    Coding overrideReason,
    String userComment,
    OffsetDateTime outcomeTimestamp) {

  public Feedback {
    acceptedSuggestions = List.copyOf(acceptedSuggestions);
  }

  @Override
  public String toString() {
    return "Feedback[card=" + card + ", outcome=" + outcome + "]";
  }
}
