package org.stomacds.engine.narrative;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SegmenterTest {

  private static List<String> sentences(String text) {
    return Segmenter.split(text, NoteText.fold(text)).stream()
        .map(s -> text.substring(s.start(), s.end()))
        .toList();
  }

  private static List<Section> sections(String text) {
    return Segmenter.split(text, NoteText.fold(text)).stream().map(Sentence::section).toList();
  }

  @Test
  void keepsATerseItemApartFromTheLongLowerCaseLineAboveIt() {
    assertThat(
            sentences(
                "pt 72m, hx rectal ca s/p APR 2021 w end colost, now c/o obstipation\n"
                    + "scope thru colost: stx @ fascia 2cm"))
        .hasSize(2);
    // a bracket left open goes on whatever opens the next line
    assertThat(
            sentences(
                "Stricture 12 cm from stoma, now about 9 mm (passes the ped\n"
                    + "scope with resistance). CRE 12 mm x1."))
        .startsWith(
            "Stricture 12 cm from stoma, now about 9 mm (passes the ped\n"
                + "scope with resistance).");
  }

  @Test
  void readsAFieldWhoseLabelADashEnds() {
    String text =
        "Indication - obstructive episodes, stomal narrowing\n"
            + "Sedation - propofol given by the anaesthetist, 1110 to 1135\n"
            + "Stx - 3 cm in";
    assertThat(sections(text)).containsExactly(Section.INDICATION, Section.SEDATION, Section.OTHER);
    assertThat(sentences(text)).hasSize(3);
  }

  @Test
  void splitsSentencesButNotDecimalsOrAbbreviations() {
    assertThat(sentences("Dilated to 16.5 mm. Lumen approx. 6 mm. Done!"))
        .containsExactly("Dilated to 16.5 mm.", "Lumen approx. 6 mm.", "Done!");
  }

  @Test
  void joinsHardWrappedLinesOfADictatedParagraph() {
    String text =
        "The stricture at the fascial level was dilated with a 15 mm CRE balloon and the\n"
            + "scope then passed easily into the proximal colon.";
    assertThat(sentences(text)).hasSize(1);
  }

  @Test
  void joinsAnExportsLineBrokenAfterAWordNoLineEndsOn() {
    assertThat(sentences("PROCEDURE:\nColonoscopy via\nend colostomy with\nballoon dilation"))
        .containsExactly("PROCEDURE:", "Colonoscopy via\nend colostomy with\nballoon dilation");
    // "go through" ends a line of its own
    assertThat(sentences("Scope would not go through\nballoon 12 mm x2")).hasSize(2);
  }

  @Test
  void keepsALineInCapitalsApartFromTheLabelledLineAboveIt() {
    // a long field line, then the next fact in capitals
    String text =
        "Ind: stoma narrowing, high output/obstructive sx before takedown\n"
            + "MAC (anesth) 1115-1140\n"
            + "PCF into afferent limb. Stricture 4cm from skin, ~8mm (est vs 9.8mm PCF, no pass).";
    assertThat(sections(text).subList(0, 2)).containsExactly(Section.INDICATION, Section.OTHER);
    assertThat(
            sentences(
                "Proximal limb: tight ring 3 cm in, lumen ~6 mm, adult scope would not go through\n"
                    + "TTS 13.5 mm balloon, 2 inflations"))
        .hasSize(2);
    // a wrapped paragraph with no label goes on, and so do the rows of a table drawn in text
    assertThat(
            sentences(
                "The stricture was dilated with a TTS balloon to 15 mm and the colonoscope\n"
                    + "CF-HQ190 then passed easily into the proximal colon to the caecum."))
        .hasSize(1);
    assertThat(
            sentences(
                "Site | Balloon (TTS, CRE) | Sizes inflated | Hold | Result of the dilation\n"
                    + "A (15 cm) | 12-13.5-15 mm | 12, 13.5, 15 | 30 s each | lumen ~15 mm"))
        .hasSize(1);
  }

  @Test
  void aLabelLaterInTheLineGovernsItsOwnSentenceNotTheOneBeforeIt() {
    assertThat(sections("Colonoscopy through the colostomy. Indication: stomal stricture."))
        .containsExactly(Section.OTHER, Section.INDICATION);
    assertThat(sections("No. of inflations: 3")).hasSize(1);
  }

  @Test
  void keepsTemplateLinesApart() {
    assertThat(sentences("Balloon: 15 mm\nInflations: 3\nDuration: 60 s"))
        .containsExactly("Balloon: 15 mm", "Inflations: 3", "Duration: 60 s");
  }

  @Test
  void givesContentUnderAHeadingTheHeadingsSection() {
    String text = "INDICATIONS:\nStomal stenosis\nProcedure: colonoscopy\n\nPLAN:\nResume diet";
    assertThat(sections(text))
        .containsExactly(
            Section.INDICATION, Section.INDICATION, Section.TITLE, Section.PLAN, Section.PLAN);
  }

  @Test
  void readsANotesFirstLineNamingTheProcedureAsItsTitle() {
    assertThat(sections("loop ileo endoscopy w balon dil\nCrohns, stricture at fascia"))
        .containsExactly(Section.TITLE, Section.OTHER);
    assertThat(sections("colonsocopy thru colostomy w ballon dilation\npt w end colostomy"))
        .containsExactly(Section.TITLE, Section.OTHER);
  }

  @Test
  void doesNotTakeAFirstLineOfFindingsForATitle() {
    assertThat(sections("scope thru stoma, stricture at 10 cm dilated\nNo cx"))
        .containsExactly(Section.OTHER, Section.OTHER);
    assertThat(sections("Patient tolerated the procedure well.\nNo complications."))
        .containsExactly(Section.OTHER, Section.OTHER);
  }

  @Test
  void readsATemplatesLeaderDotsAsTheLabelsColon() {
    assertThat(sections("Complications .... None immediate\nPlan ...... resume diet"))
        .containsExactly(Section.COMPLICATIONS, Section.PLAN);
    assertThat(sections("The balloon was inflated... then the scope passed through the stoma."))
        .containsOnly(Section.OTHER);
  }

  @Test
  void aProcedureHeadingAloneOnItsLineHeadsTheNarrativeNotATitle() {
    assertThat(sections("PROCEDURE:\nThe scope was passed through the stoma."))
        .containsExactly(Section.OTHER, Section.OTHER);
  }

  @Test
  void aLabelGovernsTheRestOfAShortLine() {
    assertThat(sections("Plan: resume diet. Follow up in 6 weeks."))
        .containsExactly(Section.PLAN, Section.PLAN);
  }

  @Test
  void aLabelOpeningADictatedParagraphGovernsOnlyItsFirstSentence() {
    String text =
        "Indication: colostomy stenosis. Under MAC the scope was inserted through the colostomy."
            + " The stricture was dilated with an 18 mm balloon. Cecum reached.";
    assertThat(sections(text))
        .containsExactly(Section.INDICATION, Section.OTHER, Section.OTHER, Section.OTHER);
  }

  @Test
  void readsCapitalHeadingsWithoutAColon() {
    assertThat(sections("COMPLICATIONS\nNone"))
        .containsExactly(Section.COMPLICATIONS, Section.COMPLICATIONS);
  }

  @Test
  void aBlankLineEndsAHeadingsSection() {
    assertThat(sections("SEDATION:\nMAC\n\nThe cecum was reached."))
        .containsExactly(Section.SEDATION, Section.SEDATION, Section.OTHER);
  }

  @Test
  void aLabelWithATimeIsStillALabel() {
    List<Sentence> s = Segmenter.split("Start time: 09:12", NoteText.fold("Start time: 09:12"));
    assertThat(s).hasSize(1);
    assertThat(s.get(0).contentStart()).isEqualTo("Start time: ".length());
  }

  @Test
  void readsALabelAfterABulletOrAListNumber() {
    assertThat(sections("- Indication: stomal stenosis\n** Plan: soft diet\n3) Sedation: MAC"))
        .containsExactly(Section.INDICATION, Section.PLAN, Section.SEDATION);
    String numbered = "12.  Plan :  resume diet";
    List<Sentence> s = Segmenter.split(numbered, NoteText.fold(numbered));
    assertThat(s.get(0).section()).isEqualTo(Section.PLAN);
    assertThat(s.get(0).contentStart()).isEqualTo("12.  Plan :  ".length());
  }

  @Test
  void takesNoLabelFromATimeALongPhraseOrAnUnspacedListNumber() {
    assertThat(sections("At 09:12 the plan changed")).containsExactly(Section.OTHER);
    assertThat(sections("1.Plan: resume diet")).containsExactly(Section.OTHER);
    assertThat(
            sections(
                "The patient and family were told in detail what the plan was going to be: resume"
                    + " diet"))
        .containsExactly(Section.OTHER);
    assertThat(sections("Plan; resume diet: soft")).containsExactly(Section.OTHER);
  }
}
