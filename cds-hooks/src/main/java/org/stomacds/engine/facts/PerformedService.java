package org.stomacds.engine.facts;

import java.util.Optional;
import org.stomacds.engine.findings.Evidence;

/**
 * What the documentation says was done, as far as it decides the code: the route (through which
 * stoma, or per anus), whether colon is left, whether the stoma was closed, how the stricture was
 * dilated, a stent or an ablation, and a short exam. Each known value keeps the words that say it.
 * An unknown value is null: the rules stay quiet about what the documentation does not say.
 *
 * @param route how the scope went in; null when not said
 * @param stomaKind the patient's stoma when only one kind is named; null otherwise
 * @param colonAbsent the colon was removed (total colectomy or proctocolectomy)
 * @param stomaClosed the stoma was closed or reversed before this procedure
 * @param dilation how the stricture was dilated; null when not said
 * @param stentPlaced a stent was placed in this procedure
 * @param ablationDone a lesion was ablated in this procedure
 * @param shortExamPlanned the exam was meant to stop short of the cecum
 * @param splenicFlexureNotReached the scope did not pass the splenic flexure
 */
public record PerformedService(
    Said<Route> route,
    Said<Route> stomaKind,
    Evidence colonAbsent,
    Evidence stomaClosed,
    Said<Dilation> dilation,
    Evidence stentPlaced,
    Evidence ablationDone,
    Evidence shortExamPlanned,
    Evidence splenicFlexureNotReached) {

  public static final PerformedService UNKNOWN =
      new PerformedService(null, null, null, null, null, null, null, null, null);

  /** How the scope went in. */
  public enum Route {
    /** A stoma, kind not said. */
    STOMA,
    ILEOSTOMY,
    COLOSTOMY,
    ANUS
  }

  /** How a stricture was dilated. */
  public enum Dilation {
    /** A balloon through the scope. */
    BALLOON,
    /** A finger, Hegar dilators, bougies: not through the scope. */
    OTHER_METHOD,
    /** Not dilated (not needed, not attempted, aborted before it). */
    NOT_DONE
  }

  /** A value with the words that say it. */
  public record Said<T>(T value, Evidence evidence) {}

  public Optional<Said<Route>> routeSaid() {
    return Optional.ofNullable(route);
  }

  public Optional<Said<Dilation>> dilationSaid() {
    return Optional.ofNullable(dilation);
  }

  /** Whether the documentation says no balloon dilation was done through the scope. */
  public boolean noBalloonDilation() {
    return dilation != null && dilation.value() != Dilation.BALLOON;
  }

  /** The stoma the scope went through, from the route or, for "the stoma", the kind named. */
  public Route stomaRoute() {
    if (route == null || route.value() == Route.ANUS) {
      return null;
    }
    if (route.value() == Route.STOMA && stomaKind != null) {
      return stomaKind.value();
    }
    return route.value();
  }

  /** Fills in what this one does not say from another source; the first source wins. */
  PerformedService or(PerformedService other) {
    return new PerformedService(
        route != null ? route : other.route,
        stomaKind != null ? stomaKind : other.stomaKind,
        colonAbsent != null ? colonAbsent : other.colonAbsent,
        stomaClosed != null ? stomaClosed : other.stomaClosed,
        dilation != null ? dilation : other.dilation,
        stentPlaced != null ? stentPlaced : other.stentPlaced,
        ablationDone != null ? ablationDone : other.ablationDone,
        shortExamPlanned != null ? shortExamPlanned : other.shortExamPlanned,
        splenicFlexureNotReached != null
            ? splenicFlexureNotReached
            : other.splenicFlexureNotReached);
  }
}
