package org.stomacds.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Allocation over a window, from two readings of the server's per-thread counters. */
class AllocationsTest {

  @Test
  void countsWhatEachLiveThreadAllocatedSinceTheFirstReading() {
    var before = new ServerProcess.Allocations(Map.of(1L, 1_000L, 2L, 5_000L));
    var after = new ServerProcess.Allocations(Map.of(1L, 4_000L, 2L, 5_500L));

    assertThat(after.since(before)).isEqualTo(new ServerProcess.Allocated(3_500, 0));
  }

  @Test
  void aThreadStartedInTheWindowCountsAllItAllocated() {
    var before = new ServerProcess.Allocations(Map.of(1L, 1_000L));
    var after = new ServerProcess.Allocations(Map.of(1L, 1_200L, 7L, 800L));

    assertThat(after.since(before)).isEqualTo(new ServerProcess.Allocated(1_000, 0));
  }

  @Test
  void aThreadThatEndedIsCountedAsEndedNotSubtracted() {
    var before = new ServerProcess.Allocations(Map.of(1L, 1_000L, 3L, 90_000_000L));
    var after = new ServerProcess.Allocations(Map.of(1L, 2_000L));

    assertThat(after.since(before)).isEqualTo(new ServerProcess.Allocated(1_000, 1));
  }
}
