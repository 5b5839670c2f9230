package org.stomacds.engine.narrative;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;

/**
 * Keeps the sizes of this procedure that measure a balloon or a lumen, in millimetres: a size with
 * its unit ("15 mm", "1.5 cm", "12-13.5-15 mm") sorted by {@link SizeClassifier}, and sizes written
 * bare beside the balloon's name ("CRE 15-16.5-18"). Planned and earlier sizes are left out.
 */
final class SizeFinder {

  private final String f;
  private final QuantityMatchers matchers;
  private final Elsewhen elsewhen;
  private final DilationSigns signs;
  final List<Value> balloonSizes = new ArrayList<>();
  final List<Value> lumenSizes = new ArrayList<>();

  SizeFinder(String f, QuantityMatchers matchers, Elsewhen elsewhen, DilationSigns signs) {
    this.f = f;
    this.matchers = matchers;
    this.elsewhen = elsewhen;
    this.signs = signs;
  }

  /** Balloon sizes written without a unit, next to the balloon's name: millimetres. */
  void bareBalloon(int i, Sentence s, Matcher m) {
    if (elsewhen.at(i, s, m.start())) {
      return;
    }
    // the list's tail is group 2, or 3 for a staged balloon's list before the bare word
    int tail = m.groupCount() >= 3 && m.start(3) >= 0 ? 3 : 2;
    List<Double> values = matchers.numbersIn(m.start(1), Math.max(m.end(1), m.end(tail)));
    if (values.size() > 1 && UNSEPARATED.matcher(f).region(m.start(1), m.end(tail)).find()) {
      values = steppingUp(values);
    }
    for (double mm : values) {
      if (mm >= 5 && mm <= 40) {
        balloonSizes.add(new Value(mm, i, m.start(), m.end(), false));
        signs.add(i, m.start());
      }
    }
  }

  /** Two numbers with nothing but a space between them: "balloon 15 16.5 18". */
  private static final java.util.regex.Pattern UNSEPARATED = Rx.compile("\\d\\s+\\d");

  /**
   * The start of a list written without separators that steps up as a staged balloon's sizes do (by
   * 3 mm at most): "15 16.5 18", not "15 30" (a size and a hold).
   */
  private static List<Double> steppingUp(List<Double> values) {
    List<Double> kept = new ArrayList<>(List.of(values.get(0)));
    for (int k = 1; k < values.size(); k++) {
      double step = values.get(k) - values.get(k - 1);
      if (step <= 0 || step > 3) {
        break;
      }
      kept.add(values.get(k));
    }
    return kept;
  }

  /** The size (or list of sizes) {@code values} written at [start, end), in mm or in cm. */
  void size(
      int i,
      Sentence s,
      boolean thisProcedure,
      int start,
      int end,
      List<Double> values,
      boolean cm) {
    if (!thisProcedure || elsewhen.at(i, s, start)) {
      return;
    }
    SizeKind kind = SizeClassifier.classify(f, s, start, end, values.size() == 1, cm);
    double factor = cm ? 10 : 1;
    switch (kind) {
      case BALLOON -> {
        for (double v : values) {
          double mm = v * factor;
          if (mm >= 5 && mm <= 40) {
            balloonSizes.add(new Value(mm, i, start, end, false));
            signs.add(i, start);
          }
        }
      }
      case LUMEN, LUMEN_FROM -> {
        double mm = lumenOf(values, kind) * factor;
        if (mm >= 0.5 && mm <= 40) {
          lumenSizes.add(new Value(mm, i, start, end, kind == SizeKind.LUMEN_FROM));
        }
      }
      default -> {
        // a distance, a length, a scope, a polyp: not ours
      }
    }
  }

  /**
   * A number with no unit right after the lumen's name ("the lumen was around 18", "lumen now
   * ~14"): millimetres, as every lumen is told.
   */
  void bareLumen(int i, Sentence s, int start, int end, double value) {
    if (value < 1
        || value > 30
        || !BARE_LUMEN_BEFORE.finder(f).region(s.start(), start).find()
        || SOME_UNIT_AFTER.matcher(f).region(end, s.end()).lookingAt()
        || elsewhen.at(i, s, start)) {
      return;
    }
    lumenSizes.add(new Value(value, i, start, end, false));
  }

  private static final AnchoredPattern BARE_LUMEN_BEFORE =
      AnchoredPattern.compile(
          "\\blumen\\s+(?:(?:was|is|now|measured|measuring)\\s+)?(?:(?:i'd\\s+say|maybe|roughly|about"
              + "|around|approx\\.?|approximately)\\s+)?~?\\s*$");

  private static final java.util.regex.Pattern SOME_UNIT_AFTER =
      Rx.compile("\\s*-?\\s*(?:[a-z%]|\\.\\d|/|-\\s*\\d)");

  /**
   * A gauge in French (a third of a millimetre): the lumen when it is the size of a device the
   * stricture let through ("would only admit a 10 Fr catheter"), else nothing of ours.
   */
  void french(int i, Sentence s, int start, int unitEnd, double french) {
    if (elsewhen.at(i, s, start) || !PassedDevice.letThrough(f, s, start, unitEnd)) {
      return;
    }
    double mm = french / 3;
    if (mm >= 0.5 && mm <= 40) {
      lumenSizes.add(new Value(mm, i, start, unitEnd, false));
    }
  }

  /**
   * A Hegar dilator's number, its diameter in millimetres: the lumen when the stricture let it
   * through in this session ("admits a size 6 Hegar only"), else nothing of ours.
   */
  void hegar(int i, Sentence s, int start, int end, double mm) {
    if (mm >= 1
        && mm <= 30
        && !elsewhen.at(i, s, start)
        && PassedDevice.hegarLetThrough(f, s, start, end)) {
      lumenSizes.add(new Value(mm, i, start, end, false));
    }
  }

  /**
   * The lumen a size or list of sizes states: a hedged range ("7-8 mm", "6 or 7 mm", "13 to 14 mm")
   * is read as its upper end, as clinicians read their own estimates; a list that moves further ("8
   * -> 13 mm", "dilated from 8 to 15 mm") states the lumen before at its start.
   */
  private static double lumenOf(List<Double> values, SizeKind kind) {
    double first = values.get(0);
    if (kind == SizeKind.LUMEN && values.size() == 2) {
      double second = values.get(1);
      if (second > first && second - first <= 3) {
        return second;
      }
    }
    return first;
  }
}
