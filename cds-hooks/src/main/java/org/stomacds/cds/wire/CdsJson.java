package org.stomacds.cds.wire;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IJsonLikeParser;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import ca.uhn.fhir.parser.json.jackson.JacksonStructure;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;
import org.stomacds.cds.bodies.BodyLimits;
import org.stomacds.cds.bodies.BodyViolation;
import org.stomacds.cds.bodies.JsonShape;
import org.stomacds.cds.bodies.NumberBounds;

/**
 * The one place JSON is read and written for the CDS Hooks endpoints: a private Jackson mapper
 * (never a Spring bean, so Boot's own mapper stays as it is) and HAPI's R4 parser on the one {@link
 * FhirContext}.
 *
 * <p>A request body is parsed once into a Jackson tree; FHIR resources inside it are handed to HAPI
 * as that tree ({@link JacksonStructure}), not re-serialised. Unknown FHIR elements are ignored;
 * wrong JSON types and invalid primitive values are errors.
 */
public final class CdsJson {

  private static final int MAX_NESTING_DEPTH = 100;

  private final FhirContext fhir;
  private final ObjectMapper mapper;
  private final JsonShape shape =
      new JsonShape(
          new BodyLimits(
              MAX_NESTING_DEPTH,
              BodyLimits.DEFAULT.maxArrayLength(),
              BodyLimits.DEFAULT.maxValues()));
  private final IParserErrorHandler strictValues = new StrictValues();

  public CdsJson(FhirContext fhir) {
    this.fhir = fhir;
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(NumberBounds.MAX_STRING_DIGITS)
                    .build())
            .build();
    this.mapper =
        new ObjectMapper(factory)
            // Same as HAPI's own reader: decimals keep their precision.
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .registerModule(new SimpleModule().addSerializer(new ResourceSerializer()));
  }

  public FhirContext fhirContext() {
    return fhir;
  }

  /**
   * Parses a request body; 400 when it is not JSON or not UTF-8, or holds a number out of {@link
   * NumberBounds}; 413 past {@link BodyLimits} (the nesting depth is {@value #MAX_NESTING_DEPTH}).
   * The body is checked in one streaming pass before any tree or {@code BigDecimal} is built: HAPI
   * 8.8.0's parser would call {@code toPlainString()} on every decimal of a resource in it.
   */
  public JsonNode readTree(byte[] body) {
    BodyViolation refused = BodyViolation.ifNotUtf8(body);
    if (refused == null) {
      refused = shape.check(body);
    }
    if (refused != null) {
      throw new CdsException(refused.status(), refused.code(), refused.message());
    }
    try {
      JsonNode node = mapper.readTree(body);
      if (node == null || node.isMissingNode()) {
        throw CdsException.invalid("invalid-json", "the request body is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " at line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr();
      throw CdsException.invalid(
          "invalid-json",
          "the request body is not valid JSON" + where + ": " + e.getOriginalMessage());
    } catch (NumberFormatException | ArithmeticException e) {
      // Jackson reads decimals as BigDecimal; one with an absurd exponent is refused this way.
      throw CdsException.invalid(
          "invalid-json", "the request body holds a number too large to read");
    } catch (IOException e) {
      throw CdsException.invalid("invalid-json", "the request body could not be read");
    }
  }

  /**
   * Parses a FHIR R4 resource out of a JSON tree.
   *
   * @param path where it is in the request, for the error message
   */
  public Resource parseResource(JsonNode node, String path) {
    if (!(node instanceof ObjectNode object)) {
      throw CdsException.invalid(
          "invalid-resource", path + " must be a FHIR resource (a JSON object)");
    }
    if (!object.path("resourceType").isTextual()) {
      throw CdsException.invalid("invalid-resource", path + ".resourceType is missing");
    }
    JacksonStructure structure = new JacksonStructure();
    structure.setNativeObject(object);
    try {
      IBaseResource parsed = ((IJsonLikeParser) newParser()).parseResource(structure);
      if (!(parsed instanceof Resource resource)) {
        throw CdsException.invalid("invalid-resource", path + " is not a FHIR R4 resource");
      }
      return resource;
    } catch (DataFormatException e) {
      throw CdsException.invalid(
          "invalid-resource", path + " is not a valid FHIR R4 resource: " + shortMessage(e));
    } catch (CdsException e) {
      throw e;
    } catch (RuntimeException e) {
      // HAPI's parser fails on some malformed shapes with other exceptions (a Bundle entry with a
      // fullUrl but no resource: NullPointerException). Untrusted input either way: a 400.
      throw CdsException.invalid("invalid-resource", path + " is not a valid FHIR R4 resource");
    }
  }

  /** Encodes a resource as FHIR JSON. */
  public String encode(IBaseResource resource) {
    return fhir.newJsonParser().encodeResourceToString(resource);
  }

  /** Writes a wire value as JSON bytes. */
  public byte[] write(Object value) {
    try {
      return mapper.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a value of our own (e.g. the service catalog) from JSON. */
  public <T> T read(byte[] json, Class<T> type) throws IOException {
    return mapper.readValue(json, type);
  }

  private IParser newParser() {
    // Parsers are cheap and not meant to be shared between threads; the context is.
    return fhir.newJsonParser().setParserErrorHandler(strictValues);
  }

  private static String shortMessage(DataFormatException e) {
    String m = e.getMessage() == null ? "" : e.getMessage().replaceFirst("^HAPI-\\d+: ", "");
    return m.length() > 300 ? m.substring(0, 300) + "…" : m;
  }

  /** Writes a FHIR resource inside a card or action with HAPI's encoder. */
  private final class ResourceSerializer extends StdSerializer<IBaseResource> {
    ResourceSerializer() {
      super(IBaseResource.class);
    }

    @Override
    public void serialize(IBaseResource value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeRawValue(encode(value));
    }
  }

  /**
   * Unknown elements are ignored (a newer client may send more); values of the wrong JSON type or
   * that are not valid for their FHIR type are errors. Messages name the element, never its value.
   */
  private static final class StrictValues implements IParserErrorHandler {
    @Override
    public void containedResourceWithNoId(IParseLocation location) {}

    @Override
    public void incorrectJsonType(
        IParseLocation location,
        String elementName,
        BaseJsonLikeValue.ValueType expected,
        BaseJsonLikeValue.ScalarType expectedScalar,
        BaseJsonLikeValue.ValueType found,
        BaseJsonLikeValue.ScalarType foundScalar) {
      throw new DataFormatException(
          "element '"
              + elementName
              + "' has the wrong JSON type ("
              + found
              + ", expected "
              + expected
              + ")");
    }

    @Override
    public void invalidValue(IParseLocation location, String value, String error) {
      String where = location == null ? "" : " in '" + location.getParentElementName() + "'";
      throw new DataFormatException("an invalid value" + where);
    }

    @Override
    public void missingRequiredElement(IParseLocation location, String elementName) {}

    @Override
    public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
      throw new DataFormatException("element '" + elementName + "' repeats but may not");
    }

    @Override
    public void unknownAttribute(IParseLocation location, String attributeName) {}

    @Override
    public void unknownElement(IParseLocation location, String elementName) {}

    @Override
    public void unknownReference(IParseLocation location, String reference) {}

    @Override
    public void invalidInternalReference(IParseLocation location, String reference) {}

    @Override
    public void extensionContainsValueAndNestedExtensions(IParseLocation location) {}
  }
}
