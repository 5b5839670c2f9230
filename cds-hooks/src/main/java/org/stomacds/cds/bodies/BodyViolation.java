package org.stomacds.cds.bodies;

/**
 * Why a request body is refused: the HTTP status, a short stable code and a message saying what and
 * where (a JSON pointer, an XML line, a byte offset), never quoting the body.
 *
 * @param status 400 (malformed), 413 (too large or too many values), 415 (unknown encoding)
 * @param code {@code invalid-json}, {@code invalid-xml}, {@code invalid-utf8}, {@code
 *     number-out-of-range}, {@code too-deep}, {@code too-many-values}, {@code body-too-large},
 *     {@code unsupported-encoding}, {@code corrupt-encoding}
 */
public record BodyViolation(int status, String code, String message) {

  static BodyViolation invalid(String code, String message) {
    return new BodyViolation(400, code, message);
  }

  static BodyViolation tooLarge(String code, String message) {
    return new BodyViolation(413, code, message);
  }

  /** The refusal of a body that is not valid UTF-8, or null when it is valid. */
  public static BodyViolation ifNotUtf8(byte[] body) {
    long at = Utf8.firstInvalidByte(body);
    return at < 0
        ? null
        : invalid(
            "invalid-utf8", "the request body is not valid UTF-8 (at byte offset " + at + ")");
  }
}
