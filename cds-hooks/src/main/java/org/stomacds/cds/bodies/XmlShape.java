package org.stomacds.cds.bodies;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.ArrayDeque;
import java.util.Deque;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The XML counterpart of {@link JsonShape}: one streaming pass (StAX, no DTD, no external entities)
 * checking element depth, children per element and elements plus attributes in all against {@link
 * BodyLimits}, and every {@code value} attribute in number syntax against {@link NumberBounds}
 * (FHIR XML carries every primitive, decimals too, as {@code value="..."}).
 */
public final class XmlShape {

  private final XMLInputFactory factory;
  private final BodyLimits limits;

  public XmlShape(BodyLimits limits) {
    this.limits = limits;
    this.factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
  }

  /** Why the body is refused, or null when it is within bounds. */
  public BodyViolation check(byte[] body) {
    return check(body, null);
  }

  /**
   * @param charset the body's declared charset; null to read it as XML does (the XML declaration's
   *     encoding, else UTF-8)
   */
  public BodyViolation check(byte[] body, Charset charset) {
    XMLStreamReader reader = null;
    Deque<String> path = new ArrayDeque<>();
    Deque<int[]> children = new ArrayDeque<>();
    try {
      reader =
          charset == null
              ? factory.createXMLStreamReader(new ByteArrayInputStream(body))
              : factory.createXMLStreamReader(new ByteArrayInputStream(body), charset.name());
      long values = 0;
      while (reader.hasNext()) {
        int event = reader.next();
        if (event == XMLStreamConstants.END_ELEMENT) {
          path.pop();
          children.pop();
          continue;
        }
        if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
          return BodyViolation.invalid(
              "invalid-xml", "the request body declares or uses entities" + at(reader));
        }
        if (event != XMLStreamConstants.START_ELEMENT) {
          continue;
        }
        if (!children.isEmpty() && ++children.peek()[0] > limits.maxArrayLength()) {
          return BodyViolation.tooLarge(
              "too-many-values",
              "the element "
                  + where(path)
                  + " has more than "
                  + limits.maxArrayLength()
                  + " children");
        }
        path.push(reader.getLocalName());
        children.push(new int[1]);
        if (path.size() > limits.maxDepth()) {
          return BodyViolation.tooLarge(
              "too-deep",
              "the request body nests deeper than " + limits.maxDepth() + " elements" + at(reader));
        }
        values += 1 + reader.getAttributeCount();
        if (values > limits.maxValues()) {
          return BodyViolation.tooLarge(
              "too-many-values",
              "the request body holds more than "
                  + limits.maxValues()
                  + " elements and attributes");
        }
        for (int i = 0; i < reader.getAttributeCount(); i++) {
          String value = reader.getAttributeValue(i);
          if ("value".equals(reader.getAttributeLocalName(i))
              && NumberBounds.worthChecking(value)) {
            String problem = NumberBounds.violation(value, NumberBounds.MAX_STRING_DIGITS);
            if (problem != null) {
              return BodyViolation.invalid(
                  "number-out-of-range",
                  "the number at " + where(path) + "/@value " + problem + at(reader));
            }
          }
        }
      }
      return null;
    } catch (XMLStreamException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNumber()
                  + ", column "
                  + e.getLocation().getColumnNumber()
                  + ")";
      return BodyViolation.invalid(
          "invalid-xml", "the request body is not well-formed XML" + where);
    } finally {
      if (reader != null) {
        try {
          reader.close();
        } catch (XMLStreamException ignored) {
          // nothing to release but the parser itself
        }
      }
    }
  }

  private static String where(Deque<String> path) {
    StringBuilder out = new StringBuilder();
    path.descendingIterator().forEachRemaining(name -> out.append('/').append(name));
    return out.length() == 0 ? "/" : out.toString();
  }

  private static String at(XMLStreamReader reader) {
    return " (line "
        + reader.getLocation().getLineNumber()
        + ", column "
        + reader.getLocation().getColumnNumber()
        + ")";
  }
}
