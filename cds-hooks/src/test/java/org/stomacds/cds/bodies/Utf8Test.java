package org.stomacds.cds.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8Test {

  private static byte[] with(byte... middle) {
    byte[] head = "{\"family\":\"Sm".getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + middle.length + 3];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(middle, 0, out, head.length, middle.length);
    out[out.length - 3] = 'i';
    out[out.length - 2] = '"';
    out[out.length - 1] = '}';
    return out;
  }

  @Test
  void namesTheOffsetOfTheFirstBadByte() {
    assertThat(Utf8.firstInvalidByte(with((byte) 0xFF, (byte) 0xFE, (byte) 0xC3, (byte) 0x28)))
        .isEqualTo(13);
    assertThat(Utf8.firstInvalidByte(with((byte) 0xC0, (byte) 0xAF))).isEqualTo(13);
    assertThat(Utf8.firstInvalidByte(with((byte) 0xED, (byte) 0xA0, (byte) 0x80))).isEqualTo(13);
    assertThat(Utf8.firstInvalidByte(new byte[] {'a', (byte) 0xE2, (byte) 0x82})).isEqualTo(1);
  }

  @Test
  void acceptsValidUtf8() {
    assertThat(Utf8.firstInvalidByte("Müller 😀 Ω".getBytes(StandardCharsets.UTF_8))).isEqualTo(-1);
    assertThat(Utf8.firstInvalidByte(new byte[0])).isEqualTo(-1);
    byte[] large = "é".repeat(20_000).getBytes(StandardCharsets.UTF_8);
    assertThat(Utf8.firstInvalidByte(large)).isEqualTo(-1);
  }

  @Test
  void aViolationSaysWhere() {
    assertThat(BodyViolation.ifNotUtf8(with((byte) 0xFF)).message()).contains("byte offset 13");
    assertThat(BodyViolation.ifNotUtf8(with((byte) 'x'))).isNull();
  }
}
