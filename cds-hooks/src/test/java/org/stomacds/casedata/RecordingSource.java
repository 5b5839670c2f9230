package org.stomacds.casedata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/** A FHIR data source over a map, recording every call it gets. */
public final class RecordingSource implements FhirDataSource {

  private final Map<String, Resource> byReference = new HashMap<>();
  private final Map<String, List<Resource>> searches = new HashMap<>();
  public final List<String> calls = Collections.synchronizedList(new ArrayList<>());

  public RecordingSource add(Resource... resources) {
    for (Resource r : resources) {
      byReference.put(r.fhirType() + "/" + r.getIdElement().getIdPart(), r);
    }
    return this;
  }

  public RecordingSource search(String query, Resource... results) {
    searches.put(query, List.of(results));
    return this;
  }

  @Override
  public Optional<Resource> read(String reference) {
    calls.add(reference);
    return Optional.ofNullable(byReference.get(reference));
  }

  @Override
  public List<Resource> search(String relativeQuery) {
    calls.add(relativeQuery);
    return searches.getOrDefault(relativeQuery, List.of());
  }
}
