package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.stomacds.engine.narrative.RegexTokens.Token;

/**
 * Every pattern the reader loads (phrase rows, context rules, features, service facts and the
 * readers' own constants: each {@link Pattern}, and each string that compiles as one, reachable
 * from a reader and the package's static fields) is read by {@link RegexTokens}; and, as a tool,
 * what {@link PatternAnchors}, {@link RequiredLiterals} and {@link Rx} derive from each, written to
 * the file named by {@code -Dstomacds.rx.dump=...}, so that a change to them can be compared byte
 * for byte with the derivations before it.
 */
class LoadedPatternsTest {

  @Test
  void tokensGiveBackEveryLoadedPattern() throws Exception {
    Set<String> patterns = loadedPatterns();
    assertThat(patterns).hasSizeGreaterThan(1000);
    for (String p : patterns) {
      List<Token> tokens = RegexTokens.of(p);
      int at = 0;
      for (Token t : tokens) {
        assertThat(t.start()).as("token %s of %s", t, p).isEqualTo(at);
        at = t.end();
      }
      assertThat(tokens.stream().map(Token::text).collect(Collectors.joining())).isEqualTo(p);
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "stomacds.rx.dump", matches = ".+")
  void writesWhatThePatternReadersDerive() throws Exception {
    Set<String> patterns = loadedPatterns();
    StringBuilder out = new StringBuilder();
    out.append(patterns.size()).append(" patterns\n");
    for (String p : patterns) {
      out.append("== ").append(p).append('\n');
      out.append("alts ")
          .append(attempt(() -> PatternAnchors.topLevelAlternatives(p)))
          .append('\n');
      out.append("anchors ").append(attempt(() -> PatternAnchors.byAlternative(p))).append('\n');
      out.append("required ").append(attempt(() -> RequiredLiterals.of(p))).append('\n');
      out.append("rx ").append(attempt(() -> Rx.possessive(p))).append('\n');
    }
    Files.writeString(Path.of(System.getProperty("stomacds.rx.dump")), out);
  }

  private interface Call {
    Object get() throws Exception;
  }

  private static String attempt(Call c) {
    try {
      return String.valueOf(c.get());
    } catch (Exception | StackOverflowError e) {
      return "! " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }
  }

  /**
   * The pattern text of every {@link Pattern} and every string that compiles as one, reachable from
   * a reader and the static fields of the package's classes.
   */
  static Set<String> loadedPatterns() throws Exception {
    Deque<Object> todo = new ArrayDeque<>();
    todo.add(new NoteReader());
    todo.add(PhraseTables.load());
    Path classes = Path.of("target/classes/org/stomacds/engine/narrative");
    try (Stream<Path> files = Files.list(classes)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String name = f.getFileName().toString();
        if (!name.endsWith(".class")) {
          continue;
        }
        Class<?> type =
            Class.forName("org.stomacds.engine.narrative." + name.replace(".class", ""));
        for (Field field : type.getDeclaredFields()) {
          if (Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
            try {
              field.setAccessible(true);
              Object v = field.get(null);
              if (v != null) {
                todo.add(v);
              }
            } catch (RuntimeException | ExceptionInInitializerError e) {
              // A field this test may not read holds no pattern of ours.
            }
          }
        }
      }
    }
    Set<String> out = new TreeSet<>();
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    while (!todo.isEmpty()) {
      Object o = todo.pop();
      if (seen.put(o, true) != null) {
        continue;
      }
      if (o instanceof Pattern p) {
        out.add(p.pattern());
      } else if (o instanceof String s) {
        if (s.length() < 5000 && compiles(s)) {
          out.add(s);
        }
      } else if (o instanceof Collection<?> c) {
        c.forEach(x -> addIfSome(todo, x));
      } else if (o instanceof Map<?, ?> m) {
        m.forEach(
            (k, v) -> {
              addIfSome(todo, k);
              addIfSome(todo, v);
            });
      } else if (o.getClass().isArray()) {
        if (!o.getClass().getComponentType().isPrimitive()) {
          for (int i = 0; i < Array.getLength(o); i++) {
            addIfSome(todo, Array.get(o, i));
          }
        }
      } else if (o instanceof java.util.Optional<?> opt) {
        opt.ifPresent(x -> addIfSome(todo, x));
      } else if (o.getClass().getName().startsWith("org.stomacds")) {
        for (Class<?> t = o.getClass();
            t != null && t.getName().startsWith("org.stomacds");
            t = t.getSuperclass()) {
          for (Field field : t.getDeclaredFields()) {
            if (field.getType().isPrimitive()) {
              continue;
            }
            field.setAccessible(true);
            addIfSome(todo, field.get(Modifier.isStatic(field.getModifiers()) ? null : o));
          }
        }
      }
    }
    return out;
  }

  private static void addIfSome(Deque<Object> todo, Object x) {
    if (x != null) {
      todo.push(x);
    }
  }

  private static boolean compiles(String s) {
    try {
      Pattern.compile(s);
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }
}
