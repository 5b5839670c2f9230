package org.stomacds.server.sandbox;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stomacds.cds.CdsProperties;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.engine.RuleEngine;
import org.stomacds.engine.rules.RulePack;
import org.stomacds.fixtures.cases.CaseFormatException;

/**
 * The sandbox page's read-only JSON: the fixture cases it offers, and what the loaded engine knows.
 *
 * <ul>
 *   <li>{@code GET /sandbox/api/cases}: the list, with the FHIR base a request should name;
 *   <li>{@code GET /sandbox/api/cases/{name}}: one case whole (bundle, request templates, what it
 *       expects);
 *   <li>{@code GET /sandbox/api/payers}: the payers that can replace a case's own, from the
 *       engine's payer mapping ({@link SandboxPayers});
 *   <li>{@code GET /sandbox/api/packs}: the rule packs the engine has loaded (id, code, title,
 *       version).
 * </ul>
 *
 * The cases are synthetic test data shipped with the application, never patient data.
 */
@RestController
@RequestMapping("/sandbox/api")
class SandboxApiController {

  private final SandboxCases cases;
  private final SandboxPayers payers;
  private final RuleEngine engine;
  private final PublicEndpoints endpoints;
  private final CdsProperties cds;

  SandboxApiController(
      SandboxCases cases,
      SandboxPayers payers,
      RuleEngine engine,
      PublicEndpoints endpoints,
      CdsProperties cds) {
    this.cases = cases;
    this.payers = payers;
    this.engine = engine;
    this.endpoints = endpoints;
    this.cds = cds;
  }

  /** One loaded rule pack: its id, the procedure code it checks, its title and version. */
  record Pack(String id, String code, String title, String version) {}

  record Packs(List<Pack> packs) {}

  @GetMapping("/payers")
  SandboxPayers.Listing payers() {
    return payers.listing();
  }

  @GetMapping("/packs")
  Packs packs() {
    return new Packs(
        loadedPacks().stream()
            .map(p -> new Pack(p.id(), p.subjectCode(), p.title(), p.version()))
            .toList());
  }

  /** The engine's packs, in the order they run. */
  private List<RulePack> loadedPacks() {
    return engine.packs();
  }

  @GetMapping("/cases")
  SandboxCase.Listing cases() {
    return new SandboxCase.Listing(endpoints.fhirBase(), cds.sharedStore(), cases.summaries());
  }

  @GetMapping("/cases/{name}")
  ResponseEntity<?> fixtureCase(@PathVariable("name") String name) {
    return cases
        .detail(name)
        .<ResponseEntity<?>>map(ResponseEntity::ok)
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.NOT_FOUND)
                    .body(
                        Map.of(
                            "error",
                            "unknown-case",
                            "message",
                            "no fixture case is called '" + clip(name) + "'")));
  }

  /** The packaged cases could not be read: a broken build, said plainly. */
  @ExceptionHandler(CaseFormatException.class)
  ResponseEntity<Map<String, String>> unreadable(CaseFormatException e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .body(
            Map.of(
                "error",
                "cases-unavailable",
                "message",
                "the fixture cases could not be read: " + e.getMessage()));
  }

  private static String clip(String value) {
    String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 80 ? printable : printable.substring(0, 80) + "...";
  }
}
