package org.stomacds.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ActivityRangeTest {

  private static final Instant NOW = Instant.parse("2026-11-27T03:30:00Z");

  @Test
  void defaultsToTheLastThirtyDaysInUtc() {
    ActivityRange range = ActivityRange.parse(null, "", null, NOW);

    assertThat(range.to()).isEqualTo(LocalDate.of(2026, 11, 27));
    assertThat(range.from()).isEqualTo(LocalDate.of(2026, 10, 29));
    assertThat(range.dayCount()).isEqualTo(30);
    assertThat(range.zone()).isEqualTo(ZoneId.of("UTC"));
  }

  @Test
  void countsTodayInTheAskedTimeZone() {
    // 03:30 UTC is still the 26th in Chicago.
    ActivityRange range = ActivityRange.parse(null, null, "America/Chicago", NOW);

    assertThat(range.to()).isEqualTo(LocalDate.of(2026, 11, 26));
    assertThat(range.start()).isEqualTo(Instant.parse("2026-10-28T05:00:00Z"));
  }

  @Test
  void placesInstantsOnTheDaysOfItsZone() {
    ActivityRange range = ActivityRange.parse("2026-11-01", "2026-11-02", "America/Chicago", NOW);

    assertThat(range.dayIndex(Instant.parse("2026-11-01T05:00:00Z"))).isZero();
    assertThat(range.dayIndex(Instant.parse("2026-11-02T05:59:59Z"))).isZero(); // DST ended
    assertThat(range.dayIndex(Instant.parse("2026-11-02T06:00:00Z"))).isEqualTo(1);
    assertThat(range.dayIndex(Instant.parse("2026-11-01T04:59:59Z"))).isEqualTo(-1);
    assertThat(range.dayIndex(Instant.parse("2026-11-03T06:00:00Z"))).isEqualTo(-1);
    assertThat(range.days()).containsExactly(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 2));
  }

  @Test
  void refusesWhatItCannotUseNamingTheParameter() {
    assertThatThrownBy(() -> ActivityRange.parse("2026-13-01", null, null, NOW))
        .isInstanceOf(InvalidQueryException.class)
        .hasMessage("'from' must be a date as YYYY-MM-DD, not '2026-13-01'");
    assertThatThrownBy(() -> ActivityRange.parse(null, "yesterday", null, NOW))
        .hasMessageStartingWith("'to' must be a date");
    assertThatThrownBy(() -> ActivityRange.parse(null, null, "Mars/Olympus", NOW))
        .hasMessage("'tz' must be a time zone such as UTC or America/Chicago, not 'Mars/Olympus'");
    assertThatThrownBy(() -> ActivityRange.parse("2026-11-02", "2026-11-01", null, NOW))
        .hasMessage("'to' (2026-11-01) is before 'from' (2026-11-02)");
    assertThatThrownBy(() -> ActivityRange.parse("2024-01-01", "2026-01-01", null, NOW))
        .hasMessageContaining("longer than 366 days");
  }

  @Test
  void echoesAtMostAShortPrintablePieceOfABadValue() {
    String payload = "<script>" + "x".repeat(500) + "\u0000";

    assertThatThrownBy(() -> ActivityRange.parse(payload, null, null, NOW))
        .hasMessageNotContaining("x".repeat(60))
        .hasMessageNotContaining("\u0000");
  }
}
