package org.stomacds.engine.narrative;

import java.util.Arrays;

/** A growable list of ints, to keep anchor occurrences without boxing. */
final class Ints {

  private int[] values;
  private int size;

  Ints() {
    this(64);
  }

  Ints(int capacity) {
    values = new int[Math.max(8, capacity)];
  }

  void add(int v) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = v;
  }

  void set(int i, int v) {
    values[i] = v;
  }

  int get(int i) {
    return values[i];
  }

  /** Empties the list, keeping its room. */
  void clear() {
    size = 0;
  }

  /** Sorts the values in increasing order. */
  void sort() {
    Arrays.sort(values, 0, size);
  }

  int size() {
    return size;
  }

  int[] toArray() {
    return Arrays.copyOf(values, size);
  }
}
