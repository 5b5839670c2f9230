package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stomacds.engine.documentation.DocumentationElement.COMPLICATIONS;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TIMES;
import static org.stomacds.engine.documentation.DocumentationElement.SEDATION_TYPE;

import java.time.LocalTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SedationReadingTest {

  static Stream<Arguments> types() {
    return Stream.of(
        Arguments.of("Moderate sedation was used.", SedationType.MODERATE),
        Arguments.of("Conscious sedation with midazolam and fentanyl.", SedationType.MODERATE),
        Arguments.of("Midazolam 2 mg and fentanyl 50 mcg IV were given.", SedationType.MODERATE),
        Arguments.of("Sedation: moderate (RN administered).", SedationType.MODERATE),
        Arguments.of("MAC.", SedationType.MAC_OR_ANESTHESIA),
        Arguments.of("Propofol administered by anesthesia.", SedationType.MAC_OR_ANESTHESIA),
        Arguments.of("Monitored anesthesia care was provided.", SedationType.MAC_OR_ANESTHESIA),
        Arguments.of("General anesthesia.", SedationType.MAC_OR_ANESTHESIA),
        Arguments.of("Anesthesia: general.", SedationType.MAC_OR_ANESTHESIA),
        Arguments.of("Fentanyl 50 mcg, Versed 2 mg.", SedationType.MODERATE),
        Arguments.of("Sedation per anesthesia.", SedationType.MAC_OR_ANESTHESIA),
        Arguments.of(
            "Moderate sedation was planned but MAC with propofol was given by the CRNA.",
            SedationType.MAC_OR_ANESTHESIA),
        Arguments.of("No sedation was given.", SedationType.NONE),
        Arguments.of("Topical lidocaine only.", SedationType.NONE),
        Arguments.of("Sedation: none.", SedationType.NONE),
        Arguments.of("SEDATION:\nNone", SedationType.NONE),
        Arguments.of("The procedure was performed without sedation.", SedationType.NONE),
        Arguments.of("The patient was unsedated.", SedationType.NONE),
        Arguments.of(
            "Mod sedation by me: midazolam 0.1 mg/kg, ketamine 1 mg/kg; independent RN observer.",
            SedationType.MODERATE),
        Arguments.of("Mod. sedation with fentanyl and versed.", SedationType.MODERATE),
        Arguments.of("mod sedation", SedationType.MODERATE),
        Arguments.of("Moderate-sedation provided by the endoscopist.", SedationType.MODERATE),
        Arguments.of("Mod/conscious sedation.", SedationType.MODERATE),
        Arguments.of("Sedation: mod", SedationType.MODERATE),
        Arguments.of("Conscious sedation.", SedationType.MODERATE),
        Arguments.of("Midazolam 0.5 mg IV was given.", SedationType.MODERATE),
        Arguments.of("Sedation: MAC with propofol.", SedationType.MAC_OR_ANESTHESIA),
        Arguments.of("MAC by CRNA.", SedationType.MAC_OR_ANESTHESIA));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sedation: [ ] None  [x] Moderate  [ ] MAC  [ ] General anaesthesia",
        "Sedation: None [ ] Moderate [x] MAC [ ] General [ ]",
        "Sedation: [ ] General anaesthesia [x] Conscious sedation"
      })
  void readsTheTickedBoxOfAFormNotTheEmptyOnes(String note) {
    assertThat(Notes.read(note).sedationType()).as(note).hasValue(SedationType.MODERATE);
  }

  @Test
  void readsASedationGivenAfterTheConsentsClause() {
    assertThat(
            Notes.read(
                    "After informed consent, moderate sedation was given by the nurse under my"
                        + " supervision.")
                .sedationType())
        .hasValue(SedationType.MODERATE);
  }

  @Test
  void readsSedationTimesToldFromTheHour() {
    NoteReading r = Notes.read("Sedation began at half past nine and ended at quarter to ten.");
    assertThat(r.sedationStart()).hasValue(LocalTime.of(9, 30));
    assertThat(r.sedationStop()).hasValue(LocalTime.of(9, 45));
  }

  @Test
  void aProcedureAbandonedAtATimeEndsItsSedation() {
    NoteReading r =
        Notes.read("SEDATION: Midazolam 5 mg. Commenced 09:12, procedure abandoned 09:25.");
    assertThat(r.documents(SEDATION_TIMES)).isTrue();
    assertThat(r.sedationStop()).hasValue(LocalTime.of(9, 25));
  }

  @ParameterizedTest
  @MethodSource("types")
  void readsTheSedationType(String note, SedationType type) {
    NoteReading r = Notes.read(note);
    assertThat(r.sedationType()).hasValue(type);
    assertThat(r.documents(SEDATION_TYPE)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Sedation: not recorded.",
        "Sedation type not documented.",
        "Mod sedation: not documented."
      })
  void negatesTheSedationTypeWhenNotRecorded(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.sedationType()).isEmpty();
    assertThat(r.mention(SEDATION_TYPE)).hasValueSatisfying(m -> assertThat(m.negated()).isTrue());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Risks of sedation were explained.",
        "Will need MAC for future dilations.",
        "Sedation was administered.",
        "Risks of mod sedation were explained.",
        "Mod 22 appended for the increased work."
      })
  void doesNotReadATypeFromTalkAboutSedation(String note) {
    assertThat(Notes.read(note).sedationType()).isEmpty();
  }

  static Stream<Arguments> minutes() {
    return Stream.of(
        Arguments.of("Sedation start 09:12, end 09:38.", 26),
        Arguments.of("Intraservice time 26 minutes.", 26),
        Arguments.of("Sedation time: 22 min.", 22),
        Arguments.of("Moderate sedation from 0912 to 0938.", 26),
        Arguments.of("Sedation began at 9:12 am and ended at 9:38 am.", 26),
        Arguments.of("Procedure start 09:05. Sedation start 09:12, stop 09:38.", 26),
        Arguments.of("Total intra-service sedation time was 31 minutes.", 31),
        Arguments.of("Sedation 11:50-12:15.", 25),
        Arguments.of("22 minutes of moderate sedation were provided.", 22),
        Arguments.of("SEDATION:\nStart time: 14:02\nStop time: 14:40", 38),
        Arguments.of("Time in: 09:12, time out: 09:38. Moderate sedation.", 26),
        Arguments.of("Sedation start time: 0912 Sedation end time: 0938", 26));
  }

  @ParameterizedTest
  @MethodSource("minutes")
  void readsIntraserviceMinutes(String note, int minutes) {
    NoteReading r = Notes.read(note);
    assertThat(r.sedationIntraserviceMinutes()).hasValue(minutes);
    assertThat(r.documents(SEDATION_TIMES)).isTrue();
  }

  @Test
  void keepsTheStartAndStopTimes() {
    NoteReading r = Notes.read("Sedation start 09:12, end 09:38.");
    assertThat(r.sedationStart()).hasValue(LocalTime.of(9, 12));
    assertThat(r.sedationStop()).hasValue(LocalTime.of(9, 38));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Withdrawal time 8 minutes.",
        "Fluoroscopy time 1.2 min.",
        "The patient was born in 1948 and arrived at 0815."
      })
  void doesNotTakeOtherTimesForSedation(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.sedationIntraserviceMinutes()).isEmpty();
    assertThat(r.documents(SEDATION_TIMES)).isFalse();
  }

  /**
   * Clinicians document the intraservice time by the procedure's own times when they have no other.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "Procedure start 09:05, end 09:40.",
        "Procedure time: 09:05 to 09:40 (35 minutes).",
        "Moderate sedation, midazolam 5 mg. Start 09:05. End 09:40.",
        "INTRA-PROCEDURE TIME: 0905 TO 0940.",
        "Sedation 0905 to 0940."
      })
  void takesTheProceduresOwnTimesWhenTheNoteGivesNoSedationTimes(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(SEDATION_TIMES)).as(note).isTrue();
    assertThat(r.sedationStart()).as(note).hasValue(LocalTime.of(9, 5));
    assertThat(r.sedationStop()).as(note).hasValue(LocalTime.of(9, 40));
  }

  @Test
  void prefersTheSedationTimesToTheProceduresOwn() {
    NoteReading r =
        Notes.read("Procedure start 09:15, end 09:35. Sedation start 09:10, end 09:40.");
    assertThat(r.sedationStart()).hasValue(LocalTime.of(9, 10));
    assertThat(r.sedationStop()).hasValue(LocalTime.of(9, 40));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"Sedation times not recorded.", "Sedation start/stop times: not documented"})
  void negatesSedationTimesWhenNotRecorded(String note) {
    assertThat(Notes.negated(note, SEDATION_TIMES)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"Complications: 0.", "Adverse events 0."})
  void aZeroStillSaysNoneWhereItIsNotADose(String note) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(COMPLICATIONS)).isTrue();
    assertThat(r.complicationsOccurred()).isFalse();
  }

  /** Issue 14: sedation minutes on the sedation label's line, or a total of the sedation. */
  static Stream<Arguments> minutesUnderTheHeading() {
    return Stream.of(
        Arguments.of(
            "PROCEDURE: COLONOSCOPY VIA LOOP COLOSTOMY\nSEDATION: Midazolam 2 mg + fentanyl 50 mcg"
                + " (moderate). 25 minutes.\nTECHNIQUE: Colonoscope through the distal limb.",
            25),
        Arguments.of(
            "PROCEDURE: Colonoscopy through stoma\nSEDATION: PROPOFOL (MAC) - CRNA. TIME: 34"
                + " MIN.\nFINDINGS: Colostomy intubated.",
            34),
        Arguments.of("Sedation: conscious sedation, total 24 minutes", 24),
        Arguments.of("Sedation: deep sedation with propofol. Total 18 minutes.", 18),
        Arguments.of("mod sed 22 min", 22),
        Arguments.of("Anes: MAC, total 19 min", 19));
  }

  @ParameterizedTest
  @MethodSource("minutesUnderTheHeading")
  void readsSedationMinutesUnderTheSedationHeading(String note, int minutes) {
    NoteReading r = Notes.read(note);
    assertThat(r.sedationIntraserviceMinutes()).as(note).hasValue(minutes);
    assertThat(r.documents(SEDATION_TIMES)).as(note).isTrue();
  }

  /** The procedure's own start or end in a sedation line, and the times written in words. */
  static Stream<Arguments> startAndStop() {
    return Stream.of(
        Arguments.of(
            "Anesthesia: deep sedation.\nIn room 15:05, scope in 15:12, scope out 15:37.",
            "15:05",
            "15:37"),
        Arguments.of("Anesthesia: General ETA, endoscopy start 0932 finish 0951", "09:32", "09:51"),
        Arguments.of("Anesthesia start 09:15; procedure end 10:02.", "09:15", "10:02"),
        Arguments.of("Anesthesia time nine twenty to ten oh five.", "09:20", "10:05"),
        Arguments.of("Sedation began at ten fifteen and ended at ten fifty-two.", "10:15", "10:52"),
        Arguments.of(
            "End colostomy since a resection back in 2009. Moderate sedation, sedation start 07:31"
                + " and end 08:02.",
            "07:31",
            "08:02"));
  }

  @ParameterizedTest
  @MethodSource("startAndStop")
  void readsTheSedationsStartAndStop(String note, String start, String stop) {
    NoteReading r = Notes.read(note);
    assertThat(r.documents(SEDATION_TIMES)).as(note).isTrue();
    assertThat(r.sedationStart()).as(note).hasValue(LocalTime.parse(start));
    assertThat(r.sedationStop()).as(note).hasValue(LocalTime.parse(stop));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "End colostomy after a colectomy for ischemic colitis in 2021. Moderate sedation given."
            + "\nAddendum 03/19, 17:10: distance correction.",
        "PRE-PROCEDURE NOTE (07:30): referred for stenosis.\nPROCEDURE (08:05): colonoscopy"
            + " through colostomy, MAC by anesthesia.",
        "Sedation: moderate, midazolam two mg, fentanyl fifty mcg."
      })
  void aYearOrAnEventTimeIsNoSedationTime(String note) {
    assertThat(Notes.read(note).documents(SEDATION_TIMES)).as(note).isFalse();
  }
}
