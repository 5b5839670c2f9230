package org.stomacds.engine.audit;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * One scenario of the blind coder audit ({@code fixtures/audit/claims/NN-slug/claim.yaml}): the
 * note, the claim as billed and the coder's verdict, plus what the EHR holds beside the note
 * ({@code record.yaml}, optional: earlier surgery, an ABN on file, the problem list), which never
 * carries the verdict.
 */
record AuditClaim(
    String id,
    String payer,
    String setting,
    int age,
    String sex,
    LocalDate dateOfService,
    String note,
    String kind,
    String billedBy,
    String placeOfService,
    String typeOfBill,
    List<String> diagnoses,
    List<Line> lines,
    boolean clean,
    List<CoderFinding> findings,
    Record record) {

  /** A claim line as billed. */
  record Line(
      String code, List<String> modifiers, int units, List<Integer> pointers, String revenue) {}

  /** One finding of the coder: the line (null for the claim), category and severity. */
  record CoderFinding(Integer line, String category, String severity, String problem) {}

  /** An earlier procedure the EHR holds: code, date, and whether the same surgeon did it. */
  record Prior(String code, LocalDate date, boolean sameSurgeon) {}

  /** A problem-list entry: ICD-10-CM code, clinical status, and the day it abated (or null). */
  record Problem(String code, String status, LocalDate abated) {}

  /** What the EHR holds beside the note. */
  record Record(List<Prior> priorProcedures, boolean abnOnFile, List<Problem> problemList) {
    static final Record NONE = new Record(List.of(), false, List.of());
  }

  static AuditClaim read(Path folder) throws IOException {
    Map<String, Object> yaml = load(folder.resolve("claim.yaml"));
    Map<String, Object> patient = map(yaml.get("patient"));
    Map<String, Object> claim = map(yaml.get("claim"));
    List<Line> lines = new ArrayList<>();
    for (Object o : list(claim.get("lines"))) {
      Map<String, Object> line = map(o);
      lines.add(
          new Line(
              String.valueOf(line.get("code")),
              strings(line.get("modifiers")),
              ((Number) line.getOrDefault("units", 1)).intValue(),
              list(line.get("diagnosis-pointers")).stream()
                  .map(p -> ((Number) p).intValue())
                  .toList(),
              line.get("revenue-code") == null ? null : String.valueOf(line.get("revenue-code"))));
    }
    List<CoderFinding> findings = new ArrayList<>();
    for (Object o : list(yaml.get("findings"))) {
      Map<String, Object> f = map(o);
      findings.add(
          new CoderFinding(
              f.get("line") == null ? null : ((Number) f.get("line")).intValue(),
              String.valueOf(f.get("category")),
              String.valueOf(f.get("severity")),
              String.valueOf(f.get("problem"))));
    }
    Path recordFile = folder.resolve("record.yaml");
    Record record = Files.exists(recordFile) ? record(load(recordFile)) : Record.NONE;
    return new AuditClaim(
        folder.getFileName().toString(),
        String.valueOf(yaml.get("payer")),
        String.valueOf(yaml.get("setting")),
        ((Number) patient.get("age")).intValue(),
        String.valueOf(patient.get("sex")),
        date(yaml.get("date-of-service")),
        String.valueOf(yaml.get("note")),
        String.valueOf(claim.get("kind")),
        String.valueOf(claim.getOrDefault("billed-by", "")),
        claim.get("place-of-service") == null
            ? null
            : String.valueOf(claim.get("place-of-service")),
        claim.get("type-of-bill") == null ? null : String.valueOf(claim.get("type-of-bill")),
        strings(claim.get("diagnoses")),
        lines,
        "clean".equals(yaml.get("verdict")),
        findings,
        record);
  }

  private static Record record(Map<String, Object> yaml) {
    List<Prior> prior = new ArrayList<>();
    for (Object o : list(yaml.get("prior-procedures"))) {
      Map<String, Object> p = map(o);
      prior.add(
          new Prior(
              String.valueOf(p.get("code")),
              date(p.get("date")),
              Boolean.TRUE.equals(p.get("same-surgeon"))));
    }
    List<Problem> problems = new ArrayList<>();
    for (Object o : list(yaml.get("problem-list"))) {
      Map<String, Object> p = map(o);
      problems.add(
          new Problem(
              String.valueOf(p.get("code")),
              String.valueOf(p.get("status")),
              p.get("abated") == null ? null : date(p.get("abated"))));
    }
    return new Record(prior, Boolean.TRUE.equals(yaml.get("abn-on-file")), problems);
  }

  private static Map<String, Object> load(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return map(new Yaml(new SafeConstructor(new LoaderOptions())).load(reader));
    }
  }

  private static LocalDate date(Object value) {
    if (value instanceof java.util.Date d) {
      return d.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
    return LocalDate.parse(String.valueOf(value));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }

  private static List<String> strings(Object value) {
    return list(value).stream().map(String::valueOf).toList();
  }
}
