package org.stomacds.cds.service;

import java.io.IOException;
import java.io.InputStream;
import org.stomacds.cds.wire.CdsException;

/** Reads a request body with a size limit: 413 past it, without reading the rest. */
final class Bodies {

  private Bodies() {}

  static byte[] read(InputStream in, long maxBytes) {
    try {
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      if (body.length > maxBytes) {
        throw new CdsException(
            413, "body-too-large", "the request body is larger than " + maxBytes + " bytes");
      }
      return body;
    } catch (IOException e) {
      throw CdsException.invalid("unreadable-body", "the request body could not be read");
    }
  }
}
