/**
 * The narrative reader: what a 44405 procedure note documents, in the note's own words.
 *
 * <p>{@link org.stomacds.engine.narrative.NoteReader#read(String)} returns a {@link
 * org.stomacds.engine.narrative.NoteReading}: for each {@link
 * org.stomacds.engine.documentation.DocumentationElement} the mentions found (each with the
 * sentence it stands in and its offsets), and the values the rules need. Plain Java; no Spring, no
 * servlet or FHIR types. HTML (a FHIR narrative) goes through {@link
 * org.stomacds.engine.narrative.NoteReader#htmlToText(String)} first.
 *
 * <h2>What "documents" means</h2>
 *
 * <ul>
 *   <li>A mention is <em>negated</em> when the note names the element only to say it is missing
 *       ("balloon size not recorded", "complications: not documented", "inflation count unknown")
 *       or that the thing was not done where that leaves nothing documented ("no fluoroscopy was
 *       used", "without unusual difficulty", "no other strictures").
 *   <li>Absence that is documentation is not negated: "no complications", "EBL minimal", "no
 *       bleeding" document complications; "no sedation" documents sedation type {@code NONE}; "did
 *       not reach the cecum" documents an incomplete extent.
 *   <li>Risks, plans, history and things checked for document nothing ("risks of perforation were
 *       explained", "will repeat dilation to 20 mm", "prior colonoscopy reached the cecum").
 *   <li>{@link org.stomacds.engine.narrative.NoteReading#mention} prefers a documenting mention
 *       over a negated one, so a note that says "balloon size not recorded" and later "dilated to
 *       15 mm" documents the balloon.
 * </ul>
 *
 * <h2>Values</h2>
 *
 * <ul>
 *   <li>Sizes are millimetres ("1 cm" is 10). Balloon sizes are listed once each, in note order;
 *       the integer view rounds half up ("16.5" gives 17) and {@code balloonDiametersMmExact()}
 *       keeps the decimals.
 *   <li>A size is a balloon, a lumen or something else (distance, length, scope, polyp) by the
 *       words right after it, then the nearest telling word before it. A lumen is the lumen before
 *       dilation unless its sentence says after ("post-dilation", "after dilation", "resulting") or
 *       it stands after the first sign of this procedure's dilation in the note.
 *   <li>When a value is stated more than once (inflation count, duration, lumen), the first
 *       statement in note order is returned; every statement is a mention.
 *   <li>Sedation minutes are the stated intraservice minutes, else stop minus start.
 * </ul>
 *
 * <h2>How it reads</h2>
 *
 * <p>The note is folded (lower case, one kind of space and dash, same length so offsets are shared)
 * and cut into sentences that know their section (from headings, "Label:" lines and the first cell
 * of a table row; which section a label names is data, {@code narrative/section-labels.tsv}, each
 * row with an example label that a test reads). One Aho-Corasick pass finds every anchor word; each
 * phrasing ({@link org.stomacds.engine.narrative.Lexicon}, tables in the {@code *Phrasings}
 * classes) is tried only at the start of words holding one of its anchors. Every regex repetition
 * is bounded, possessive or anchored on a literal, and every backwards or forwards word walk is
 * bounded, so reading is linear in the length of the note: no input makes it backtrack
 * catastrophically.
 *
 * <p>Cost: the anchor pass also records, per sentence, which cue words it holds, so the walks for
 * hypothetical and past/future cues run only in sentences that hold one; plain sizes and durations
 * ("15 mm", "45 sec") and "Label:" lines are read by index, the patterns kept for lists, words and
 * the rest; each thread keeps its matchers from reading to reading ({@code Scratch}). A 1.2 KB note
 * reads in about 65-70 us of CPU on the shared build machine; most of that is still the phrase
 * patterns (about 150 attempts per note) and the negation cue walks.
 */
package org.stomacds.engine.narrative;
