package org.stomacds.cds;

import java.io.InputStream;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.stomacds.cds.security.CdsCaller;
import org.stomacds.cds.service.CdsHookService;
import org.stomacds.cds.service.FeedbackService;
import org.stomacds.cds.wire.CdsJson;

/**
 * The CDS Hooks 2.0 endpoints. Only delegates: one generic endpoint serves every service of the
 * catalog.
 *
 * <ul>
 *   <li>{@code GET /cds-services}: discovery
 *   <li>{@code POST /cds-services/{id}}: call a service
 *   <li>{@code POST /cds-services/{id}/feedback}: feedback on its cards
 *   <li>{@code GET /cds-services/{id}/feedback}: per-rule feedback counts (ours, not in the spec)
 * </ul>
 */
@RestController
@RequestMapping("/cds-services")
class CdsServicesController {

  private final CdsHookService hooks;
  private final FeedbackService feedback;
  private final CdsJson json;

  CdsServicesController(CdsHookService hooks, FeedbackService feedback, CdsJson json) {
    this.hooks = hooks;
    this.feedback = feedback;
    this.json = json;
  }

  @GetMapping({"", "/"})
  ResponseEntity<byte[]> discovery() {
    return ok(hooks.catalog().discovery());
  }

  @PostMapping("/{id}")
  ResponseEntity<byte[]> invoke(
      @PathVariable("id") String id,
      InputStream body,
      @RequestAttribute(name = CdsCaller.ATTRIBUTE, required = false) CdsCaller caller) {
    if (caller == null) {
      return ok(hooks.invoke(id, body, null, null));
    }
    // The service records the token's first use with the call's rows (one commit per call).
    return ok(hooks.invoke(id, body, caller.audited(), caller.takeFirstUse()));
  }

  @PostMapping("/{id}/feedback")
  ResponseEntity<byte[]> feedback(@PathVariable("id") String id, InputStream body) {
    return ok(feedback.record(id, body));
  }

  @GetMapping("/{id}/feedback")
  ResponseEntity<byte[]> feedbackSummary(@PathVariable("id") String id) {
    return ok(feedback.summary(id));
  }

  private ResponseEntity<byte[]> ok(Object body) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(json.write(body));
  }
}
