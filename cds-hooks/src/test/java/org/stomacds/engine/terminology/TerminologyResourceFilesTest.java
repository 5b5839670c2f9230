package org.stomacds.engine.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The shipped terminology files themselves, read straight from the classpath folder. */
class TerminologyResourceFilesTest {

  /**
   * Phrases of AMA CPT descriptors (and CPT modifier titles) that must never appear: we ship codes
   * and our own words only.
   */
  private static final List<String> AMA_PHRASES =
      List.of(
          "colonoscopy through stoma;",
          "with transendoscopic balloon dilation",
          "transendoscopic",
          "ileoscopy, through stoma",
          "colonoscopy, flexible;",
          "intraluminal dilation of strictures",
          "(separate procedure)",
          "anesthesia for lower intestinal endoscopic procedures",
          "moderate sedation services provided by",
          "increased procedural services",
          "distinct procedural service");

  static Path folder() throws URISyntaxException {
    return Path.of(
            TerminologyResourceFilesTest.class
                .getClassLoader()
                .getResource(Terminology.DEFAULT_FOLDER + "/index.txt")
                .toURI())
        .getParent();
  }

  static Stream<Path> files() throws IOException, URISyntaxException {
    try (Stream<Path> paths = Files.list(folder())) {
      return paths.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void everyFileParsesWithTheStrictParser(Path file) throws IOException {
    IParser parser =
        FhirContext.forR4Cached().newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    String json = Files.readString(file, StandardCharsets.UTF_8);
    assertThatCode(() -> parser.parseResource(json)).doesNotThrowAnyException();
    assertThat(parser.parseResource(json)).isInstanceOfAny(CodeSystem.class, ValueSet.class);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("files")
  void noFileCarriesAmaDescriptorText(Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    for (String phrase : AMA_PHRASES) {
      assertThat(text).as("%s contains an AMA phrase", file.getFileName()).doesNotContain(phrase);
    }
  }

  @Test
  void theIndexListsEveryFileInTheFolderAndNothingElse() throws IOException, URISyntaxException {
    List<String> listed =
        Files.readAllLines(folder().resolve("index.txt")).stream()
            .map(String::strip)
            .filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .sorted()
            .toList();
    List<String> present = files().map(p -> p.getFileName().toString()).toList();
    assertThat(listed).isEqualTo(present);
  }
}
