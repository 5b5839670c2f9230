package org.stomacds.cds.card;

import java.util.List;
import org.stomacds.cds.wire.CdsResponse;

/**
 * Cards rendered from an evaluation, with the rule behind each card uuid (stored at issue time so
 * feedback can be attributed to the rule).
 */
public record RenderedCards(CdsResponse response, List<Issued> issued) {

  public RenderedCards {
    issued = List.copyOf(issued);
  }

  /**
   * One issued card.
   *
   * @param suggestionUuids the uuids of its suggestions (feedback may accept only these)
   */
  public record Issued(String cardUuid, String ruleId, List<String> suggestionUuids) {

    public Issued {
      suggestionUuids = List.copyOf(suggestionUuids);
    }
  }
}
