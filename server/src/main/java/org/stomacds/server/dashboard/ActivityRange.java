package org.stomacds.server.dashboard;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The days a dashboard query covers: {@code from} to {@code to}, both inclusive, in one time zone
 * (days begin at midnight there, so a coding manager in Chicago sees Chicago days).
 *
 * @param from the first day
 * @param to the last day
 * @param zone where the days are counted
 */
record ActivityRange(LocalDate from, LocalDate to, ZoneId zone) {

  /** The longest range one query may ask for: a year, plus a leap day. */
  static final int MAX_DAYS = 366;

  /** The range when none is asked for: the last 30 days, today included. */
  static final int DEFAULT_DAYS = 30;

  ActivityRange {
    if (to.isBefore(from)) {
      throw new InvalidQueryException("'to' (" + to + ") is before 'from' (" + from + ")");
    }
    if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
      throw new InvalidQueryException(
          "the range from " + from + " to " + to + " is longer than " + MAX_DAYS + " days");
    }
  }

  /**
   * Reads the query parameters; any may be absent.
   *
   * @param from {@code YYYY-MM-DD}, default {@code to} minus 29 days
   * @param to {@code YYYY-MM-DD}, default today in {@code tz}
   * @param tz an IANA time zone ({@code America/Chicago}) or offset, default UTC
   * @param now the current instant (a parameter for tests)
   * @throws InvalidQueryException naming the parameter and what is wrong with it
   */
  static ActivityRange parse(String from, String to, String tz, Instant now) {
    ZoneId zone = zone(tz);
    LocalDate last = isBlank(to) ? LocalDate.ofInstant(now, zone) : date("to", to);
    LocalDate first = isBlank(from) ? last.minusDays(DEFAULT_DAYS - 1) : date("from", from);
    return new ActivityRange(first, last, zone);
  }

  /** The first instant of the range (midnight of {@code from}). */
  Instant start() {
    return from.atStartOfDay(zone).toInstant();
  }

  /** The first instant after the range (midnight after {@code to}). */
  Instant end() {
    return to.plusDays(1).atStartOfDay(zone).toInstant();
  }

  int dayCount() {
    return (int) ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The days of the range, in order. */
  List<LocalDate> days() {
    List<LocalDate> days = new ArrayList<>(dayCount());
    for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
      days.add(day);
    }
    return days;
  }

  /** The index of the day an instant falls on, or -1 when it is outside the range. */
  int dayIndex(Instant instant) {
    if (instant.isBefore(start()) || !instant.isBefore(end())) {
      return -1;
    }
    return (int) ChronoUnit.DAYS.between(from, LocalDate.ofInstant(instant, zone));
  }

  private static ZoneId zone(String tz) {
    if (isBlank(tz)) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(tz.trim());
    } catch (DateTimeException e) {
      throw new InvalidQueryException(
          "'tz' must be a time zone such as UTC or America/Chicago, not '" + clip(tz) + "'");
    }
  }

  private static LocalDate date(String name, String value) {
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidQueryException(
          "'" + name + "' must be a date as YYYY-MM-DD, not '" + clip(value) + "'");
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  /** Echoes at most a few characters of a bad value: enough to recognise it, never a payload. */
  private static String clip(String value) {
    String printable = value.replaceAll("[^\\x20-\\x7e]", "?");
    return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
  }
}
