package org.stomacds.server.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Sends a request exactly as written, over a plain socket: for what {@link
 * java.net.http.HttpClient} refuses to send (a malformed escape in the query, a raw control
 * character in the path), which is what an attacker sends. One request per connection; the answer
 * is read to the end.
 */
final class RawHttp {

  /** What came back: the status and the body as text (chunk framing, if any, left in). */
  record Answer(int status, String body) {}

  private RawHttp() {}

  static Answer send(
      URI base, String method, String rawPath, String contentType, String token, byte[] body) {
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      socket.setSoTimeout(60_000);
      StringBuilder head = new StringBuilder();
      head.append(method).append(' ').append(rawPath).append(" HTTP/1.1\r\n");
      head.append("Host: ")
          .append(base.getHost())
          .append(':')
          .append(base.getPort())
          .append("\r\n");
      head.append("Authorization: Bearer ").append(token).append("\r\n");
      if (contentType != null) {
        head.append("Content-Type: ").append(contentType).append("\r\n");
      }
      head.append("Content-Length: ").append(body == null ? 0 : body.length).append("\r\n");
      head.append("Connection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      in.transferTo(received);
      String text = received.toString(StandardCharsets.UTF_8);
      int lineEnd = text.indexOf("\r\n");
      if (lineEnd < 0) {
        throw new IOException("no status line in the answer");
      }
      String[] statusLine = text.substring(0, lineEnd).split(" ", 3);
      int bodyStart = text.indexOf("\r\n\r\n");
      return new Answer(
          Integer.parseInt(statusLine[1]), bodyStart < 0 ? "" : text.substring(bodyStart + 4));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
