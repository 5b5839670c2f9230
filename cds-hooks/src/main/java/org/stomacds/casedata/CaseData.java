package org.stomacds.casedata;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Resource;

/**
 * The resources of a case, gathered by the {@link CaseAssembler}.
 *
 * @param resources every resource of the case, each once, focus first
 * @param lookups the answer to each read and search made, by its canonical form ({@link
 *     CaseQueries#normalize})
 * @param missing what was needed and could not be obtained; empty when the case is complete
 */
public record CaseData(
    List<Resource> resources, Map<String, List<Resource>> lookups, List<MissingData> missing) {

  public CaseData {
    resources = List.copyOf(resources);
    lookups = Map.copyOf(lookups);
    missing = List.copyOf(missing);
  }

  public boolean complete() {
    return missing.isEmpty();
  }

  /** The resource of the case with this relative reference. */
  public Optional<Resource> resolve(String reference) {
    return References.relative(reference)
        .flatMap(
            ref ->
                resources.stream()
                    .filter(r -> References.of(r).orElse("").equals(ref))
                    .findFirst());
  }

  /** What a read or search returned; empty when it was not made or found nothing. */
  public List<Resource> found(String lookup) {
    return lookups.getOrDefault(CaseQueries.normalize(lookup), List.of());
  }
}
