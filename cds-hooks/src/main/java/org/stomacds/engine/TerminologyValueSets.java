package org.stomacds.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stomacds.engine.rules.CodeSet;
import org.stomacds.engine.rules.ValueSets;
import org.stomacds.engine.terminology.Coded;
import org.stomacds.engine.terminology.Terminology;

/** The terminology's value sets as the rule pack reads them (copied once, while loading). */
final class TerminologyValueSets implements ValueSets {

  private final Terminology terminology;
  private final Map<String, CodeSet> loaded = new HashMap<>();

  TerminologyValueSets(Terminology terminology) {
    this.terminology = terminology;
  }

  @Override
  public synchronized CodeSet find(String url) {
    if (!terminology.hasValueSet(url)) {
      return null;
    }
    return loaded.computeIfAbsent(
        url,
        u -> {
          List<String[]> members = new ArrayList<>();
          for (Coded coded : terminology.expand(u)) {
            members.add(new String[] {coded.system(), coded.code()});
          }
          return new CodeSet(u, members);
        });
  }
}
