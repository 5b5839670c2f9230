package org.stomacds.cds.wire;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The answer to a hook call: cards for people, system actions for the client to apply. */
public record CdsResponse(
    List<Card> cards, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<Card.Action> systemActions) {

  public CdsResponse {
    cards = List.copyOf(cards);
    systemActions = List.copyOf(systemActions);
  }

  public static CdsResponse empty() {
    return new CdsResponse(List.of(), List.of());
  }
}
