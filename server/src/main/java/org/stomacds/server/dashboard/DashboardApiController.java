package org.stomacds.server.dashboard;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dashboard's read-only JSON (ours, not part of any standard), beside its page at {@code
 * /dashboard/}:
 *
 * <ul>
 *   <li>{@code GET /dashboard/api/rule-activity?from=&to=&tz=&service=}: per rule, the cards
 *       issued, accepted and overridden (with reasons), in total and per day ({@link
 *       RuleActivity});
 *   <li>{@code GET /dashboard/api/rules}: the rules of the loaded pack with titles and severities.
 * </ul>
 *
 * Counts and rule ids only, never patient data. A bad parameter is a 400 {@code {"error":
 * "invalid-request", "message": ...}} naming it.
 */
@RestController
@RequestMapping("/dashboard/api")
class DashboardApiController {

  private final RuleActivityRepository activity;
  private final RuleCatalog catalog;

  /** Not a bean: another module's Clock bean must not change what "today" is here. */
  private final Clock clock = Clock.systemUTC();

  DashboardApiController(RuleActivityRepository activity, RuleCatalog catalog) {
    this.activity = activity;
    this.catalog = catalog;
  }

  @GetMapping("/rule-activity")
  RuleActivity ruleActivity(
      @RequestParam(name = "from", required = false) String from,
      @RequestParam(name = "to", required = false) String to,
      @RequestParam(name = "tz", required = false) String tz,
      @RequestParam(name = "service", required = false) String service) {
    ActivityRange range = ActivityRange.parse(from, to, tz, clock.instant());
    return activity.activity(range, service == null || service.isBlank() ? null : service);
  }

  @GetMapping("/rules")
  List<RuleCatalog.Entry> rules() {
    return catalog.all();
  }

  @ExceptionHandler(InvalidQueryException.class)
  ResponseEntity<Map<String, String>> invalid(InvalidQueryException e) {
    return ResponseEntity.status(HttpStatus.BAD_REQUEST)
        .body(Map.of("error", "invalid-request", "message", e.getMessage()));
  }
}
