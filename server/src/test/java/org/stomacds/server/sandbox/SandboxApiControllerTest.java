package org.stomacds.server.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.engine.DefaultRuleEngine;
import org.stomacds.engine.payer.PayerMapping;
import org.stomacds.engine.rules.RulePack;

/** The sandbox page's lists of payers and packs come from the loaded engine. */
class SandboxApiControllerTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static DefaultRuleEngine engine;
  private static MockMvc mvc;

  @BeforeAll
  static void setUp() {
    engine = DefaultRuleEngine.loadDefault();
    SandboxApiController controller =
        new SandboxApiController(
            null,
            new SandboxPayers(PayerMapping.loadDefault()),
            engine,
            new PublicEndpoints("http://127.0.0.1:8080"),
            null);
    mvc = MockMvcBuilders.standaloneSetup(controller).build();
  }

  @Test
  void thePayersAreThoseOfThePayerMappingEachWithWhatItWritesAndHowTheEngineReadsIt()
      throws Exception {
    JsonNode payers = getJson("/sandbox/api/payers").path("payers");

    List<SandboxPayers.Option> expected = new SandboxPayers(PayerMapping.loadDefault()).options();
    assertThat(payers.size()).isEqualTo(expected.size()).isGreaterThanOrEqualTo(10);
    List<String> ids = new ArrayList<>();
    payers.forEach(p -> ids.add(p.path("id").asText()));
    assertThat(ids).containsExactlyElementsOf(expected.stream().map(o -> o.id()).toList());
    JsonNode cigna = payers.get(ids.indexOf("cigna-commercial"));
    assertThat(cigna.path("label").asText()).isEqualTo("Cigna (commercial)");
    assertThat(cigna.path("name").asText()).isEqualTo("Cigna");
    assertThat(cigna.path("identifier").get(0).path("value").asText()).isEqualTo("62308");
    assertThat(cigna.path("type").path("coding").get(0).path("code").asText()).isEqualTo("5");
    assertThat(cigna.path("key").asText()).isEqualTo("CIGNA");
    assertThat(cigna.path("lineOfBusiness").asText()).isEqualTo("COMMERCIAL");
  }

  @Test
  void thePacksAreThoseTheEngineLoaded() throws Exception {
    JsonNode packs = getJson("/sandbox/api/packs").path("packs");

    List<RulePack> loaded = engine.packs();
    assertThat(packs.size()).isEqualTo(loaded.size()).isEqualTo(3);
    for (int i = 0; i < loaded.size(); i++) {
      RulePack pack = loaded.get(i);
      assertThat(packs.get(i).path("id").asText()).isEqualTo(pack.id());
      assertThat(packs.get(i).path("code").asText()).isEqualTo(pack.subjectCode());
      assertThat(packs.get(i).path("title").asText()).isEqualTo(pack.title()).isNotBlank();
      assertThat(packs.get(i).path("version").asText()).isEqualTo(pack.version()).isNotBlank();
    }
    assertThat(packs.findValuesAsText("code")).containsExactly("44405", "44381", "45386");
  }

  private static JsonNode getJson(String path) throws Exception {
    String body =
        mvc.perform(get(path))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JSON.readTree(body);
  }
}
