package org.stomacds.server.rules;

import java.nio.charset.StandardCharsets;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.stomacds.cds.card.RuleReferences;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.engine.RuleEngine;
import org.stomacds.engine.reference.RulePages;

/**
 * The rule reference as pages of the application: {@code GET /rules} (every rule) and {@code GET
 * /rules/{ruleId}} (one rule and the public documents it rests on), generated from the loaded rule
 * pack, so they are always what the engine runs. Cards, DetectedIssues and {@code $check} link
 * here. Public in every profile ({@code ApiSecurityConfig}); an unknown id gets a fixed 404 page
 * that does not repeat it.
 */
@RestController
class RulePagesController {

  /** No script at all; the pages' one inline style sheet; nothing framed or submitted. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none';"
          + " frame-ancestors 'none'";

  private static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

  private final RulePages pages;

  RulePagesController(RuleEngine engine, PublicEndpoints endpoints) {
    this.pages = new RulePages(engine.packs(), new RuleReferences(endpoints)::rulePage);
  }

  @GetMapping({RuleReferences.RULES_PATH, RuleReferences.RULES_PATH + "/"})
  ResponseEntity<String> index() {
    return page(HttpStatus.OK, pages.index());
  }

  @GetMapping(RuleReferences.RULES_PATH + "/{ruleId}")
  ResponseEntity<String> rule(@PathVariable("ruleId") String ruleId) {
    return pages
        .page(ruleId)
        .map(html -> page(HttpStatus.OK, html))
        .orElseGet(
            () ->
                page(
                    HttpStatus.NOT_FOUND,
                    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                        + "<title>No such rule</title></head><body><h1>No such rule</h1>"
                        + "<p>No rule pack has a rule of that id."
                        + " <a href=\"./\">All rules</a></p></body></html>\n"));
  }

  private static ResponseEntity<String> page(HttpStatus status, String html) {
    return ResponseEntity.status(status)
        .contentType(HTML)
        .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .cacheControl(CacheControl.noCache())
        .body(html);
  }
}
