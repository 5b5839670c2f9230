package org.stomacds.engine.rules.documentation;

import org.stomacds.engine.facts.ClaimFacts;
import org.stomacds.engine.facts.Documentation;
import org.stomacds.engine.facts.ProcedureFacts;
import org.stomacds.engine.facts.UnreadableNote;
import org.stomacds.engine.findings.Evidence;
import org.stomacds.engine.rules.Check;
import org.stomacds.engine.rules.Fixes;
import org.stomacds.engine.rules.MessageTemplate;
import org.stomacds.engine.rules.Parameters;
import org.stomacds.engine.rules.RuleContext;
import org.stomacds.engine.rules.RuleDefinition;

/**
 * {@code readable-note}: every note of the procedure must be machine-readable (text/plain or
 * text/html, in the request); a PDF or image note with no readable alternative is a finding,
 * because nothing in it can be checked.
 */
final class ReadableNoteCheck implements Check {

  private final String fixLabel;
  private final MessageTemplate unreadable;

  ReadableNoteCheck(Parameters p, RuleDefinition rule) {
    this.fixLabel = rule.fix();
    this.unreadable = p.message("unreadable", "note", "content-type");
  }

  @Override
  public void onProcedure(ProcedureFacts procedure, RuleContext context) {
    report(procedure.documentation(), context);
  }

  @Override
  public void onClaim(ClaimFacts claim, RuleContext context) {
    report(claim.documentation(), context);
  }

  private void report(Documentation docs, RuleContext context) {
    for (UnreadableNote note : docs.unreadableNotes()) {
      String type = note.contentType() == null ? "no content type" : note.contentType();
      context
          .finding(note.resource(), note.expression())
          .message(context.message(unreadable, "note", note.resource(), "content-type", type))
          .evidence(new Evidence(note.resource(), note.expression(), type))
          .fix(Fixes.manual(note.resource(), context.fill(fixLabel), true, null))
          .emit();
    }
  }
}
