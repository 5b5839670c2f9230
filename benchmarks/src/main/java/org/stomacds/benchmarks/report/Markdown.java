package org.stomacds.benchmarks.report;

import java.util.Locale;

/** The report's text as it is written, line by line, and how its figures are shown. */
final class Markdown {

  private final StringBuilder text = new StringBuilder();

  /** One line: the format with its arguments ({@link Locale#ROOT}), or the text as it is. */
  void line(String format, Object... args) {
    text.append(args.length == 0 ? format : String.format(Locale.ROOT, format, args)).append('\n');
  }

  /** Milliseconds, with fewer decimals as they grow; a dash when nothing was measured. */
  static String ms(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    return v < 1
        ? String.format(Locale.ROOT, "%.2f ms", v)
        : v < 100
            ? String.format(Locale.ROOT, "%.1f ms", v)
            : String.format(Locale.ROOT, "%,.0f ms", v);
  }

  /** Milliseconds as seconds, one decimal; a dash when nothing was measured. */
  static String sec(double millis) {
    return Double.isNaN(millis) ? "—" : String.format(Locale.ROOT, "%.1f s", millis / 1000);
  }

  @Override
  public String toString() {
    return text.toString();
  }
}
