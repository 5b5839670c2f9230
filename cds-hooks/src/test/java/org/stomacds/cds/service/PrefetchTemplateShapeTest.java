package org.stomacds.cds.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every prefetch template we publish, read straight from {@code cds/services.json} (not through the
 * catalog's own checks), held to what every common client can fill: the public CDS Hooks sandbox
 * fills only {@code context.patientId} and the user, and joins a repeated query parameter into one
 * comma-separated value, which HAPI refuses for {@code _include} (HAPI-0441).
 */
class PrefetchTemplateShapeTest {

  /** The context fields CDS Hooks 2.0 marks REQUIRED for each hook (hooks' own pages). */
  private static final Map<String, Set<String>> ALWAYS_IN_CONTEXT =
      Map.of(
          "order-select", Set.of("userId", "patientId", "selections", "draftOrders"),
          "order-sign", Set.of("userId", "patientId", "draftOrders"),
          "encounter-discharge", Set.of("userId", "patientId", "encounterId"));

  private static final Pattern TOKEN = Pattern.compile("\\{\\{\\s*([^}\\s]+)\\s*}}");

  static Stream<Arguments> templates() throws IOException {
    JsonNode catalog;
    try (InputStream in =
        PrefetchTemplateShapeTest.class.getClassLoader().getResourceAsStream("cds/services.json")) {
      catalog = new ObjectMapper().readTree(in);
    }
    List<Arguments> all = new ArrayList<>();
    for (JsonNode service : catalog.get("services")) {
      service
          .get("prefetch")
          .fields()
          .forEachRemaining(
              e ->
                  all.add(
                      Arguments.of(
                          service.get("id").asText(),
                          service.get("hook").asText(),
                          e.getKey(),
                          e.getValue().asText())));
    }
    assertThat(all).hasSizeGreaterThanOrEqualTo(3 * 5);
    return all.stream();
  }

  @ParameterizedTest(name = "{0} prefetch ''{2}'': at most one _include, no repeated parameter")
  @MethodSource("templates")
  void asksForAtMostOneIncludeAndNoParameterTwice(
      String service, String hook, String key, String template) {
    List<String> names = new ArrayList<>();
    int query = template.indexOf('?');
    if (query >= 0) {
      for (String param : template.substring(query + 1).split("&")) {
        String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
        String value = param.contains("=") ? param.substring(param.indexOf('=') + 1) : "";
        names.add(name);
        if (name.startsWith("_include") || name.startsWith("_revinclude")) {
          assertThat(value).as("one value per _include").doesNotContain(",");
        }
      }
    }
    assertThat(names.stream().filter(n -> n.startsWith("_include")).count())
        .as("_include parameters")
        .isLessThanOrEqualTo(1);
    assertThat(names).as("parameter names").doesNotHaveDuplicates();
  }

  @ParameterizedTest(name = "{0} prefetch ''{2}'': tokens only for context the hook always carries")
  @MethodSource("templates")
  void usesTokensOnlyForContextTheHookAlwaysCarries(
      String service, String hook, String key, String template) {
    Matcher token = TOKEN.matcher(template);
    while (token.find()) {
      String name = token.group(1);
      assertThat(name).as("token in " + template).startsWith("context.");
      assertThat(ALWAYS_IN_CONTEXT.get(hook))
          .as("context fields every " + hook + " call carries")
          .contains(name.substring("context.".length()));
    }
  }
}
