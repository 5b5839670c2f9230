package org.stomacds.engine.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stomacds.engine.Engines;
import org.stomacds.engine.payer.PayerMapping;
import org.stomacds.engine.rules.cms.CmsData;
import org.stomacds.engine.rules.cms.DataFile;
import org.stomacds.engine.rules.cms.FeeScheduleRow;
import org.stomacds.engine.rules.cms.PfsData;
import org.stomacds.engine.rules.cms.Selection;
import org.stomacds.engine.rules.loading.RulePackLoader;
import org.stomacds.engine.rules.yaml.RuleFileException;
import org.stomacds.engine.terminology.Coded;
import org.stomacds.engine.terminology.Terminology;

/** Every way a rule file can be wrong fails loading with the file and the line. */
class RulePackLoaderTest {

  private static final String DEFAULT = TestFiles.text("rules/packs/cpt-44405/pack.yaml");

  @TempDir Path folder;

  static ValueSets valueSets() {
    Terminology terminology = Engines.terminology();
    return url -> {
      if (!terminology.hasValueSet(url)) {
        return null;
      }
      List<String[]> members = new ArrayList<>();
      for (Coded coded : terminology.expand(url)) {
        members.add(new String[] {coded.system(), coded.code()});
      }
      return new CodeSet(url, members);
    };
  }

  private RulePack load(String yaml) throws IOException {
    Path file = PackFolders.copy44405(folder);
    Files.writeString(file, yaml);
    return new RulePackLoader(valueSets(), PayerMapping.loadDefault()).loadFile(file);
  }

  private Path packFile() {
    return folder.resolve("packs/cpt-44405/pack.yaml");
  }

  /** The default file with {@code from} (which must occur once) replaced by {@code to}. */
  private static String replace(String from, String to) {
    int at = DEFAULT.indexOf(from);
    assertThat(at).as("'%s' is in the default rule file", from).isNotNegative();
    assertThat(DEFAULT.indexOf(from, at + 1)).as("'%s' occurs once", from).isNegative();
    return DEFAULT.substring(0, at) + to + DEFAULT.substring(at + from.length());
  }

  /** The 1-based line of the first occurrence of {@code text} in {@code yaml}. */
  private static int lineOf(String yaml, String text) {
    int at = yaml.indexOf(text);
    assertThat(at).isNotNegative();
    return (int) yaml.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
  }

  private void failsAt(String yaml, String lineText, String message) {
    int line = lineOf(yaml, lineText);
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith(packFile() + ":" + line + ": ")
        .hasMessageContaining(message);
  }

  @Test
  void theDefaultFileLoadsFromDiskToo() throws IOException {
    RulePack pack = load(DEFAULT);
    assertThat(pack.rules()).hasSizeGreaterThan(30);
    assertThat(pack.data().files()).hasSize(7);
  }

  @Test
  void failsOnAnUnknownTopLevelKey() {
    String yaml = DEFAULT + "\nextras: true\n";
    failsAt(yaml, "extras:", "unknown key 'extras'");
  }

  @Test
  void failsOnAnUnknownRuleKey() {
    String yaml =
        replace(
            "  - id: doc-inflation-count\n", "  - id: doc-inflation-count\n    severty: info\n");
    failsAt(yaml, "severty:", "unknown key 'severty'");
  }

  @Test
  void failsOnAnUnknownCheckKind() {
    String yaml = replace("kind: mue-units", "kind: mue-unit");
    failsAt(yaml, "kind: mue-unit\n", "unknown check kind 'mue-unit'");
  }

  @Test
  void failsOnAnUnknownPayer() {
    String yaml = replace("payer: [AETNA]", "payer: [HUMANA]");
    failsAt(yaml, "payer: [HUMANA]", "unknown payer 'HUMANA'");
  }

  @Test
  void failsOnAnUnknownLicensee() {
    String yaml = replace("licensee: [Anthem]", "licensee: [Blue Plan of Nowhere]");
    failsAt(
        yaml, "licensee: [Blue Plan of Nowhere]", "unknown payer licensee 'Blue Plan of Nowhere'");
  }

  @Test
  void failsOnAnUnknownLineOfBusiness() {
    String yaml = replace("line-of-business: [ORIGINAL_MEDICARE]", "line-of-business: [MEDIGAP]");
    failsAt(yaml, "line-of-business: [MEDIGAP]", "unknown line of business 'MEDIGAP'");
  }

  @Test
  void failsOnAnUnknownValueSet() {
    String yaml =
        replace(
            "remove: distinct-service-modifiers\n      keep: x-modifiers",
            "remove: distinct-service-modifiers\n      keep: y-modifiers");
    failsAt(yaml, "keep: y-modifiers", "unknown value set 'y-modifiers'");
  }

  @Test
  void failsOnAnUnknownDocumentationElement() {
    String yaml = replace("{element: complications}", "{element: complication}");
    failsAt(yaml, "{element: complication}", "unknown documentation element 'complication'");
  }

  @Test
  void failsOnAnUnknownParameter() {
    String yaml = replace("{element: complications}", "{element: complications, minimum: 2}");
    failsAt(
        yaml,
        "{element: complications, minimum: 2}",
        "unknown parameter 'minimum' for kind documentation-element");
  }

  @Test
  void failsOnAMissingParameter() {
    String yaml =
        replace(
            "      value-set: \"{supporting-diagnoses}\"\n      messages:\n        no-indication:",
            "      messages:\n        no-indication:");
    failsAt(yaml, "  - id: dx-supporting-diagnosis", "needs parameter 'value-set'");
  }

  @Test
  void failsOnAMissingSource() {
    String yaml =
        replace(
            "    source: [cms-ncci-mue, cms-ncci-policy-manual-ch1]\n    confidence: cms-data\n\n",
            "    confidence: cms-data\n\n");
    failsAt(yaml, "  - id: mue-units", "missing 'source'");
  }

  @Test
  void failsOnAnUnknownSource() {
    String yaml =
        replace(
            "    source: [cms-ncci-mue, cms-ncci-policy-manual-ch1]\n    confidence: cms-data\n\n",
            "    source: cms-ncci-mue-2031\n    confidence: cms-data\n\n");
    failsAt(yaml, "source: cms-ncci-mue-2031", "unknown source 'cms-ncci-mue-2031'");
  }

  @Test
  void failsOnAnUnknownSourceInAListAtItsOwnLine() {
    String yaml =
        replace(
            "    source: [cms-ncci-mue, cms-ncci-policy-manual-ch1]\n    confidence: cms-data\n\n",
            "    source:\n      - cms-ncci-mue\n      - ncci-manual-2031\n    confidence: cms-data\n\n");
    failsAt(yaml, "      - ncci-manual-2031", "unknown source 'ncci-manual-2031'");
  }

  @Test
  void aRuleCitesEveryDocumentOfItsListInOrder() throws IOException {
    RuleDefinition mue =
        load(DEFAULT).rules().stream()
            .filter(r -> r.id().equals("mue-units"))
            .findFirst()
            .orElseThrow();
    assertThat(mue.source().documents())
        .extracting(org.stomacds.engine.findings.Citation::id)
        .containsExactly("cms-ncci-mue", "cms-ncci-policy-manual-ch1");
    assertThat(mue.source().documents().get(0).date()).contains("2024");
  }

  @Test
  void anOldSourceIdStandsForThePublicDocumentsItsAliasNames() throws IOException {
    String yaml =
        replace(
            "    source: [cms-ncci-mue, cms-ncci-policy-manual-ch1]\n    confidence: cms-data\n\n",
            "    source: facts-2-ncci-mue-pfs\n    confidence: cms-data\n\n");
    RuleDefinition mue =
        load(yaml).rules().stream()
            .filter(r -> r.id().equals("mue-units"))
            .findFirst()
            .orElseThrow();
    assertThat(mue.source().documents())
        .extracting(org.stomacds.engine.findings.Citation::id)
        .containsExactly("cms-ncci-ptp", "cms-ncci-mue", "cms-pfs-rvu");
  }

  @Test
  void failsOnAnAliasNamingAnUnknownSource() {
    String yaml =
        replace(
            "  facts-5-documentation: [cms-mln909160]", "  facts-5-documentation: [cms-mln-2031]");
    failsAt(
        yaml,
        "  facts-5-documentation: [cms-mln-2031]",
        "alias 'facts-5-documentation' names unknown source 'cms-mln-2031'");
  }

  @Test
  void failsOnASourceUrlThatIsNotAWebAddress() {
    String yaml =
        replace(
            "    url: https://www.cms.gov/medicare/coding-billing/national-correct-coding-initiative-ncci-edits/medicare-ncci-medically-unlikely-edits",
            "    url: ../shared/domain/facts.md#mue");
    failsAt(yaml, "    url: ../shared/domain/facts.md#mue", "a source's url is an http(s) address");
  }

  @Test
  void failsOnABadDate() {
    String yaml =
        replace(
            "    fix: Add the role modifier and the physical status modifier from the anesthesia record.\n    effective: 2018-01-01",
            "    fix: Add the role modifier and the physical status modifier from the anesthesia record.\n    effective: 2018-13-01");
    failsAt(yaml, "effective: 2018-13-01", "bad date '2018-13-01'");
  }

  @Test
  void failsOnAnEndBeforeTheEffectiveDate() {
    String yaml =
        replace(
            "    fix: Add the role modifier and the physical status modifier from the anesthesia record.\n    effective: 2018-01-01",
            "    fix: Add the role modifier and the physical status modifier from the anesthesia record.\n    effective: 2018-01-01\n    end: 2017-12-31");
    failsAt(yaml, "end: 2017-12-31", "is before effective");
  }

  @Test
  void aMessageWithAPlaceholderTheCheckDoesNotFillFailsAtItsLine() {
    failsAt(
        replace(
            "per date of service, counting all lines.\"",
            "per date of service, counting all {lines}.\""),
        "counting all {lines}",
        "unknown placeholder {lines} (this message may use: [units, date, limit, payer, code])");
  }

  @Test
  void aMessageTheCheckNeedsMissingFailsNamingIt() {
    String yaml = replace("        one-session: \"Dilating", "        one-sessions: \"Dilating");
    failsAt(
        yaml, "  - id: mue-units", "needs the message 'one-session': under the rule's messages:");
  }

  @Test
  void aMessageTheCheckDoesNotUseFailsNamingTheOnesItDoes() {
    String yaml =
        replace(
            "        one-session: \"Dilating",
            "        spare: \"Not a message of this kind.\"\n        one-session: \"Dilating");
    failsAt(yaml, "        spare:", "unknown message 'spare' for kind mue-units (it words:");
  }

  @Test
  void failsOnUnknownSeverityStageAndConfidence() {
    failsAt(
        replace("both sessions\n    severity: error", "both sessions\n    severity: fatal"),
        "severity: fatal",
        "unknown severity 'fatal'");
    failsAt(
        replace(
            "both sessions\n    severity: error\n    stages: [claim]",
            "both sessions\n    severity: error\n    stages: [billing]"),
        "stages: [billing]",
        "unknown stage 'billing'");
    failsAt(
        replace(
            "    source: [cms-ncci-mue, cms-ncci-policy-manual-ch1]\n    confidence: cms-data\n\n",
            "    source: cms-ncci-mue\n    confidence: probable\n\n"),
        "confidence: probable",
        "unknown confidence 'probable'");
  }

  @Test
  void failsOnADuplicateRuleId() {
    String yaml = replace("  - id: doc-inflation-duration\n", "  - id: doc-inflation-count\n");
    failsAt(
        yaml,
        "  - id: doc-inflation-count\n    title: Inflation duration",
        "duplicate rule id 'doc-inflation-count'");
  }

  @Test
  void failsOnAnOverrideOrReplacementOfAnUnknownRule() {
    failsAt(
        replace(
            "      - rule: mod-x-modifier-preferred\n        parameters: {x-modifiers-accepted: \"yes\"}\n      # Medicare prices anesthesia",
            "      - rule: mod-x-modifier-favoured\n        parameters: {x-modifiers-accepted: \"yes\"}\n      # Medicare prices anesthesia"),
        "rule: mod-x-modifier-favoured",
        "override of unknown rule 'mod-x-modifier-favoured'");
    failsAt(
        replace("replaces: [payer-notification-policy]", "replaces: [payer-notice]"),
        "replaces: [payer-notice]",
        "replaces unknown rule 'payer-notice'");
  }

  @Test
  void failsOnAMissingDataFile() {
    String yaml =
        replace("file: ../../data/ncci-mue-2024q3.csv", "file: ../../data/ncci-mue-2024q4.csv");
    failsAt(
        yaml,
        "file: ../../data/ncci-mue-2024q4.csv",
        "data file '../../data/ncci-mue-2024q4.csv' not found");
  }

  @Test
  void failsOnOverlappingDataFilesOfOneKind() throws IOException {
    Files.createDirectories(folder.resolve("data"));
    Files.write(
        folder.resolve("data/mue-b.csv"), TestFiles.resource("rules/data/ncci-mue-2024q3.csv"));
    String yaml =
        replace(
            "    source: cms-ncci-mue\n  - kind: pfs-rvu",
            "    source: cms-ncci-mue\n  - kind: ncci-mue\n    file: ../../data/mue-b.csv\n    release: B\n    effective: 2024-09-01\n    source: cms-ncci-mue\n  - kind: pfs-rvu");
    failsAt(yaml, "effective: 2024-09-01", "covers dates of service that");
  }

  @Test
  void failsOnABadCmsDataRowNamingTheCsvFileAndLine() throws IOException {
    Path data = Files.createDirectories(folder.resolve("data"));
    Files.writeString(
        data.resolve("ncci-mue-2024q3.csv"),
        "table,code,mue_value,mai,mai_meaning,rationale\npractitioner,44405,1,7,Odd,\n");
    assertThatThrownBy(() -> load(DEFAULT))
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith(data.resolve("ncci-mue-2024q3.csv") + ":2: ")
        .hasMessageContaining("mai must be 1, 2 or 3");
    Files.writeString(data.resolve("ncci-mue-2024q3.csv"), "table,code,mue_value\n");
    assertThatThrownBy(() -> load(DEFAULT))
        .hasMessageStartingWith(data.resolve("ncci-mue-2024q3.csv") + ":1: ")
        .hasMessageContaining("missing column 'mai'");
  }

  @Test
  void failsOnABadGlobalDaysSupplementRowNamingTheCsvFileAndLine() throws IOException {
    Path data = Files.createDirectories(folder.resolve("data"));
    Path supplement = data.resolve("global-days-supplement.csv");
    String header = "hcpcs,modifier,global_days,confidence,summary\n";
    Files.writeString(
        supplement, header + "44143,,090,widely-known,ok\n44320,,90,widely-known,x\n");
    assertThatThrownBy(() -> load(DEFAULT))
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith(supplement + ":3: ")
        .hasMessageContaining("global_days must be one of");
    Files.writeString(supplement, header + "44143,,090,probably,x\n");
    assertThatThrownBy(() -> load(DEFAULT))
        .hasMessageStartingWith(supplement + ":2: ")
        .hasMessageContaining("confidence must be one of [cms-data, sourced, widely-known");
    Files.writeString(supplement, header + "44143,26,090,widely-known,x\n");
    assertThatThrownBy(() -> load(DEFAULT))
        .hasMessageStartingWith(supplement + ":2: ")
        .hasMessageContaining("leave modifier empty");
    Files.writeString(supplement, header + "44143,,090,widely-known,x\n44143,,010,uncertain,y\n");
    assertThatThrownBy(() -> load(DEFAULT))
        .hasMessageStartingWith(supplement + ":3: ")
        .hasMessageContaining("44143 is already at");
    Files.writeString(supplement, "hcpcs,global_days\n");
    assertThatThrownBy(() -> load(DEFAULT))
        .hasMessageStartingWith(supplement + ":1: ")
        .hasMessageContaining("missing column 'modifier'");
  }

  @Test
  void theGlobalDaysSupplementFillsOnlyWhatTheFeeScheduleLacks() throws IOException {
    Path data = Files.createDirectories(folder.resolve("data"));
    Files.writeString(
        data.resolve("global-days-supplement.csv"),
        "hcpcs,modifier,global_days,confidence\n44130,,090,widely-known\n44405,,090,uncertain\n");
    CmsData cms = load(DEFAULT).data();
    assertThat(cms.globalDays("44130")).isEqualTo(90);
    assertThat(cms.supplementedGlobalDays("44130").confidence())
        .isEqualTo(org.stomacds.engine.findings.Confidence.WIDELY_KNOWN);
    assertThat(cms.globalDays("44405")).as("the fee schedule's 000 wins").isZero();
    assertThat(cms.supplementedGlobalDays("44405")).isNull();
    assertThat(cms.globalDays("27447")).isEqualTo(-1);
    assertThat(cms.files())
        .filteredOn(f -> f.kind() == DataFile.DataKind.GLOBAL_DAYS)
        .singleElement()
        .satisfies(f -> assertThat(f.rows()).isEqualTo(2));
  }

  @Test
  void aFullQuarterlyCmsFeeScheduleFileDroppedInTheDataFolderLoads() throws IOException {
    Path data = Files.createDirectories(folder.resolve("data"));
    Files.write(
        data.resolve("PPRRVU25_OCT.csv"), TestFiles.resource("rules/pprrvu-cms-layout-sample.csv"));
    String yaml = replace("file: ../../data/pfs-rvu-2025.csv", "file: ../../data/PPRRVU25_OCT.csv");
    CmsData cms = load(yaml).data();
    Selection<PfsData> selection = cms.pfs(LocalDate.of(2025, 10, 15));
    assertThat(selection.file().file()).isEqualTo("../../data/PPRRVU25_OCT.csv");
    assertThat(selection.file().rows()).isEqualTo(9);
    FeeScheduleRow row = selection.data().row("44405", "");
    assertThat(row.globalDays()).isEqualTo("000");
    assertThat(row.multipleProcedure()).isEqualTo("3");
    assertThat(row.bilateral()).isEqualTo("0");
    assertThat(row.assistant()).isEqualTo("1");
    assertThat(row.coSurgeon()).isEqualTo("0");
    assertThat(row.team()).isEqualTo("0");
    assertThat(row.endoscopicBase()).isEqualTo("44388");
    assertThat(row.status()).isEqualTo("A");
    assertThat(row.facilityTotal()).isEqualByComparingTo("5.43");
    assertThat(row.file()).as("the CMS file's own line").endsWith("PPRRVU25_OCT.csv:13");
    assertThat(selection.data().row("74360", "26").pctc()).isEqualTo("1");
    assertThat(selection.data().row("49505", "").bilateral()).isEqualTo("1");
  }

  @Test
  void aFeeScheduleFileWithNeitherHeaderFailsNamingTheFile() throws IOException {
    Path data = Files.createDirectories(folder.resolve("data"));
    Files.writeString(data.resolve("PPRRVU25_OCT.csv"), ",,a banner\n44405,,x,A\n");
    String yaml = replace("file: ../../data/pfs-rvu-2025.csv", "file: ../../data/PPRRVU25_OCT.csv");
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(RuleFileException.class)
        .hasMessageContaining("PPRRVU25_OCT.csv:1: ")
        .hasMessageContaining("no header row starting with HCPCS");
  }

  @Test
  void failsOnYamlThatDoesNotParse() {
    String yaml = replace("title: Number of inflations", "title: [Number of inflations");
    assertThatThrownBy(() -> load(yaml))
        .isInstanceOf(RuleFileException.class)
        .hasMessageStartingWith(packFile() + ":")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void failsOnADuplicateKey() {
    String yaml =
        replace(
            "    title: Number of inflations\n",
            "    title: Number of inflations\n    title: Again\n");
    failsAt(yaml, "title: Again", "duplicate key 'title'");
  }
}
