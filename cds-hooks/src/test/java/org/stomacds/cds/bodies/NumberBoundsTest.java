package org.stomacds.cds.bodies;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberBoundsTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e999999999",
        "-1e-999999999",
        "1E+2147483647",
        "1e-2147483648",
        "1E2147483648",
        "1e99999999999999999999999",
        "0e999999999",
        "0.0e-999999999",
        "1e201",
        "1e-201",
        "0.00001e-197",
        "123456789e193"
      })
  void refusesAbsurdMagnitudes(String number) {
    assertThat(NumberBounds.violation(number, NumberBounds.MAX_DIGITS)).isNotNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0",
        "-0",
        "98.6",
        "1.5e3",
        "+2",
        "1e200",
        "1e-200",
        "-1.000000000000000001",
        "0e5",
        "0.000001",
        "12345678901234567890.5",
        "9.99e199",
        "100e198"
      })
  void acceptsOrdinaryNumbers(String number) {
    assertThat(NumberBounds.violation(number, NumberBounds.MAX_DIGITS)).isNull();
  }

  @Test
  void countsDigits() {
    assertThat(NumberBounds.violation("9".repeat(100), NumberBounds.MAX_DIGITS)).isNull();
    assertThat(NumberBounds.violation("9".repeat(101), NumberBounds.MAX_DIGITS))
        .contains("101 digits");
    assertThat(NumberBounds.violation("9".repeat(1_000_000), NumberBounds.MAX_STRING_DIGITS))
        .contains("1000000 digits");
  }

  @ParameterizedTest
  @ValueSource(strings = {"abc", "1e", "e5", "--1", "1.2.3", "Smith", "", "1e5x", "."})
  void textThatIsNotANumberIsNotItsBusiness(String text) {
    assertThat(NumberBounds.violation(text, NumberBounds.MAX_DIGITS)).isNull();
  }

  @Test
  void onlyExponentsAndLongDigitRunsAreWorthChecking() {
    assertThat(NumberBounds.worthChecking("1e5")).isTrue();
    assertThat(NumberBounds.worthChecking("-3E2")).isTrue();
    assertThat(NumberBounds.worthChecking("9".repeat(101))).isTrue();
    assertThat(NumberBounds.worthChecking("12345")).isFalse();
    assertThat(NumberBounds.worthChecking("Smith")).isFalse();
    assertThat(NumberBounds.worthChecking("")).isFalse();
  }
}
