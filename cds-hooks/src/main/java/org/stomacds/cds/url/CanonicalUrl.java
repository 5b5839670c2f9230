package org.stomacds.cds.url;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An http(s) URL in the one form we compare against an allowlist <em>and</em> fetch: whatever
 * decides whether a URL may be called works on this form, and the request goes to exactly {@link
 * #toString()}, so a check cannot read one URL while the HTTP client, a proxy or the remote server
 * reads another.
 *
 * <p>Normalised: scheme and host in lower case, the default port dropped, percent-encoded
 * unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) decoded and other escapes in upper case.
 *
 * <p>Refused as ambiguous, because some parser on the way would read them differently: anything but
 * printable ASCII (so a Unicode host must be written in punycode, {@code xn--}), user info,
 * fragments, backslashes, a path with dot segments ({@code ..}, {@code .}, literal or encoded,
 * {@code ..;}), empty segments ({@code //}, except one trailing slash), {@code ;}, encoded {@code
 * /} {@code \} or {@code %} (double encoding) or control characters, a host with a trailing dot, an
 * IPv4 address in any form but four decimal parts ({@code 127.1}, {@code 0x7f.0.0.1}, {@code
 * 2130706433}), an IPv6 zone or an IPv4-mapped IPv6 address, an empty or out-of-range port. A query
 * is refused unless the caller allows one (paging links need theirs).
 */
public final class CanonicalUrl {

  private static final int MAX_LENGTH = 2048;
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*)://");
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_\\-]{1,63}");
  private static final Pattern DECIMAL_OCTET = Pattern.compile("0|[1-9][0-9]{0,2}");
  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~";
  // pchar minus ";" (path parameters are refused), plus "/" and "%" (escapes checked apart).
  private static final String PATH_CHARS = UNRESERVED + "!$&'()*+,=:@/%";
  private static final String QUERY_CHARS = PATH_CHARS + "?;";

  private final String scheme;
  private final String host;
  private final int port;
  private final String path;
  private final String query;
  private final String text;

  private CanonicalUrl(String scheme, String host, int port, String path, String query) {
    this.scheme = scheme;
    this.host = host;
    this.port = port;
    this.path = path;
    this.query = query;
    this.text =
        scheme
            + "://"
            + host
            + (port == defaultPort(scheme) ? "" : ":" + port)
            + path
            + (query == null ? "" : "?" + query);
  }

  /** A URL without query or fragment (a base, a key set), or empty when it is refused. */
  public static Optional<CanonicalUrl> parse(String text) {
    return parse(text, false);
  }

  /** A URL with an optional query (a search, a paging link), or empty when it is refused. */
  public static Optional<CanonicalUrl> parseWithQuery(String text) {
    return parse(text, true);
  }

  private static Optional<CanonicalUrl> parse(String text, boolean allowQuery) {
    try {
      return Optional.of(of(text, allowQuery));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Parses a URL, saying why when it is refused.
   *
   * @throws IllegalArgumentException with the reason (never the URL itself: it may carry secrets)
   */
  public static CanonicalUrl of(String text, boolean allowQuery) {
    if (text == null || text.isEmpty() || text.length() > MAX_LENGTH) {
      throw refused("empty or longer than " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c >= 0x7f) {
        throw refused("characters outside printable ASCII (write a Unicode host in punycode)");
      }
    }
    if (text.indexOf('\\') >= 0) {
      throw refused("a backslash");
    }
    if (text.indexOf('#') >= 0) {
      throw refused("a fragment");
    }
    var m = SCHEME.matcher(text);
    if (!m.find()) {
      throw refused("not an absolute http(s) URL");
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw refused("scheme other than http or https");
    }
    String rest = text.substring(m.end());
    int end = indexOfAny(rest, "/?");
    String authority = end < 0 ? rest : rest.substring(0, end);
    String pathAndQuery = end < 0 ? "" : rest.substring(end);
    if (authority.indexOf('@') >= 0) {
      throw refused("user info");
    }
    String hostPart;
    String portPart = null;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        throw refused("an unclosed IPv6 address");
      }
      hostPart = authority.substring(0, close + 1);
      String after = authority.substring(close + 1);
      if (!after.isEmpty()) {
        if (!after.startsWith(":")) {
          throw refused("characters after the IPv6 address");
        }
        portPart = after.substring(1);
      }
    } else {
      int colon = authority.indexOf(':');
      hostPart = colon < 0 ? authority : authority.substring(0, colon);
      portPart = colon < 0 ? null : authority.substring(colon + 1);
    }
    String host = host(hostPart);
    int port = port(portPart, scheme);
    int q = pathAndQuery.indexOf('?');
    String rawPath = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
    String query = q < 0 ? null : pathAndQuery.substring(q + 1);
    if (query != null && !allowQuery) {
      throw refused("a query");
    }
    if (query != null) {
      checkChars(query, QUERY_CHARS, "query");
      checkEscapes(query);
    }
    CanonicalUrl url = new CanonicalUrl(scheme, host, port, path(rawPath), query);
    // Defence in depth: java.net.URI must read the canonical text as the same parts.
    URI uri = URI.create(url.text);
    if (!url.host.equals(uri.getHost()) || !url.path.equals(uri.getRawPath())) {
      throw refused("read differently by java.net.URI");
    }
    return url;
  }

  private static String host(String raw) {
    if (raw.isEmpty() || raw.indexOf('%') >= 0) {
      throw refused("an empty or percent-encoded host");
    }
    String host = raw.toLowerCase(Locale.ROOT);
    if (host.startsWith("[")) {
      String literal = host.substring(1, host.length() - 1);
      if (!literal.matches("[0-9a-f:.]+") || !literal.contains(":")) {
        throw refused("not an IPv6 address");
      }
      try {
        InetAddress address = InetAddress.getByName(literal);
        if (!(address instanceof java.net.Inet6Address)) {
          throw refused("an IPv4-mapped IPv6 address");
        }
        return "[" + address.getHostAddress() + "]";
      } catch (UnknownHostException e) {
        throw refused("not an IPv6 address");
      }
    }
    if (host.endsWith(".") || host.length() > 253) {
      throw refused("a host with a trailing dot, or too long");
    }
    String[] labels = host.split("\\.", -1);
    for (String label : labels) {
      if (!LABEL.matcher(label).matches()) {
        throw refused("a host that is not a DNS name or IPv4 address");
      }
    }
    String last = labels[labels.length - 1];
    boolean numeric = last.chars().allMatch(Character::isDigit);
    for (String label : labels) {
      numeric |= label.matches("0x[0-9a-f]*");
    }
    if (numeric) {
      // Resolvers read 127.1, 0x7f.1, 017700000001 and 2130706433 as 127.0.0.1: only the plain
      // four-part form is one address to every reader.
      if (labels.length != 4) {
        throw refused("an IPv4 address not in four decimal parts");
      }
      for (String label : labels) {
        if (!DECIMAL_OCTET.matcher(label).matches() || Integer.parseInt(label) > 255) {
          throw refused("an IPv4 address not in four decimal parts");
        }
      }
    }
    return host;
  }

  private static int port(String raw, String scheme) {
    if (raw == null) {
      return defaultPort(scheme);
    }
    if (!raw.matches("[0-9]{1,5}")) {
      throw refused("an empty or invalid port");
    }
    int port = Integer.parseInt(raw);
    if (port < 1 || port > 65535) {
      throw refused("a port out of range");
    }
    return port;
  }

  private static String path(String raw) {
    if (raw.isEmpty()) {
      return "";
    }
    checkChars(raw, PATH_CHARS, "path");
    checkEscapes(raw);
    StringBuilder decoded = new StringBuilder(raw.length());
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c != '%') {
        decoded.append(c);
        continue;
      }
      int value = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
      i += 2;
      if (value < 0x80 && UNRESERVED.indexOf(value) >= 0) {
        decoded.append((char) value);
      } else if (value == '/' || value == '\\' || value == '%' || value < 0x20 || value == 0x7f) {
        throw refused("an encoded slash, backslash, percent sign or control character in the path");
      } else {
        decoded.append('%').append(String.format(Locale.ROOT, "%02X", value));
      }
    }
    String path = decoded.toString();
    String[] segments = path.substring(1).split("/", -1);
    for (int i = 0; i < segments.length; i++) {
      String segment = segments[i];
      if (segment.equals(".") || segment.equals("..")) {
        throw refused("a dot segment in the path");
      }
      if (segment.isEmpty() && i < segments.length - 1) {
        throw refused("an empty segment (//) in the path");
      }
    }
    return path;
  }

  private static void checkChars(String value, String allowed, String part) {
    for (int i = 0; i < value.length(); i++) {
      if (allowed.indexOf(value.charAt(i)) < 0) {
        throw refused("a character not allowed in the " + part);
      }
    }
  }

  private static void checkEscapes(String value) {
    for (int i = value.indexOf('%'); i >= 0; i = value.indexOf('%', i + 1)) {
      if (i + 2 >= value.length()
          || Character.digit(value.charAt(i + 1), 16) < 0
          || Character.digit(value.charAt(i + 2), 16) < 0) {
        throw refused("a malformed percent escape");
      }
    }
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("https") ? 443 : 80;
  }

  private static IllegalArgumentException refused(String why) {
    return new IllegalArgumentException("URL refused: " + why);
  }

  public String scheme() {
    return scheme;
  }

  /** Lower case; an IPv6 address in brackets, in Java's full form. */
  public String host() {
    return host;
  }

  /** The port, the scheme's default when the URL names none. */
  public int port() {
    return port;
  }

  /** The normalised path, possibly empty; never with dot or empty segments. */
  public String path() {
    return path;
  }

  /** The raw query, or null. */
  public String query() {
    return query;
  }

  public URI toUri() {
    return URI.create(text);
  }

  /** Same scheme, host and port. */
  public boolean sameOrigin(CanonicalUrl other) {
    return scheme.equals(other.scheme) && host.equals(other.host) && port == other.port;
  }

  /**
   * Whether this URL is {@code base} or below it: same origin, and the base's path a prefix of this
   * one on segment boundaries ({@code /fhir} holds {@code /fhir/Patient}, not {@code /fhirx}). A
   * trailing slash on either is not significant.
   */
  public boolean isUnder(CanonicalUrl base) {
    if (!sameOrigin(base)) {
      return false;
    }
    String b = trimSlash(base.path);
    String p = trimSlash(path);
    return b.isEmpty() || p.equals(b) || p.startsWith(b + "/");
  }

  /** Strictly below {@code base}: under it and not the base itself. */
  public boolean isStrictlyUnder(CanonicalUrl base) {
    return isUnder(base) && !trimSlash(path).equals(trimSlash(base.path));
  }

  /** This URL without query, and without a trailing slash on its path. */
  public CanonicalUrl withoutQueryAndTrailingSlash() {
    return new CanonicalUrl(scheme, host, port, trimSlash(path), null);
  }

  private static String trimSlash(String p) {
    return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CanonicalUrl other && text.equals(other.text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** The canonical text: what is compared, and what is fetched. */
  @Override
  public String toString() {
    return text;
  }
}
