package org.stomacds.cds.bodies;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import java.io.IOException;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * One streaming pass over a JSON body before anything builds a tree or a resource from it: nesting
 * depth, array lengths and the number of values against {@link BodyLimits}, and every number (and
 * every string in number syntax) against {@link NumberBounds}. Nothing is kept but a counter per
 * open array, so a hostile body costs this pass no more than its bytes.
 *
 * <p>It reads what HAPI 8.8.0's JSON parser reads: single-quoted strings and a leading {@code +} on
 * numbers are allowed there, so they are here (otherwise a body this pass refused to understand
 * could still reach HAPI). Malformed JSON is refused here, saying where.
 */
public final class JsonShape {

  private final JsonFactory factory;
  private final BodyLimits limits;

  public JsonShape(BodyLimits limits) {
    this.limits = limits;
    this.factory =
        JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS)
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(limits.maxDepth())
                    .maxNumberLength(NumberBounds.MAX_STRING_DIGITS + 16)
                    .build())
            .build();
  }

  /** Why the body is refused, or null when it is within bounds. */
  public BodyViolation check(byte[] body) {
    return check(body, null);
  }

  /**
   * @param charset the body's declared charset; null to detect it as JSON does (UTF-8 unless a BOM
   *     or the first bytes say UTF-16 or UTF-32)
   */
  public BodyViolation check(byte[] body, Charset charset) {
    try (JsonParser parser =
        charset == null || charset.equals(StandardCharsets.UTF_8)
            ? factory.createParser(body)
            : factory.createParser(new String(body, charset))) {
      long values = 0;
      JsonToken token;
      while ((token = parser.nextToken()) != null) {
        if (token == JsonToken.END_OBJECT
            || token == JsonToken.END_ARRAY
            || token == JsonToken.FIELD_NAME) {
          continue;
        }
        if (++values > limits.maxValues()) {
          return BodyViolation.tooLarge(
              "too-many-values",
              "the request body holds more than " + limits.maxValues() + " values");
        }
        JsonStreamContext container =
            token.isStructStart()
                ? parser.getParsingContext().getParent()
                : parser.getParsingContext();
        if (container != null
            && container.inArray()
            && container.getCurrentIndex() >= limits.maxArrayLength()) {
          return BodyViolation.tooLarge(
              "too-many-values",
              "the array at "
                  + where(container)
                  + " has more than "
                  + limits.maxArrayLength()
                  + " items");
        }
        BodyViolation number = number(parser, token);
        if (number != null) {
          return number;
        }
      }
      return null;
    } catch (StreamConstraintsException e) {
      String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
      if (message.contains("nesting")) {
        return BodyViolation.tooLarge(
            "too-deep",
            "the request body nests deeper than " + limits.maxDepth() + " levels" + at(e));
      }
      if (message.contains("Number")) {
        return BodyViolation.invalid(
            "number-out-of-range", "a number in the request body is too long" + at(e));
      }
      return BodyViolation.tooLarge("too-many-values", "the request body is too large" + at(e));
    } catch (JsonProcessingException e) {
      return BodyViolation.invalid("invalid-json", "the request body is not valid JSON" + at(e));
    } catch (IOException e) {
      return BodyViolation.invalid("invalid-json", "the request body could not be read");
    }
  }

  private static BodyViolation number(JsonParser parser, JsonToken token) throws IOException {
    String problem = null;
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      problem = NumberBounds.violation(parser.getText(), NumberBounds.MAX_DIGITS);
    } else if (token == JsonToken.VALUE_STRING) {
      CharBuffer text =
          CharBuffer.wrap(
              parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
      if (NumberBounds.worthChecking(text)) {
        problem = NumberBounds.violation(text, NumberBounds.MAX_STRING_DIGITS);
      }
    }
    return problem == null
        ? null
        : BodyViolation.invalid(
            "number-out-of-range",
            "the number at " + where(parser.getParsingContext()) + " " + problem);
  }

  private static String where(JsonStreamContext context) {
    String pointer = context.pathAsPointer().toString();
    return pointer.isEmpty() ? "the top level" : pointer;
  }

  private static String at(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }
}
