package org.stomacds.cds.bodies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ContentDecodingTest {

  private static final byte[] BODY =
      "{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8);

  static byte[] gzip(byte[] body) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] body, boolean raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d = new DeflaterOutputStream(out, new Deflater(9, raw))) {
      d.write(body);
    }
    return out.toByteArray();
  }

  @Test
  void undoesEachCodingInReverseOrder() throws IOException {
    assertThat(ContentDecoding.of(List.of("gzip")).decode(gzip(BODY), 1000)).isEqualTo(BODY);
    assertThat(ContentDecoding.of(List.of("x-gzip")).decode(gzip(BODY), 1000)).isEqualTo(BODY);
    assertThat(ContentDecoding.of(List.of("deflate")).decode(deflate(BODY, false), 1000))
        .isEqualTo(BODY);
    assertThat(ContentDecoding.of(List.of("deflate")).decode(deflate(BODY, true), 1000))
        .isEqualTo(BODY);
    assertThat(
            ContentDecoding.of(List.of("deflate, gzip")).decode(gzip(deflate(BODY, false)), 1000))
        .isEqualTo(BODY);
    assertThat(ContentDecoding.of(List.of("identity")).isIdentity()).isTrue();
    assertThat(ContentDecoding.of(List.of()).decode(BODY, 1000)).isEqualTo(BODY);
  }

  @Test
  void limitsTheInflatedSize() throws IOException {
    byte[] bomb = gzip(new byte[50 << 20]);
    assertThat(bomb.length).isLessThan(100_000);
    assertThatThrownBy(() -> ContentDecoding.of(List.of("gzip")).decode(bomb, 1 << 20))
        .isInstanceOfSatisfying(
            BodyException.class, e -> assertThat(e.violation().status()).isEqualTo(413));
    byte[] twice = gzip(gzip(new byte[50 << 20]));
    assertThatThrownBy(() -> ContentDecoding.of(List.of("gzip", "gzip")).decode(twice, 1 << 20))
        .isInstanceOfSatisfying(
            BodyException.class, e -> assertThat(e.violation().status()).isEqualTo(413));
  }

  @Test
  void refusesUnknownCodingsAndTooManyLayers() {
    for (String coding : List.of("br", "compress", "zstd", "gzip, br", "x-\u00e9\n")) {
      assertThatThrownBy(() -> ContentDecoding.of(List.of(coding)))
          .isInstanceOfSatisfying(
              BodyException.class,
              e -> {
                assertThat(e.violation().status()).isEqualTo(415);
                assertThat(e.violation().message()).doesNotContain("\n");
              });
    }
    assertThatThrownBy(() -> ContentDecoding.of(List.of("gzip,gzip,gzip,gzip")))
        .isInstanceOf(BodyException.class);
  }

  @Test
  void aBodyThatIsNotWhatItsCodingSaysIs400() {
    assertThatThrownBy(() -> ContentDecoding.of(List.of("gzip")).decode(BODY, 1000))
        .isInstanceOfSatisfying(
            BodyException.class, e -> assertThat(e.violation().status()).isEqualTo(400));
    assertThatThrownBy(() -> ContentDecoding.of(List.of("deflate")).decode(BODY, 1000))
        .isInstanceOfSatisfying(
            BodyException.class, e -> assertThat(e.violation().status()).isEqualTo(400));
  }
}
