package org.stomacds.engine.facts;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Resource;

/**
 * The text of a note attachment: inline {@code data}, or the Binary its {@code url} names when that
 * Binary is in the case (a relative {@code Binary/id}, or an absolute URL on the FHIR server, which
 * the case data layer fetched). Read: {@code text/plain}, {@code text/markdown}, {@code text/html},
 * {@code application/xhtml+xml}, {@code text/rtf} and {@code application/rtf}; with no content
 * type, RTF and HTML are told by their first bytes and anything else not binary is read as text.
 * Anything else (PDF, images, a URL whose content is not in the case) has no text here.
 */
final class AttachmentText {

  private final ResourceIndex index;
  private final Narrative narrative;

  AttachmentText(ResourceIndex index, Narrative narrative) {
    this.index = index;
    this.narrative = narrative;
  }

  /** The text of an attachment, or null when it is not machine-readable or not in the case. */
  String text(Attachment attachment, Resource from) {
    byte[] data = attachment.hasData() ? attachment.getData() : null;
    String contentType = attachment.getContentType();
    if (data == null && attachment.hasUrl()) {
      Binary binary = index.binary(attachment.getUrl(), from);
      if (binary != null && binary.hasData()) {
        data = binary.getData();
        if (contentType == null) {
          contentType = binary.getContentType();
        }
      }
    }
    if (data == null || data.length == 0) {
      return null;
    }
    String mediaType = mediaType(contentType);
    Charset charset = charset(contentType);
    if (mediaType == null) {
      if (RtfText.isRtf(data)) {
        return RtfText.toText(data);
      }
      if (looksBinary(data)) {
        return null;
      }
      String text = new String(data, charset);
      String start = text.stripLeading().toLowerCase(Locale.ROOT);
      return start.startsWith("<!doctype html") || start.startsWith("<html")
          ? narrative.htmlToText(text)
          : text;
    }
    return switch (mediaType) {
      case "text/plain", "text/markdown" ->
          RtfText.isRtf(data) ? RtfText.toText(data) : new String(data, charset);
      case "text/html", "application/xhtml+xml" -> narrative.htmlToText(new String(data, charset));
      case "text/rtf", "application/rtf", "application/x-rtf", "text/richtext" ->
          RtfText.isRtf(data) ? RtfText.toText(data) : null;
      default -> null;
    };
  }

  /** The content type an unreadable attachment declares (or its Binary does), for the finding. */
  String contentType(Attachment attachment, Resource from) {
    if (attachment.hasContentType()) {
      return attachment.getContentType();
    }
    Binary binary = index.binary(attachment.getUrl(), from);
    return binary == null ? null : binary.getContentType();
  }

  static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  static Charset charset(String contentType) {
    if (contentType != null) {
      int at = contentType.toLowerCase(Locale.ROOT).indexOf("charset=");
      if (at >= 0) {
        String name = contentType.substring(at + 8).strip();
        int end = name.indexOf(';');
        if (end >= 0) {
          name = name.substring(0, end);
        }
        name = name.replace("\"", "").strip();
        try {
          return Charset.forName(name);
        } catch (IllegalArgumentException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  private static boolean looksBinary(byte[] data) {
    if (data.length >= 4 && data[0] == '%' && data[1] == 'P' && data[2] == 'D' && data[3] == 'F') {
      return true;
    }
    int limit = Math.min(data.length, 512);
    for (int i = 0; i < limit; i++) {
      if (data[i] == 0) {
        return true;
      }
    }
    return false;
  }
}
