package org.stomacds.server.checks;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.DaoMethodOutcome;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.hl7.fhir.r4.model.Device;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.SearchParameter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.stomacds.engine.RuleEngine;

/**
 * At start-up, after the terminology: stores what the checks publish (the DetectedIssue {@code
 * status} SearchParameter, the {@code $check} OperationDefinition, the Device that authors our
 * DetectedIssues), then starts the write-check processor, which first takes up the evaluations a
 * previous run left pending.
 *
 * <p>Each resource is an update by id, so a restart with unchanged content writes nothing. When the
 * SearchParameter is new or changed, HAPI starts a reindex of DetectedIssues (the JPA setting "mark
 * resources for reindexing upon search parameter change", on by default), so issues stored before
 * it are found by {@code status} too; the registry is refreshed at once so writes from now on are
 * indexed.
 */
@Order(10)
final class ChecksStartup implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(ChecksStartup.class);
  static final String SEARCH_PARAMETER = "checks/SearchParameter-DetectedIssue-status.json";
  static final String OPERATION_DEFINITION = "checks/OperationDefinition-check.json";

  private final DaoRegistry daoRegistry;
  private final FhirContext fhirContext;
  private final ISearchParamRegistry searchParamRegistry;
  private final StatusIndex statusIndex;
  private final RuleEngine engine;
  private final WriteCheckProcessor processor;
  private final ChecksProperties properties;

  ChecksStartup(
      DaoRegistry daoRegistry,
      FhirContext fhirContext,
      ISearchParamRegistry searchParamRegistry,
      StatusIndex statusIndex,
      RuleEngine engine,
      WriteCheckProcessor processor,
      ChecksProperties properties) {
    this.daoRegistry = daoRegistry;
    this.fhirContext = fhirContext;
    this.searchParamRegistry = searchParamRegistry;
    this.statusIndex = statusIndex;
    this.engine = engine;
    this.processor = processor;
    this.properties = properties;
  }

  @Override
  public void run(ApplicationArguments args) {
    boolean changed = store(read(SEARCH_PARAMETER, SearchParameter.class));
    if (changed) {
      log.info("DetectedIssue status search parameter stored; DetectedIssues are reindexed");
    }
    searchParamRegistry.forceRefresh();
    int reindexed = statusIndex.repair();
    if (reindexed > 0) {
      log.info(
          "{} DetectedIssues stored before the status search parameter were reindexed", reindexed);
    }
    store(read(OPERATION_DEFINITION, OperationDefinition.class));
    store(device());
    if (properties.writeChecks()) {
      processor.start();
    }
  }

  private Device device() {
    Device device = new Device();
    device.setId("stomacds");
    device.setStatus(Device.FHIRDeviceStatus.ACTIVE);
    device.setManufacturer("stomacds");
    device.addDeviceName().setName("stomacds").setType(Device.DeviceNameType.MANUFACTURERNAME);
    device
        .getType()
        .setText(
            "Clinical decision support for CPT "
                + String.join(", ", engine.packs().stream().map(p -> p.subjectCode()).toList())
                + " claims");
    device.addVersion().setValue(engine.packVersion()).getType().setText("rule pack");
    return device;
  }

  private <T extends Resource> T read(String path, Class<T> type) {
    try (InputStream in = ChecksStartup.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + path);
      }
      return fhirContext.newJsonParser().parseResource(type, in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Stores by id; true when something was written (new or changed). */
  @SuppressWarnings("unchecked")
  private boolean store(Resource resource) {
    IFhirResourceDao<Resource> dao =
        (IFhirResourceDao<Resource>) daoRegistry.getResourceDao(resource.fhirType());
    resource.setId(resource.fhirType() + "/" + resource.getIdElement().getIdPart());
    DaoMethodOutcome outcome = dao.update(resource, new SystemRequestDetails());
    return !outcome.isNop();
  }
}
