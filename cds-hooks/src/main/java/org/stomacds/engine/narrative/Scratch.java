package org.stomacds.engine.narrative;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The matchers of one thread, kept from reading to reading instead of made anew for each pattern of
 * each reading (a matcher allocates its group arrays). A reading asks for a pattern's matcher; the
 * first ask of a reading points it at that reading's text, and {@link #end()} lets go of the text.
 * Each thread has its own, so readings on different threads share nothing; a reading does not call
 * itself, so one per thread is enough.
 */
final class Scratch {

  private static final ThreadLocal<Scratch> OF_THREAD = ThreadLocal.withInitial(Scratch::new);

  private final IdentityHashMap<Pattern, Slot> slots = new IdentityHashMap<>();
  private Slot[] touched = new Slot[32];
  private Slot[] triggers = new Slot[64];
  private int touchedCount;
  private int reading;
  private String text = "";

  /** A pattern's matcher and the reading it was last pointed at. */
  static final class Slot {
    private final Matcher matcher;
    private final Scratch owner;
    private int reading = -1;

    private Slot(Scratch owner, Matcher matcher) {
      this.owner = owner;
      this.matcher = matcher;
    }

    /** The matcher over the current reading's text (region: the whole text). */
    Matcher matcher(boolean transparentBounds) {
      if (reading != owner.reading) {
        owner.point(this);
      }
      return matcher.useTransparentBounds(transparentBounds);
    }
  }

  private Scratch() {}

  /** This thread's matchers, pointed at {@code text} for a new reading. */
  static Scratch begin(String text) {
    Scratch s = OF_THREAD.get();
    s.reading++;
    s.text = text;
    return s;
  }

  /** The slot of {@code p}: look it up once per reading, then ask it for its matcher. */
  Slot slot(Pattern p) {
    Slot slot = slots.get(p);
    if (slot == null) {
      slot = new Slot(this, p.matcher(""));
      slots.put(p, slot);
    }
    return slot;
  }

  /** The matcher of {@code p} over this reading's text, its region the whole text. */
  Matcher matcher(Pattern p, boolean transparentBounds) {
    return slot(p).matcher(transparentBounds);
  }

  /** As {@link #matcher(Pattern, boolean)} for the lexicon's trigger {@code k}: no map lookup. */
  Matcher trigger(int k, Pattern p) {
    if (k >= triggers.length) {
      triggers = Arrays.copyOf(triggers, Math.max(k + 1, triggers.length * 2));
    }
    Slot slot = triggers[k];
    if (slot == null || slot.matcher.pattern() != p) {
      slot = slot(p);
      triggers[k] = slot;
    }
    return slot.matcher(true);
  }

  private void point(Slot slot) {
    slot.matcher.reset(text);
    slot.reading = reading;
    if (touchedCount == touched.length) {
      touched = Arrays.copyOf(touched, touchedCount * 2);
    }
    touched[touchedCount++] = slot;
  }

  /** Lets go of the reading's text, so that no note outlives its reading in a thread's cache. */
  void end() {
    for (int i = 0; i < touchedCount; i++) {
      touched[i].matcher.reset("");
      touched[i] = null;
    }
    touchedCount = 0;
    text = "";
  }
}
