package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RxTest {

  @Test
  void makesWhiteSpaceAndClassRunsPossessive() {
    assertThat(Rx.possessive("a\\s+b\\s*c[a-z]+\\s[0-9]*;"))
        .isEqualTo("a\\s++b\\s*+c[a-z]++\\s[0-9]*+;");
  }

  @Test
  void leavesLazyPossessiveAndLetterFollowedRunsAlone() {
    assertThat(Rx.possessive("\\s+?x\\s++y[a-z]+ly[^.]{0,9}?"))
        .isEqualTo("\\s+?x\\s++y[a-z]+ly[^.]{0,9}?");
  }

  @Test
  void doesNotTouchQuantifiersInsideAClass() {
    assertThat(Rx.possessive("[\\s+*]x")).isEqualTo("[\\s+*]x");
  }

  @Test
  void possessiveRunsFindWhatGreedyRunsFind() {
    String text = "dilated   to\t15 mm with a cre balloon";
    String regex = "dilated\\s+to\\s*(\\d+)\\s*-?\\s*mm\\s+with\\s+[a-z]+\\s+cre";
    assertThat(Rx.compile(regex).matcher(text).find()).isTrue();
  }
}
