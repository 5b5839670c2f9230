package org.stomacds.cds.bodies;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8: a body that is not valid UTF-8 is refused, never decoded with U+FFFD in place of
 * the bad bytes (what {@code new String(bytes, UTF_8)} and an {@code InputStreamReader} do
 * silently). Overlong forms, surrogates and truncated sequences are invalid too.
 */
public final class Utf8 {

  private Utf8() {}

  /** The offset of the first byte that is not valid UTF-8, or -1 when all of it is. */
  public static long firstInvalidByte(byte[] bytes) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return in.position();
      }
      if (result.isUnderflow()) {
        CoderResult end = decoder.flush(out);
        return end.isError() ? in.position() : -1;
      }
      out.clear();
    }
  }
}
