package org.stomacds.cds.wire;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a feedback body ({@code {"feedback": [...]}}): 400 for wrong types and for fields that
 * contradict the outcome ({@code accepted} without {@code acceptedSuggestions}, ...), 422 for gaps.
 */
public final class FeedbackReader {

  private static final Set<String> OUTCOMES = Set.of("accepted", "overridden");

  /** The error code of a feedback entry whose fields contradict its outcome. */
  static final String INVALID = "invalid-feedback";

  private final CdsJson json;

  public FeedbackReader(CdsJson json) {
    this.json = json;
  }

  public List<Feedback> read(byte[] body) {
    JsonNode root = json.readTree(body);
    if (!root.isObject()) {
      throw CdsException.invalid("invalid-request", "the feedback body must be a JSON object");
    }
    JsonNode entries = root.get("feedback");
    if (entries == null || entries.isNull()) {
      throw CdsException.contract("feedback-contract", "feedback is missing");
    }
    if (!entries.isArray()) {
      throw CdsException.invalid("invalid-request", "feedback must be an array");
    }
    if (entries.isEmpty()) {
      throw CdsException.contract("feedback-contract", "feedback is empty");
    }
    List<Feedback> feedback = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      feedback.add(entry(entries.get(i), "feedback[" + i + "]"));
    }
    return feedback;
  }

  private Feedback entry(JsonNode node, String path) {
    if (!node.isObject()) {
      throw CdsException.invalid("invalid-request", path + " must be a JSON object");
    }
    String card = required(node, "card", path);
    String outcome = required(node, "outcome", path);
    if (!OUTCOMES.contains(outcome)) {
      throw CdsException.contract(
          "feedback-contract", path + ".outcome must be 'accepted' or 'overridden'");
    }
    OffsetDateTime timestamp;
    String ts = required(node, "outcomeTimestamp", path);
    try {
      timestamp = OffsetDateTime.parse(ts);
    } catch (DateTimeParseException e) {
      throw CdsException.invalid(
          "invalid-request", path + ".outcomeTimestamp must be an ISO 8601 date-time with offset");
    }
    List<String> accepted =
        acceptedSuggestions(node.get("acceptedSuggestions"), path + ".acceptedSuggestions");
    Coding reason = overrideReason(node.get("overrideReason"), path + ".overrideReason");
    String comment = userComment(node.get("overrideReason"), path + ".overrideReason");
    // CDS Hooks 2.0: acceptedSuggestions is required for accepted outcomes, and only for them;
    // overrideReason belongs to overridden ones.
    if (outcome.equals("accepted") && accepted.isEmpty()) {
      throw CdsException.invalid(
          INVALID,
          path
              + ".acceptedSuggestions is missing or empty: an 'accepted' outcome names the"
              + " suggestions accepted");
    }
    if (outcome.equals("overridden") && !accepted.isEmpty()) {
      throw CdsException.invalid(
          INVALID, path + ".acceptedSuggestions is only for an 'accepted' outcome");
    }
    if (outcome.equals("accepted") && (reason != null || comment != null)) {
      throw CdsException.invalid(
          INVALID, path + ".overrideReason is only for an 'overridden' outcome");
    }
    return new Feedback(card, outcome, accepted, reason, comment, timestamp);
  }

  private static List<String> acceptedSuggestions(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw CdsException.invalid("invalid-request", path + " must be an array");
    }
    Set<String> ids = new LinkedHashSet<>();
    for (int i = 0; i < node.size(); i++) {
      JsonNode s = node.get(i);
      if (!s.isObject()) {
        throw CdsException.invalid("invalid-request", path + "[" + i + "] must be a JSON object");
      }
      ids.add(required(s, "id", path + "[" + i + "]"));
    }
    return List.copyOf(ids);
  }

  private static Coding overrideReason(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    CdsRequestReader.object(node, path);
    JsonNode reason = node.get("reason");
    if (reason == null || reason.isNull()) {
      return null;
    }
    CdsRequestReader.object(reason, path + ".reason");
    return new Coding(
        CdsRequestReader.optionalText(reason, "system", path + ".reason.system"),
        CdsRequestReader.optionalText(reason, "code", path + ".reason.code"),
        CdsRequestReader.optionalText(reason, "display", path + ".reason.display"));
  }

  private static String userComment(JsonNode node, String path) {
    if (node == null || node.isNull()) {
      return null;
    }
    return CdsRequestReader.optionalText(node, "userComment", path + ".userComment");
  }

  private static String required(JsonNode node, String field, String path) {
    String value = CdsRequestReader.optionalText(node, field, path + "." + field);
    if (value == null || value.isBlank()) {
      throw CdsException.contract("feedback-contract", path + "." + field + " is missing");
    }
    return value;
  }
}
