// Every length and window the parser judges by, in one place. Counts are of visible characters
// (`visibleLength`: no spaces, quotes, brackets or `*`) unless they say otherwise. Each has a test in
// test/unit/parse.thresholds.test.ts that shows a case on either side of it.

/** A heading's title stops at its first `。` only within this many code units: a longer first sentence is a title with no stop. */
export const TITLE_STOP_WINDOW = 60;
/** A heading line is read no further than this for its title: past it, the line is surely title plus body. */
export const TITLE_SCAN = 400;
/** Where a flattened heading's first child may start inside its title line (code units after the title's start). */
export const FIRST_CHILD_WINDOW = 60;

/** heading.merged at a gap: a line of more than this many characters holds a body after its title. */
export const MERGED_LINE_MIN = 40;
/** The gap comes after at least this many code units of title… */
export const MERGED_TITLE_MIN = 5;
/** …and within this many: a heading's title is rarely longer. */
export const MERGED_TITLE_MAX = 45;
/** What follows the gap is a body only if it runs at least this long. */
export const MERGED_BODY_MIN = 20;

/** A run-in measure (`强化平台招商。`) is a short verb phrase: at least this many characters… */
export const MEASURE_MIN = 4;
/** …and at most this many at the start of a paragraph or on its own line… */
export const MEASURE_MAX = 20;
/** …or this many in the middle of a paragraph, where a short body sentence must not pass. */
export const MEASURE_MAX_MID = 14;
/** Bold marks a measure explicitly (`**强化载体招商。**`): it may run this long. */
export const MEASURE_MAX_BOLD = 30;
/** Measures written in parallel (`要坚持…不停步，切实做到…` twice) may run this long. */
export const MEASURE_MAX_PARALLEL = 30;
/** A measure with one comma (`擦亮金字招牌,实现人气引流`) has a first clause of at most this many characters. */
export const MEASURE_FIRST_CLAUSE_MAX = 10;
/** Measures of one section are written alike: their lengths differ by at most this many characters. */
export const MEASURE_ALIKE_SPREAD = 6;
/** Parallel measures share at least this many leading characters (`要坚持`, `强化载`): two are too common (`街道`). */
export const PARALLEL_PREFIX = 3;

/** A run-in (`一是…`) whose first sentence runs longer than this is named by its first clause. */
export const RUN_IN_TITLE_MAX = 50;

/** An unnumbered heading (a short standalone line) has between these many characters. */
export const UNNUMBERED_MIN = 2;
export const UNNUMBERED_MAX = 30;

/** A document title has at most this many code units, on up to TITLE_LINES lines. */
export const TITLE_MAX = 60;
export const TITLE_LINES = 3;
/** Lines a covering notice may open with before its title (letterhead, number, issuers). */
export const NOTICE_HEAD_LINES = 4;
/** Lines a covering notice runs to at most, from its title to its date. */
export const NOTICE_MAX_LINES = 12;
/** A signature's date line and each issuer line above it are at most this long (code units). */
export const SIGNATURE_DATE_MAX = 20;
export const SIGNATURE_ISSUER_MAX = 30;
/** A marker alone on its line takes its title from a line at most this far below. */
export const SPLIT_TITLE_LINES = 2;
/**
 * A document-sharing site's chunk number (`2、`) interrupts a line of at least this many code units
 * that stops mid-sentence; a plan's own heading line is rarely so long without a stop.
 */
export const CHUNK_LINE_MIN = 80;
/** Web-page residue is looked for only in this many lines at the top. */
export const FRONT_MATTER_LINES = 40;
