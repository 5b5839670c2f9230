package org.stomacds.engine.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading fails loudly, naming the file, on every kind of broken terminology; and a well-formed
 * folder expands includes, value set references and excludes as FHIR means them.
 */
class TerminologyLoadingTest {

  private static final String SYS = "http://example.org/codes";
  private static final String OTHER = "http://example.org/other-codes";

  @TempDir Path root;

  /** A terminology folder written for one test. */
  private final class Folder {
    private final Map<String, String> files = new LinkedHashMap<>();
    private final List<String> extraIndexLines = new ArrayList<>();

    Folder file(String name, String json) {
      files.put(name, json);
      return this;
    }

    Folder listOnly(String name) {
      extraIndexLines.add(name);
      return this;
    }

    Terminology load() {
      Path folder = root.resolve("terminology");
      try {
        Files.createDirectories(folder);
        List<String> index = new ArrayList<>(files.keySet());
        index.addAll(extraIndexLines);
        Files.write(folder.resolve("index.txt"), index);
        for (var file : files.entrySet()) {
          Files.writeString(folder.resolve(file.getKey()), file.getValue());
        }
        URLClassLoader loader = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        return Terminology.load(FhirContext.forR4Cached(), loader, "terminology");
      } catch (MalformedURLException e) {
        throw new IllegalStateException(e);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static String codeSystem(String id, String url, String concepts) {
    return """
        {"resourceType": "CodeSystem", "id": "%s", "url": "%s", "version": "1", "status": "active",
         "content": "fragment",
         "property": [{"code": "inactive", "type": "boolean"}, {"code": "mue", "type": "integer"}],
         "concept": [%s]}
        """
        .formatted(id, url, concepts);
  }

  private static String codes(String... codes) {
    List<String> concepts = new ArrayList<>();
    for (String code : codes) {
      concepts.add("{\"code\": \"%s\", \"display\": \"Code %s\"}".formatted(code, code));
    }
    return String.join(", ", concepts);
  }

  private static String valueSet(String id, String compose) {
    return """
        {"resourceType": "ValueSet", "id": "%s", "url": "https://stomacds.org/fhir/ValueSet/%s",
         "version": "1", "status": "active", "compose": %s}
        """
        .formatted(id, id, compose);
  }

  private static String include(String system, String... codes) {
    List<String> concepts = new ArrayList<>();
    for (String code : codes) {
      concepts.add("{\"code\": \"%s\"}".formatted(code));
    }
    return "{\"system\": \"%s\", \"concept\": [%s]}".formatted(system, String.join(", ", concepts));
  }

  private Folder basics() {
    return new Folder()
        .file("CodeSystem-codes.json", codeSystem("codes", SYS, codes("A", "B", "C", "D")))
        .file("CodeSystem-other.json", codeSystem("other", OTHER, codes("X", "Y")));
  }

  private static String url(String id) {
    return Terminology.VALUE_SET_BASE + id;
  }

  @Test
  void failsNamingTheFileWhenItIsNotJson() {
    Folder folder = basics().file("ValueSet-bad.json", "{\"resourceType\": \"ValueSet\", ");
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("terminology/ValueSet-bad.json: not valid FHIR R4 JSON");
  }

  @Test
  void failsNamingTheFileWhenItHasAnElementFhirDoesNotKnow() {
    Folder folder =
        basics()
            .file(
                "ValueSet-odd.json",
                valueSet("odd", "{\"include\": [" + include(SYS, "A") + "]}")
                    .replace("\"status\"", "\"colour\": \"red\", \"status\""));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("terminology/ValueSet-odd.json")
        .hasMessageContaining("colour");
  }

  @Test
  void failsWhenTheIndexListsAFileThatIsNotThere() {
    Folder folder = basics().listOnly("ValueSet-missing.json");
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("ValueSet-missing.json")
        .hasMessageContaining("not there");
  }

  @Test
  void failsWhenTheIndexIsMissing() throws IOException {
    URLClassLoader empty = new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    assertThatThrownBy(() -> Terminology.load(FhirContext.forR4Cached(), empty, "terminology"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("terminology/index.txt");
  }

  @Test
  void failsNamingBothFilesWhenAUrlIsUsedTwice() {
    Folder folder = basics().file("CodeSystem-again.json", codeSystem("again", SYS, codes("Z")));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("terminology/CodeSystem-again.json")
        .hasMessageContaining("already used by terminology/CodeSystem-codes.json");
  }

  @Test
  void treatsAnHcpcsAliasUrlAsTheSameCodeSystem() {
    Folder folder =
        new Folder()
            .file("CodeSystem-hcpcs.json", codeSystem("hcpcs", Terminology.HCPCS, codes("XS")))
            .file(
                "CodeSystem-hcpcs-again.json",
                codeSystem("hcpcs-again", "urn:oid:2.16.840.1.113883.6.285", codes("XE")));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CodeSystem-hcpcs-again.json")
        .hasMessageContaining("already used");
  }

  @Test
  void failsNamingTheFileWhenAValueSetNamesACodeItsSystemLacks() {
    Folder folder =
        basics()
            .file(
                "ValueSet-wrong.json",
                valueSet("wrong", "{\"include\": [" + include(SYS, "A", "Q") + "]}"));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("terminology/ValueSet-wrong.json")
        .hasMessageContaining("code Q")
        .hasMessageContaining("does not carry");
  }

  @Test
  void failsWhenAValueSetIncludesAnUnknownValueSet() {
    Folder folder =
        basics()
            .file(
                "ValueSet-outer.json",
                valueSet("outer", "{\"include\": [{\"valueSet\": [\"" + url("nowhere") + "\"]}]}"));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("terminology/ValueSet-outer.json")
        .hasMessageContaining(url("nowhere"))
        .hasMessageContaining("not loaded");
  }

  @Test
  void failsWhenAValueSetIncludesACodeSystemThatIsNotLoaded() {
    Folder folder =
        basics()
            .file(
                "ValueSet-foreign.json",
                valueSet(
                    "foreign", "{\"include\": [" + include("http://example.org/x", "A") + "]}"));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("terminology/ValueSet-foreign.json")
        .hasMessageContaining("http://example.org/x");
  }

  @Test
  void failsWhenValueSetsIncludeEachOther() {
    Folder folder =
        basics()
            .file(
                "ValueSet-one.json",
                valueSet("one", "{\"include\": [{\"valueSet\": [\"" + url("two") + "\"]}]}"))
            .file(
                "ValueSet-two.json",
                valueSet("two", "{\"include\": [{\"valueSet\": [\"" + url("one") + "\"]}]}"));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("cycle");
  }

  @Test
  void failsWhenAValueSetNamesAnInactiveCode() {
    String concepts =
        codes("A")
            + ", {\"code\": \"OLD\", \"display\": \"Retired\", \"property\": [{\"code\": \"inactive\", \"valueBoolean\": true}]}";
    Folder folder =
        new Folder()
            .file("CodeSystem-codes.json", codeSystem("codes", SYS, concepts))
            .file(
                "ValueSet-old.json",
                valueSet("old", "{\"include\": [" + include(SYS, "A", "OLD") + "]}"));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("terminology/ValueSet-old.json")
        .hasMessageContaining("OLD")
        .hasMessageContaining("inactive");
  }

  @Test
  void failsWhenAValueSetGivesADisplayOtherThanTheCodeSystems() {
    Folder folder =
        basics()
            .file(
                "ValueSet-display.json",
                valueSet(
                    "display",
                    "{\"include\": [{\"system\": \""
                        + SYS
                        + "\", \"concept\": [{\"code\": \"A\", \"display\": \"Something else\"}]}]}"));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("terminology/ValueSet-display.json")
        .hasMessageContaining("Something else");
  }

  @Test
  void failsWhenAConceptUsesAnUndeclaredProperty() {
    String concepts =
        "{\"code\": \"A\", \"property\": [{\"code\": \"colour\", \"valueString\": \"red\"}]}";
    Folder folder = new Folder().file("CodeSystem-codes.json", codeSystem("codes", SYS, concepts));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("terminology/CodeSystem-codes.json")
        .hasMessageContaining("'colour'");
  }

  @Test
  void failsWhenAPropertyValueHasTheWrongType() {
    String concepts =
        "{\"code\": \"A\", \"property\": [{\"code\": \"mue\", \"valueString\": \"one\"}]}";
    Folder folder = new Folder().file("CodeSystem-codes.json", codeSystem("codes", SYS, concepts));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("terminology/CodeSystem-codes.json")
        .hasMessageContaining("integer");
  }

  @Test
  void failsWhenACodeIsCarriedTwice() {
    Folder folder =
        new Folder().file("CodeSystem-codes.json", codeSystem("codes", SYS, codes("A", "A")));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("code A twice");
  }

  @Test
  void failsWhenTheFileNameDoesNotMatchTheResource() {
    Folder folder =
        new Folder().file("CodeSystem-elsewhere.json", codeSystem("codes", SYS, codes("A")));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("terminology/CodeSystem-elsewhere.json")
        .hasMessageContaining("id");
  }

  @Test
  void failsWhenAValueSetUsesAFilter() {
    Folder folder =
        basics()
            .file(
                "ValueSet-filtered.json",
                valueSet(
                    "filtered",
                    "{\"include\": [{\"system\": \""
                        + SYS
                        + "\", \"filter\": [{\"property\": \"concept\", \"op\": \"is-a\", \"value\": \"A\"}]}]}"));
    assertThatThrownBy(folder::load)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("terminology/ValueSet-filtered.json")
        .hasMessageContaining("filter");
  }

  @Test
  void anIncludeWithOnlyASystemTakesEveryActiveConceptWeCarry() {
    String concepts =
        codes("A", "B")
            + ", {\"code\": \"OLD\", \"property\": [{\"code\": \"inactive\", \"valueBoolean\": true}]}";
    Terminology terminology =
        new Folder()
            .file("CodeSystem-codes.json", codeSystem("codes", SYS, concepts))
            .file(
                "ValueSet-all.json",
                valueSet("all", "{\"include\": [{\"system\": \"" + SYS + "\"}]}"))
            .load();
    assertThat(terminology.expand(url("all")))
        .containsExactly(new Coded(SYS, "A", "Code A"), new Coded(SYS, "B", "Code B"));
    assertThat(terminology.lookup(SYS, "OLD").orElseThrow().inactive()).isTrue();
  }

  @Test
  void anIncludedValueSetAddsItsMembersAndAnExcludeRemovesCodes() {
    Terminology terminology =
        basics()
            .file(
                "ValueSet-outer.json",
                valueSet(
                    "outer",
                    "{\"include\": [{\"valueSet\": [\""
                        + url("inner")
                        + "\"]}, "
                        + include(OTHER, "X")
                        + "], \"exclude\": ["
                        + include(SYS, "B")
                        + "]}"))
            .file(
                "ValueSet-inner.json",
                valueSet("inner", "{\"include\": [" + include(SYS, "A", "B", "C") + "]}"))
            .load();
    assertThat(terminology.expand(url("outer")))
        .extracting(Coded::code)
        .containsExactly("A", "C", "X");
    assertThat(terminology.memberOf(url("outer"), SYS, "B")).isFalse();
    assertThat(terminology.memberOf(url("inner"), SYS, "B")).isTrue();
    assertThat(terminology.memberOf(url("outer"), OTHER, "X")).isTrue();
    assertThat(terminology.memberOf(url("outer"), SYS, "X")).isFalse();
  }

  @Test
  void anIncludeWithASystemAndAValueSetTakesTheirIntersection() {
    Terminology terminology =
        basics()
            .file(
                "ValueSet-inner.json",
                valueSet("inner", "{\"include\": [" + include(SYS, "A", "B", "C") + "]}"))
            .file(
                "ValueSet-both.json",
                valueSet(
                    "both",
                    "{\"include\": [{\"system\": \""
                        + SYS
                        + "\", \"concept\": [{\"code\": \"B\"}, {\"code\": \"D\"}], \"valueSet\": [\""
                        + url("inner")
                        + "|1\"]}]}"))
            .load();
    assertThat(terminology.expand(url("both"))).extracting(Coded::code).containsExactly("B");
  }

  @Test
  void anExcludeByValueSetRemovesItsMembers() {
    Terminology terminology =
        basics()
            .file(
                "ValueSet-inner.json",
                valueSet("inner", "{\"include\": [" + include(SYS, "A", "B") + "]}"))
            .file(
                "ValueSet-rest.json",
                valueSet(
                    "rest",
                    "{\"include\": [{\"system\": \""
                        + SYS
                        + "\"}], \"exclude\": [{\"valueSet\": [\""
                        + url("inner")
                        + "\"]}]}"))
            .load();
    assertThat(terminology.expand(url("rest"))).extracting(Coded::code).containsExactly("C", "D");
    assertThat(terminology.expectedSize(url("rest"))).isEqualTo(2);
  }

  @Test
  void nestedConceptsCanBeLookedUp() {
    String concepts =
        "{\"code\": \"P\", \"display\": \"Parent\", \"concept\": [{\"code\": \"C1\", \"display\": \"Child\"}]}";
    Terminology terminology =
        new Folder().file("CodeSystem-codes.json", codeSystem("codes", SYS, concepts)).load();
    assertThat(terminology.lookup(SYS, "C1").orElseThrow().display()).isEqualTo("Child");
  }
}
