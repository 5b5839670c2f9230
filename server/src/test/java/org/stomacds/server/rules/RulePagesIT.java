package org.stomacds.server.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.stomacds.engine.DefaultRuleEngine;
import org.stomacds.engine.findings.Citation;
import org.stomacds.engine.rules.RuleDefinition;
import org.stomacds.server.support.SecuredApplication;

/**
 * The rule pages answer at the configured public base URL without any token, although the
 * application runs secured; an unknown id is a 404 that does not repeat it.
 */
class RulePagesIT extends SecuredApplication {

  private static HttpResponse<String> get(String path) {
    return exchange(request(path).GET().build());
  }

  @Test
  void theIndexIsPublicAndLinksEveryRulePageAtThePublicBaseUrl() {
    HttpResponse<String> index = get("/rules");

    assertThat(index.statusCode()).isEqualTo(200);
    assertThat(index.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
    assertThat(index.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
    for (RuleDefinition rule :
        DefaultRuleEngine.loadDefault().packFor("44405").orElseThrow().rules()) {
      assertThat(index.body()).contains("href=\"" + url("/rules/" + rule.id()) + "\"");
    }
  }

  @Test
  void aRulePageIsPublicAndNamesItsPublicDocuments() {
    RuleDefinition rule =
        DefaultRuleEngine.loadDefault().packFor("44405").orElseThrow().rules().stream()
            .filter(r -> r.id().equals("mod-global-period"))
            .findFirst()
            .orElseThrow();

    HttpResponse<String> page = get("/rules/mod-global-period");

    assertThat(page.statusCode()).isEqualTo(200);
    for (Citation document : rule.source().documents()) {
      assertThat(page.body()).contains("<a href=\"" + document.url() + "\">");
    }
  }

  @Test
  void anUnknownRuleIsA404ThatDoesNotRepeatTheRequest() {
    HttpResponse<String> missing = get("/rules/no-such-rule-x7q");

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body()).contains("No such rule").doesNotContain("x7q");
  }
}
