package org.stomacds.server.security;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;

/**
 * The request with its body already read, decoded and checked: the body served from memory, its
 * length as {@code Content-Length}, and no {@code Content-Encoding} or {@code Transfer-Encoding}
 * left for anything downstream (HAPI 8.8.0 would otherwise gunzip a {@code gzip} body again,
 * without a limit).
 */
final class DecodedRequest extends HttpServletRequestWrapper {

  private static final List<String> HIDDEN = List.of("content-encoding", "transfer-encoding");

  private final byte[] body;

  DecodedRequest(HttpServletRequest request, byte[] body) {
    super(request);
    this.body = body;
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getHeader(String name) {
    if (hidden(name)) {
      return null;
    }
    if ("content-length".equalsIgnoreCase(name)) {
      return Integer.toString(body.length);
    }
    return super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    if (hidden(name)) {
      return Collections.emptyEnumeration();
    }
    if ("content-length".equalsIgnoreCase(name)) {
      return Collections.enumeration(List.of(Integer.toString(body.length)));
    }
    return super.getHeaders(name);
  }

  @Override
  public Enumeration<String> getHeaderNames() {
    List<String> names = Collections.list(super.getHeaderNames());
    names.removeIf(DecodedRequest::hidden);
    if (names.stream().noneMatch("content-length"::equalsIgnoreCase)) {
      names.add("content-length");
    }
    return Collections.enumeration(names);
  }

  private static boolean hidden(String name) {
    return name != null && HIDDEN.contains(name.toLowerCase(java.util.Locale.ROOT));
  }

  @Override
  public ServletInputStream getInputStream() {
    ByteArrayInputStream in = new ByteArrayInputStream(body);
    return new ServletInputStream() {
      @Override
      public int read() {
        return in.read();
      }

      @Override
      public int read(byte[] b, int off, int len) {
        return in.read(b, off, len);
      }

      @Override
      public boolean isFinished() {
        return in.available() == 0;
      }

      @Override
      public boolean isReady() {
        return true;
      }

      @Override
      public void setReadListener(ReadListener listener) {
        throw new UnsupportedOperationException("blocking reads only");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    String encoding = getCharacterEncoding();
    Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
    return new BufferedReader(new InputStreamReader(getInputStream(), charset));
  }
}
