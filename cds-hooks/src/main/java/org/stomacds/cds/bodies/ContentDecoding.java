package org.stomacds.cds.bodies;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Undoes a request's {@code Content-Encoding} with a limit on the <em>inflated</em> size: a few
 * kilobytes of gzip can inflate to gigabytes, so the limit that applies to a plain body applies to
 * what comes out of every layer. {@code gzip}, {@code x-gzip}, {@code deflate} (zlib, or raw
 * deflate as some clients send it) and {@code identity}, in any order and up to {@value
 * #MAX_LAYERS} layers; any other coding is refused (415) before a byte is read.
 */
public final class ContentDecoding {

  /** More layers than this is not a client, it is an attack. */
  static final int MAX_LAYERS = 3;

  private final List<String> codings;

  private ContentDecoding(List<String> codings) {
    this.codings = codings;
  }

  /**
   * The codings named by the {@code Content-Encoding} header values (each may list several,
   * comma-separated, applied in order).
   *
   * @throws BodyException 415 when one is unknown or there are too many
   */
  public static ContentDecoding of(List<String> headerValues) {
    List<String> codings = new ArrayList<>();
    for (String header : headerValues) {
      for (String part : header.split(",")) {
        String coding = part.trim().toLowerCase(Locale.ROOT);
        if (coding.isEmpty() || coding.equals("identity")) {
          continue;
        }
        if (!coding.equals("gzip") && !coding.equals("x-gzip") && !coding.equals("deflate")) {
          throw new BodyException(
              new BodyViolation(
                  415,
                  "unsupported-encoding",
                  "Content-Encoding '"
                      + printable(coding)
                      + "' is not supported (gzip, deflate or identity)"));
        }
        codings.add(coding);
      }
    }
    if (codings.size() > MAX_LAYERS) {
      throw new BodyException(
          new BodyViolation(
              415,
              "unsupported-encoding",
              "Content-Encoding names "
                  + codings.size()
                  + " codings (at most "
                  + MAX_LAYERS
                  + ")"));
    }
    return new ContentDecoding(List.copyOf(codings));
  }

  /** True when the body is not encoded at all. */
  public boolean isIdentity() {
    return codings.isEmpty();
  }

  /**
   * The decoded body.
   *
   * @throws BodyException 413 when a layer inflates past {@code maxBytes}, 400 when a layer is not
   *     what its coding says
   */
  public byte[] decode(byte[] body, long maxBytes) {
    byte[] current = body;
    // The last coding named was applied last: undo it first.
    for (int i = codings.size() - 1; i >= 0; i--) {
      current = inflate(current, codings.get(i), maxBytes);
    }
    return current;
  }

  private static byte[] inflate(byte[] body, String coding, long maxBytes) {
    try {
      return readBounded(open(body, coding, false), coding, maxBytes);
    } catch (IOException e) {
      if (coding.equals("deflate")) {
        try {
          return readBounded(open(body, coding, true), coding, maxBytes);
        } catch (IOException again) {
          // fall through: neither zlib nor raw deflate
        }
      }
      throw new BodyException(
          BodyViolation.invalid(
              "corrupt-encoding", "the request body is not valid " + coding + " content"));
    }
  }

  private static InputStream open(byte[] body, String coding, boolean raw) throws IOException {
    InputStream in = new ByteArrayInputStream(body);
    return coding.equals("deflate")
        ? new InflaterInputStream(in, new Inflater(raw))
        : new GZIPInputStream(in);
  }

  private static byte[] readBounded(InputStream in, String coding, long maxBytes)
      throws IOException {
    try (in) {
      byte[] out = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (out.length > maxBytes) {
        throw new BodyException(
            BodyViolation.tooLarge(
                "body-too-large",
                "the request body inflates (" + coding + ") to more than " + maxBytes + " bytes"));
      }
      return out;
    }
  }

  private static String printable(String coding) {
    String cut = coding.length() > 40 ? coding.substring(0, 40) : coding;
    return cut.replaceAll("[^a-z0-9._+-]", "?");
  }
}
