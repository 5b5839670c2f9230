package org.stomacds.server.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/** Byte-level helpers of the {@link HostileBodiesIT} corpus: compression, splicing, templates. */
final class HostileBytes {

  private HostileBytes() {}

  static String q(String number) {
    return "\"" + number + "\"";
  }

  static String label(String number) {
    return number.length() > 20 ? number.length() + " digits" : number;
  }

  static String hex(byte[] b) {
    StringBuilder out = new StringBuilder();
    for (byte x : b) {
      out.append(String.format("%02x", x & 0xFF));
    }
    return out.toString();
  }

  static String patient(String family) {
    return "{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + family + "\"}]}";
  }

  static byte[] splice(String before, byte[] middle, String after) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(middle);
    out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** A valid Patient padded with whitespace to {@code size} bytes: compresses a thousandfold. */
  static byte[] padded(int size) {
    byte[] out = new byte[size];
    java.util.Arrays.fill(out, (byte) ' ');
    byte[] head = "{\"resourceType\":\"Patient\",\"active\":true".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, out, 0, head.length);
    out[size - 1] = '}';
    return out;
  }

  static byte[] paddedXml(int size) {
    byte[] out = new byte[size];
    java.util.Arrays.fill(out, (byte) ' ');
    byte[] head = "<Patient xmlns=\"http://hl7.org/fhir\">".getBytes(StandardCharsets.UTF_8);
    byte[] tail = "</Patient>".getBytes(StandardCharsets.UTF_8);
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(tail, 0, out, size - tail.length, tail.length);
    return out;
  }

  /** {@code mib} MiB of spaces as concatenated gzip members (one member, repeated). */
  static byte[] gibibyteBomb(int mib) {
    byte[] member = gzip(new byte[64 << 20]);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < mib / 64; i++) {
      out.writeBytes(member);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static byte[] deflate(byte[] body, boolean raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream d =
        new DeflaterOutputStream(out, new Deflater(Deflater.BEST_COMPRESSION, raw))) {
      d.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static String template(String name) {
    try (InputStream in =
        HostileBodies.class.getClassLoader().getResourceAsStream("hostile/templates/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
