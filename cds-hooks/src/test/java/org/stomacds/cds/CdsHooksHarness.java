package org.stomacds.cds;

import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.test.web.servlet.setup.StandaloneMockMvcBuilder;
import org.stomacds.casedata.CaseAssembler;
import org.stomacds.casedata.LocalFhirStore;
import org.stomacds.casedata.RecordingSource;
import org.stomacds.cds.card.CardRenderer;
import org.stomacds.cds.prefetch.DataSourceResolver;
import org.stomacds.cds.prefetch.FhirServerPolicy;
import org.stomacds.cds.prefetch.OwnFhirServer;
import org.stomacds.cds.prefetch.RemoteFhirDataSourceFactory;
import org.stomacds.cds.security.TestJwtFilter;
import org.stomacds.cds.service.CdsHookService;
import org.stomacds.cds.service.CdsServiceCatalog;
import org.stomacds.cds.service.FeedbackService;
import org.stomacds.cds.store.AuditRepository;
import org.stomacds.cds.store.CallRecords;
import org.stomacds.cds.store.CardIssuanceRepository;
import org.stomacds.cds.store.FeedbackRepository;
import org.stomacds.cds.store.StomacdsSchema;
import org.stomacds.cds.url.PublicEndpoints;
import org.stomacds.cds.wire.CdsJson;
import org.stomacds.cds.wire.CdsRequestReader;
import org.stomacds.cds.wire.FeedbackReader;

/**
 * The CDS Hooks endpoints put together without a Spring context: the real controller, services,
 * renderer and repositories on an in-memory H2, with a fake rule engine, a recording "remote" FHIR
 * server and an optional local store.
 */
final class CdsHooksHarness implements AutoCloseable {

  static final String PUBLIC_BASE = "https://cds.example.org";

  /** The port our own /fhir "listens" on: calls to it are recorded as remote calls. */
  static final int OWN_PORT = 18080;

  static final long MAX_BODY = 64 * 1024;

  /** One call to the fake remote factory. */
  record RemoteCall(URI fhirServer, String token) {}

  final FakeRuleEngine engine = new FakeRuleEngine();
  final RecordingSource remote = new RecordingSource();
  final List<RemoteCall> remoteCalls = new CopyOnWriteArrayList<>();
  final RecordingSource localData = new RecordingSource();
  final JdbcTemplate jdbc;

  /** What the calls write, counted at the JDBC boundary. */
  final CountingDataSource counting;

  final MockMvc mvc;
  private final ExecutorService pool = Executors.newFixedThreadPool(4);

  CdsHooksHarness(boolean withLocalStore, boolean sharedStore) {
    this(withLocalStore, sharedStore, false);
  }

  /**
   * @param withJwtFilter put the real JWT filter in front ({@link TestJwtFilter}: calls need a
   *     token from {@link #bearer}), its replay memory on the same counted database
   */
  CdsHooksHarness(boolean withLocalStore, boolean sharedStore, boolean withJwtFilter) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:cds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    StomacdsSchema.flyway(h2).migrate();
    counting = new CountingDataSource(h2);
    DataSource dataSource = counting.dataSource();
    jdbc = new JdbcTemplate(dataSource);

    CdsJson json = new CdsJson(FhirContext.forR4Cached());
    CdsServiceCatalog catalog = CdsServiceCatalog.load(json);
    PublicEndpoints endpoints = new PublicEndpoints(PUBLIC_BASE);
    RemoteFhirDataSourceFactory factory =
        (server, token) -> {
          remoteCalls.add(new RemoteCall(server, token));
          return remote;
        };
    LocalFhirStore local =
        new LocalFhirStore() {
          @Override
          public Optional<Resource> read(String reference) {
            return localData.read(reference);
          }

          @Override
          public List<Resource> search(String relativeQuery) {
            return localData.search(relativeQuery);
          }
        };
    OwnFhirServer own = new OwnFhirServer(factory, endpoints);
    own.listening(null, OWN_PORT, "", false);
    DataSourceResolver resolver =
        new DataSourceResolver(
            withLocalStore ? Optional.of(local) : Optional.empty(),
            own,
            factory,
            FhirServerPolicy.allowing(
                List.of("https://ehr.example.org/fhir", "https://ehr.example.org/api/FHIR/R4"),
                "test"),
            endpoints,
            sharedStore);
    CardIssuanceRepository issuance = new CardIssuanceRepository(jdbc);
    Clock clock = Clock.systemUTC();
    CdsHookService hooks =
        new CdsHookService(
            catalog,
            new CdsRequestReader(json),
            resolver,
            new CaseAssembler(pool, Duration.ofSeconds(2)),
            engine,
            new CardRenderer(endpoints, clock),
            new CallRecords(dataSource, new AuditRepository(jdbc), issuance),
            clock,
            MAX_BODY);
    FeedbackService feedback =
        new FeedbackService(
            catalog,
            new FeedbackReader(json),
            issuance,
            new FeedbackRepository(jdbc),
            clock,
            MAX_BODY);
    StandaloneMockMvcBuilder builder =
        MockMvcBuilders.standaloneSetup(new CdsServicesController(hooks, feedback, json))
            .setControllerAdvice(new CdsErrorHandler(json))
            .addFilters(CdsCors.filter(List.of("https://sandbox.cds-hooks.org")));
    if (withJwtFilter) {
      builder.addFilters(TestJwtFilter.of(dataSource, endpoints));
    }
    mvc = builder.addFilters(new JsonBodiesOnly(json)).build();
  }

  /** {@code Authorization} header value for a call of this path, with a fresh token. */
  static String bearer(String path) {
    return "Bearer " + TestJwtFilter.token(PUBLIC_BASE + path);
  }

  /** POSTs a hook call's JSON body to a service path. */
  ResultActions post(String path, ObjectNode body) throws Exception {
    return mvc.perform(
        MockMvcRequestBuilders.post(path)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body.toString()));
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
