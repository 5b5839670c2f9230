package org.stomacds.server.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockServletConfig;

/** The typed hand-off between two interceptors of one FHIR request, and when it ends. */
class PerRequestTest {

  private final PerRequest<String> handOff = new PerRequest<>();
  private final List<String> put = new CopyOnWriteArrayList<>();
  private final List<Optional<String>> readWhileAnswering = new CopyOnWriteArrayList<>();
  private RestfulServer server;

  @BeforeEach
  void startServer() throws Exception {
    server = new RestfulServer(FhirContext.forR4Cached());
    server.setResourceProviders(new Patients());
    server.registerInterceptor(handOff);
    server.registerInterceptor(new Writer());
    server.registerInterceptor(new Reader());
    server.init(new MockServletConfig());
  }

  @Test
  void whatOneInterceptorPutsTheOtherReadsWhileAnsweringAndItIsGoneAfterwards() throws Exception {
    MockHttpServletResponse response = get("/Patient/ok");

    assertThat(response.getStatus()).isEqualTo(200);
    assertThat(put).containsExactly("asked about ok");
    assertThat(readWhileAnswering).containsExactly(Optional.of("asked about ok"));
    assertThat(handOff.size()).isZero();
  }

  @Test
  void aRequestThatFailsAfterTheHandOffLeavesNothingBehind() throws Exception {
    MockHttpServletResponse response = get("/Patient/fails");

    assertThat(response.getStatus()).isEqualTo(500);
    assertThat(put).containsExactly("asked about fails");
    // The answering hook never ran: only the completion hook can have removed the value.
    assertThat(readWhileAnswering).isEmpty();
    assertThat(handOff.size()).isZero();
  }

  @Test
  void aValueBelongsToItsRequestInstanceAlone() {
    RequestDetails one = new SystemRequestDetails();
    RequestDetails other = new SystemRequestDetails();
    handOff.put(one, "one");

    assertThat(handOff.get(other)).isEmpty();
    assertThat(handOff.get(one)).contains("one");
    assertThat(handOff.take(one)).contains("one");
    assertThat(handOff.get(one)).isEmpty();
  }

  @Test
  void anUpdateSeesTheEarlierValueAndNullRemovesIt() {
    RequestDetails request = new SystemRequestDetails();
    handOff.update(request, old -> old == null ? "first" : old + "+again");
    handOff.update(request, old -> old == null ? "first" : old + "+again");
    assertThat(handOff.get(request)).contains("first+again");

    handOff.update(request, old -> null);
    assertThat(handOff.size()).isZero();
  }

  private MockHttpServletResponse get(String path) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir" + path);
    request.setServletPath("/fhir");
    MockHttpServletResponse response = new MockHttpServletResponse();
    server.service(request, response);
    return response;
  }

  /** Puts what the request asks about before the server handles it. */
  @Interceptor
  final class Writer {
    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void beforeHandling(RequestDetails request) {
      String value = "asked about " + request.getId().getIdPart();
      put.add(value);
      handOff.put(request, value);
    }
  }

  /** Reads it while the answer goes out. */
  @Interceptor
  final class Reader {
    @Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
    public void answering(RequestDetails request) {
      readWhileAnswering.add(handOff.get(request));
    }
  }

  /** A Patient "ok" is read; any other fails inside the server. */
  static final class Patients implements IResourceProvider {
    @Override
    public Class<? extends IBaseResource> getResourceType() {
      return Patient.class;
    }

    @Read
    public Patient read(@IdParam IdType id) {
      if (!"ok".equals(id.getIdPart())) {
        throw new InternalErrorException("failed on purpose");
      }
      Patient patient = new Patient();
      patient.setId("Patient/ok");
      return patient;
    }
  }
}
