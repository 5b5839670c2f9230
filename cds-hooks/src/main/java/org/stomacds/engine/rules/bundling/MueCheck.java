package org.stomacds.engine.rules.bundling;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.ClaimLine;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Claims;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.engine.rules.cms.MueData;
import org.stomacds.engine.rules.cms.MueLimit;
import org.stomacds.engine.rules.cms.Selection;

/**
 * {@code mue-units}: the units of the subject code on all lines of one date of service may not
 * exceed the MUE (a date-of-service edit when the MAI is 2 or 3). Another stricture in the same
 * session is still one unit; a separate session gets no second unit paid without an appeal with
 * records (MAI 3), whatever modifier the second line carries.
 */
final class MueCheck implements Check {

  static final String GROUP = "mue";

  private static final String[] COUNT = {"units", "date", "limit"};

  private final MessageTemplate overPerDate;
  private final MessageTemplate overPerLine;
  private final MessageTemplate oneSession;
  private final MessageTemplate separateSessionsClinical;
  private final MessageTemplate separateSessionsPolicy;
  private final MessageTemplate keepAndAppeal;

  MueCheck(Parameters p, RuleDefinition rule) {
    overPerDate = p.message("over-per-date", COUNT);
    overPerLine = p.message("over-per-line", COUNT);
    oneSession = p.message("one-session");
    separateSessionsClinical = p.message("separate-sessions-clinical-edit");
    separateSessionsPolicy = p.message("separate-sessions-policy-edit");
    keepAndAppeal = p.message("keep-and-appeal");
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    List<ClaimLine> lines = claim.linesWithCode(context.subjectCode());
    if (lines.isEmpty()) {
      return;
    }
    Selection<MueData> selection = context.data().mue(claim.dateOfService());
    if (selection == null) {
      return;
    }
    MueLimit limit = selection.data().limit(PtpCheck.table(claim), context.subjectCode());
    if (limit == null) {
      return;
    }
    Map<LocalDate, List<ClaimLine>> byDate = new LinkedHashMap<>();
    for (ClaimLine line : lines) {
      byDate.computeIfAbsent(line.date(), d -> new ArrayList<>(2)).add(line);
    }
    for (List<ClaimLine> sameDay : byDate.values()) {
      if (limit.perDateOfService()) {
        check(claim, sameDay, limit, selection, context);
      } else {
        for (ClaimLine line : sameDay) {
          check(claim, List.of(line), limit, selection, context);
        }
      }
    }
  }

  private void check(
      ClaimFacts claim,
      List<ClaimLine> lines,
      MueLimit limit,
      Selection<MueData> selection,
      RuleContext context) {
    int units = 0;
    for (ClaimLine line : lines) {
      units += line.quantity();
    }
    if (units <= limit.units()) {
      return;
    }
    boolean separate = Claims.sessions(claim, context.subjectCode()).separate();
    ClaimLine first = lines.get(0);
    RuleContext.FindingBuilder finding =
        context
            .finding(claim.ref(), first.expression() + ".quantity")
            .evidence(
                new Evidence(
                    null,
                    null,
                    selection.file().release()
                        + ", "
                        + limit.table()
                        + ": "
                        + limit.code()
                        + " MUE "
                        + limit.units()
                        + ", MAI "
                        + limit.adjudicationIndicator()
                        + " ("
                        + limit.meaning()
                        + ")"))
            .note(selection.note());
    for (ClaimLine line : lines) {
      finding.evidence(Claims.line(claim, line));
    }
    String date = Objects.toString(first.date(), "the date of service");
    StringBuilder message =
        new StringBuilder(
            context.message(
                limit.perDateOfService() ? overPerDate : overPerLine,
                "units",
                units,
                "date",
                date,
                "limit",
                limit.units()));
    if (!separate) {
      message.append(' ').append(context.message(oneSession));
    } else if (limit.adjudicationIndicator() == 3) {
      message.append(' ').append(context.message(separateSessionsClinical));
    } else if (limit.adjudicationIndicator() == 2) {
      message.append(' ').append(context.message(separateSessionsPolicy));
    }
    finding.message(message.toString());
    // Keep the first units on the first lines; the rest go.
    int changes = 0;
    int counted = 0;
    for (ClaimLine line : lines) {
      if (counted + line.quantity() > limit.units()) {
        changes++;
      }
      counted = Math.min(limit.units(), counted + line.quantity());
    }
    boolean appeal = separate && limit.adjudicationIndicator() == 3;
    // Mutually exclusive only when one change competes with the appeal.
    String group = appeal && changes == 1 ? GROUP : null;
    int before = 0;
    for (ClaimLine line : lines) {
      if (before + line.quantity() <= limit.units()) {
        before += line.quantity();
        continue;
      }
      int room = Math.max(0, limit.units() - before);
      if (room > 0) {
        finding.fix(
            Fixes.setQuantity(
                claim.ref(),
                line,
                room,
                "Set the units of line " + line.sequence() + " to " + room,
                true,
                group));
        before += room;
      } else {
        finding.fix(
            Fixes.removeLine(
                claim.ref(),
                line,
                "Remove line " + line.sequence() + " (" + line.code() + ")",
                !appeal,
                group));
      }
    }
    if (appeal) {
      // A documented second session is a real service: keep it (with 76 or 77, which the
      // repeat-session rule asks for) and appeal; dropping the line is the alternative.
      finding.fix(Fixes.manual(claim.ref(), context.message(keepAndAppeal), true, group));
    }
    finding.emit();
  }
}
