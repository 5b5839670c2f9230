/**
 * The narrative reader: what a 44405 procedure note documents, in the note's own words.
 *
 * <p>{@link org.stomacds.engine.narrative.NoteReader#read(String)} returns a {@link
 * org.stomacds.engine.narrative.NoteReading}: for each {@link
 * org.stomacds.engine.documentation.DocumentationElement} the mentions found (each with the
 * sentence it stands in and its offsets), and the values the rules need. Plain Java; no Spring, no
 * servlet or FHIR types. HTML (a FHIR narrative) goes through {@link
 * org.stomacds.engine.narrative.NoteReader#htmlToText(String)} first (jsoup parses it; {@code
 * HtmlText} lays out its text).
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
 * <h2>How it reads: a pipeline over data</h2>
 *
 * <p>The reader's knowledge is data under {@code narrative/} on the class path, read once at
 * start-up; a row that cannot be read fails the start with its file, line and row. The Java holds
 * the steps:
 *
 * <ol>
 *   <li><b>fold</b>: one lower-case copy of the note, same length, one kind of space, dash and
 *       quote, so offsets are shared ({@link org.stomacds.engine.narrative.NoteText});
 *   <li><b>sections</b>: headings, "Label:" lines and the first cell of a table row name the
 *       section a line is in ({@code narrative/section-labels.tsv}, each row with an example label
 *       a test reads; {@code Segmenter}, {@code LineLabels});
 *   <li><b>sentences</b>: the note cut into sentences that know their section ({@code
 *       SentenceEnds});
 *   <li><b>anchors</b>: one Aho-Corasick pass finds every feature word ({@code
 *       narrative/features.yaml}) and every phrase anchor; each sentence gets a bit per feature;
 *   <li><b>phrases</b>: the phrase tables ({@code narrative/phrases/<element>.yaml}, macros in
 *       {@code macros.yaml}, columns in {@code README.md} there): each row a pattern, a tag, the
 *       features its sentences must hold, the sections it skips, flags, an optional named guard
 *       ({@link org.stomacds.engine.narrative.NamedGuard}) and examples. A row's anchors are
 *       derived from its pattern ({@link org.stomacds.engine.narrative.PatternAnchors}: the literal
 *       text each top-level alternative starts with), never typed, and the row is tried only at the
 *       start of a word holding one;
 *   <li><b>context</b>: ConText-style cues around each match ({@code narrative/context-rules.yaml}:
 *       literal or pattern, category, direction, max_scope, examples) make it negated, not recorded
 *       or hypothetical; the negation scope is stricter than ConText's, crossing only FILLER words,
 *       and phrases of one list share their cues;
 *   <li><b>values</b>: numbers and what they measure ({@code NumberFinder} walks the number starts
 *       and hands each to {@code SizeFinder}, {@code DurationFinder}, {@code CountFinder} or {@code
 *       ClockFinder}; then {@code LumenReader}, {@code ExtentReader});
 *   <li><b>reading</b>: per element the mentions, each quoting its sentence (the evidence, with its
 *       offsets in the text as given), and the values.
 * </ol>
 *
 * <p>Every phrase row and context rule carries examples that tests read through the reader ({@code
 * PhraseExamplesTest}, {@code ContextRulesTest}). Every regex repetition is bounded, possessive or
 * anchored on a literal, and every backwards or forwards word walk is bounded, so reading is linear
 * in the length of the note: no input makes it backtrack catastrophically.
 *
 * <p>Cost: the anchor pass also records, per sentence, which cue words it holds, so the walks for
 * hypothetical and past/future cues run only in sentences that hold one; plain sizes and durations
 * ("15 mm", "45 sec") and "Label:" lines are read by index, the patterns kept for lists, words and
 * the rest; a reading makes the matchers of the patterns it tries, and keeps nothing after. A 1.2
 * KB note reads in about 65-70 us of CPU on the shared build machine; most of that is still the
 * phrase patterns (about 150 attempts per note) and the negation cue walks. The service facts
 * ({@code narrative/service-facts.yaml}) are read from the same fold and sentences ({@link
 * org.stomacds.engine.narrative.NoteReader#readWithService}), each row tried only where one of the
 * anchors derived from its pattern starts ({@code RowGate}), not searched for across every
 * sentence.
 */
package org.stomacds.engine.narrative;
