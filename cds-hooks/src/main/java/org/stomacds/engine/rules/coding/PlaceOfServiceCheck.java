package org.stomacds.engine.rules.coding;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.facts.ClaimType;
import org.stomacds.engine.facts.Setting;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.findings.Severity;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.cms.FeeScheduleRow;
import org.stomacds.engine.rules.cms.PfsData;
import org.stomacds.engine.rules.cms.Selection;

/**
 * {@code place-of-service}: on a professional claim, the place of service of each line must match
 * the encounter's setting. An office POS on a facility case is paid at the non-facility rate (an
 * overpayment the payer will take back): the rule's severity. Any other mismatch: {@code
 * other-mismatch-severity}.
 */
final class PlaceOfServiceCheck implements Check {

  static final String GROUP = "place-of-service";

  private final CodeSet office;
  private final CodeSet facility;
  private final Severity otherMismatch;
  private final MessageTemplate mismatch;
  private final MessageTemplate payments;

  PlaceOfServiceCheck(Parameters p, RuleDefinition rule) {
    this.mismatch = p.message("mismatch", "place-of-service", "lines", "setting", "expected");
    this.payments =
        p.message("fee-schedule-payments", "release", "line-code", "office-rvu", "facility-rvu");
    this.office = p.valueSet("office-places");
    this.facility = p.valueSet("facility-places");
    String severity =
        p.choice("other-mismatch-severity", List.of("error", "warning", "info"), "warning");
    this.otherMismatch = Severity.valueOf(severity.toUpperCase(java.util.Locale.ROOT));
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    Setting setting = claim.setting().setting();
    if (claim.type() != ClaimType.PROFESSIONAL || setting == Setting.UNKNOWN) {
      return;
    }
    // One finding per wrong place of service, naming every line that carries it.
    Map<String, List<ClaimLine>> wrong = new LinkedHashMap<>();
    for (ClaimLine line : claim.lines()) {
      String pos = line.placeOfService();
      if (pos != null && !setting.placesOfService().contains(pos)) {
        wrong.computeIfAbsent(pos, p -> new ArrayList<>(2)).add(line);
      }
    }
    List<String> places = ordered(setting);
    for (Map.Entry<String, List<ClaimLine>> entry : wrong.entrySet()) {
      String pos = entry.getKey();
      List<ClaimLine> lines = entry.getValue();
      boolean officeOnFacility = office.containsCode(pos) && setting.facility();
      boolean facilityOnOffice = facility.containsCode(pos) && setting == Setting.OFFICE;
      ClaimLine first = lines.get(0);
      RuleContext.FindingBuilder finding =
          context
              .finding(claim.ref(), first.expression() + ".locationCodeableConcept")
              .evidence(claim.setting().evidence());
      if (!officeOnFacility) {
        finding.severity(otherMismatch);
      }
      List<String> described = new ArrayList<>(lines.size());
      for (ClaimLine line : lines) {
        described.add(Claims.describe(line));
        finding.evidence(
            new Evidence(
                claim.ref(), line.expression() + ".locationCodeableConcept", "POS " + pos));
      }
      String message =
          context.message(
              mismatch,
              "place-of-service",
              pos,
              "lines",
              String.join(", ", described),
              "setting",
              setting.words(),
              "expected",
              String.join(" or ", places));
      if (officeOnFacility || facilityOnOffice) {
        String rates = rates(context, lines, payments);
        if (rates != null) {
          message += " " + rates;
        }
      }
      finding.message(message);
      for (ClaimLine line : lines) {
        for (int i = 0; i < places.size(); i++) {
          String place = places.get(i);
          finding.fix(
              Fixes.setPlaceOfService(
                  claim.ref(),
                  line,
                  place,
                  "Set the place of service of line "
                      + line.sequence()
                      + " to "
                      + place
                      + label(place),
                  i == 0,
                  places.size() > 1 ? GROUP + "-line-" + line.sequence() : null));
        }
      }
      finding.emit();
    }
  }

  /** On-campus hospital outpatient (22) before off-campus (19); otherwise the setting's one. */
  private static List<String> ordered(Setting setting) {
    List<String> places = new ArrayList<>(setting.placesOfService());
    places.sort((a, b) -> a.equals("22") ? -1 : b.equals("22") ? 1 : a.compareTo(b));
    return places;
  }

  private static String label(String place) {
    return switch (place) {
      case "22" -> " (on-campus hospital outpatient)";
      case "19" -> " (off-campus hospital outpatient)";
      case "24" -> " (ambulatory surgical center)";
      case "21" -> " (inpatient)";
      case "23" -> " (emergency department)";
      case "11" -> " (office)";
      default -> "";
    };
  }

  /** The office and facility RVUs of the first line the fee schedule prices differently. */
  private static String rates(
      RuleContext context, List<ClaimLine> lines, MessageTemplate payments) {
    for (ClaimLine line : lines) {
      Selection<PfsData> selection = context.data().pfs(line.date());
      if (selection == null) {
        return null;
      }
      FeeScheduleRow row = null;
      for (String modifier : line.modifiers()) {
        row = row == null ? selection.data().row(line.code(), modifier) : row;
      }
      if (row == null) {
        row = selection.data().row(line.code(), "");
      }
      if (row == null
          || row.nonFacilityTotal() == null
          || row.facilityTotal() == null
          || row.nonFacilityTotal().compareTo(row.facilityTotal()) == 0) {
        continue;
      }
      BigDecimal office = row.nonFacilityTotal();
      BigDecimal facility = row.facilityTotal();
      return context.message(
          payments,
          "release",
          selection.file().release(),
          "line-code",
          line.code(),
          "office-rvu",
          office.toPlainString(),
          "facility-rvu",
          facility.toPlainString());
    }
    return null;
  }
}
