// Type declarations for cable-viewer.js: the JS API and the <cable-viewer> element.
// The model is the JSON contract of src/cable/model.rs (camelCase; absent values are
// null or [], never missing). The end-to-end tests check these names against parseCable.

export type Classification = 'UNCLASSIFIED' | 'LIMITED OFFICIAL USE' | 'CONFIDENTIAL' | 'SECRET' | 'TOP SECRET';
export type Precedence = 'FLASH' | 'NIACT IMMEDIATE' | 'IMMEDIATE' | 'PRIORITY' | 'ROUTINE';

/** A byte range into the text the parser read (UTF-8 offsets). */
export interface Span {
  start: number;
  end: number;
}

export interface Addressee {
  routingIndicator: string | null;
  name: string;
  precedence: Precedence | null;
  mcn: string | null;
  /** Posts an `XMT` line excludes from this collective. */
  excluded: string[];
  line: number;
}

/** One cable a REF item cites (an item citing several, `A. BRASILIA 2799 AND 2764`, gives one each,
 *  with the same label and each one's own words as `text`), or an item that cites none. */
export interface Reference {
  label: string | null;
  text: string;
  /** The canonical reference ID when the reference is a cable (`09STATE12345`). */
  id: string | null;
  kind: 'cable' | 'email' | 'telcon' | 'memo' | 'report' | 'other';
  /** The ID's year is not written: it is the citing cable's, itself only estimated (`Cable.estimate`). */
  yearEstimated: boolean;
}

export interface Paragraph {
  number: number | null;
  /** The portion mark (`C`, `S//NF`, `SBU`). */
  marking: string | null;
  /** The paragraph's text with hard wraps joined. */
  text: string;
  kind: 'paragraph' | 'bullet' | 'summary' | 'comment' | 'note' | 'text';
  /** Its lines exactly as written. */
  original: string;
  span: Span;
  line: number;
}

export interface Section {
  title: string | null;
  paragraphs: Paragraph[];
}

export interface Transmission {
  id: string | null;
  channel: string | null;
  serial: string | null;
  routing: string[];
  station: string | null;
  stationSerial: string | null;
  section: string | null;
  filed: string | null;
  security: string | null;
  dtg: string | null;
}

/** What the container a cable came in says about it, kept apart from what the text says. */
export interface PageMeta {
  source: 'Cablegate page' | 'PlusD page' | 'cables.csv row' | 'cables.csv text file' | 'JSON record' | null;
  id: string | null;
  /** The canonical form of `id` when the container writes it otherwise (`1974ATHENS02959` → `74ATHENS2959`). */
  canonicalId: string | null;
  created: string | null;
  released: string | null;
  classification: string | null;
  currentClassification: string | null;
  handling: string | null;
  origin: string | null;
  to: string | null;
  tags: string | null;
  markings: string | null;
  references: string[];
}

export type DiagnosticKind =
  | 'not-a-cable' | 'binary' | 'invalid-utf8' | 'encoding' | 'line-not-understood' | 'lost-line-breaks' | 'written-line-breaks' | 'quote-marks'
  | 'double-spaced' | 'line-numbers' | 'digits-for-letters' | 'letters-for-digits' | 'more-records'
  | 'no-date-time-group' | 'year-from-caption' | 'id-from-envelope' | 'invalid-date' | 'envelope-disagrees'
  | 'unknown-station' | 'repaired' | 'impossible-section' | 'classification-from-envelope'
  | 'classification-from-archive' | 'handling-from-portions' | 'rejoined' | 'renumbered' | 'second-subject'
  | 'empty-subject' | 'caption-words' | 'sipdis-in-tags' | 'misspelt-precedence' | 'xmt-without-collective'
  | 'second-cable';

export interface Diagnostic {
  line: number | null;
  severity: 'info' | 'warning' | 'error';
  /** What it is about, for programs; `message` is for people and may change. */
  kind: DiagnosticKind;
  message: string;
}

/** The part of the model that holds an input line. */
export type Field =
  | 'partial' | 'date' | 'transmission' | 'precedence' | 'from' | 'addressees' | 'distribution' | 'caption'
  | 'banner' | 'handling' | 'passThrough' | 'executiveOrder' | 'tags' | 'subject' | 'references' | 'classifiedBy'
  | 'heading' | 'body' | 'signers' | 'container';

/** Layout lines the text no longer shows. */
export type Debris =
  | 'page-header' | 'section-marker' | 'banner' | 'caption' | 'repeated-header' | 'rule' | 'control-number'
  | 'end-of-text' | 'archive-trailer' | 'container' | 'another-cable';

/** An estimate, never mixed with what the text says. */
export interface Estimate {
  /** The year the cable was most likely sent. */
  year: number;
  /** The reference ID with that year. */
  id: string | null;
  /** How it was estimated, in words. */
  basis: string;
}

/** The Department's internal distribution of a 1970s telegram: offices, not addressees. */
export interface Distribution {
  /** The office a telegram the Department sent came from (`ORIGIN EUR-25`). */
  origin: string[];
  action: string[];
  info: string[];
  total: string | null;
  /** Who drafted, cleared and approved a telegram the Department sent, each line as written. */
  drafting: string[];
}

export interface Cable {
  inputFormat: 'text' | 'html' | 'csv' | 'json';
  /** The reference ID (`09USUNNEWYORK78`). */
  id: string | null;
  /** ISO 8601 UTC (`2009-02-03T02:52:00Z`); the day alone (`2003-06-03`) from a print-out. */
  date: string | null;
  dateSource: 'dtg' | 'dateline' | 'printout' | 'edition' | null;
  classification: Classification | null;
  handling: string[];
  origin: string | null;
  serial: string | null;
  from: string | null;
  precedence: Precedence | null;
  /** The lower precedence of a dual-precedence telegram (`P R …`): the info addressees'. */
  infoPrecedence: Precedence | null;
  to: Addressee[];
  info: Addressee[];
  distribution: Distribution | null;
  passThrough: string[];
  executiveOrder: string | null;
  declassifyOn: string | null;
  declassifyNote: string | null;
  tags: string[];
  subject: string | null;
  subjectMarking: string | null;
  references: Reference[];
  classifiedBy: string | null;
  reasons: string[];
  summary: string | null;
  signers: string[];
  sections: Section[];
  sectionOf: { section: number; total: number } | null;
  partial: boolean;
  /** Null when the text states its date-time group; otherwise the year estimated, marked as such. */
  estimate: Estimate | null;
  transmission: Transmission | null;
  page: PageMeta | null;
  removed: { line: number; kind: Debris; text: string }[];
  unknown: { line: number; text: string }[];
  diagnostics: Diagnostic[];
  spans: { field: Field; line: number; span: Span }[];
}

export interface Explanation {
  code: string;
  kind:
    | 'routingIndicator' | 'geographicTag' | 'regionTag' | 'subjectTag' | 'programTag' | 'organizationTag'
    | 'personTag' | 'precedence' | 'securityWarning' | 'operatingSignal' | 'handling' | 'portionMark'
    | 'classificationReason' | 'unknown';
  meaning: string | null;
  otherNames: number;
  field: string | null;
  note: string | null;
  source: string | null;
  certainty: 'listed' | 'inferred' | 'unknown';
}

/** Parses a cable (text, or a saved cable web page) into its model. Never throws on bad input. */
export function parseCable(text: string): Cable;
/** What a routing indicator, TAG, precedence, caption, portion mark or reason (`1.4(b)`) means. */
export function explain(code: string): Explanation;
/** The version of Cable Viewer; null when the wasm could not start. */
export const version: string | null;

export interface CableLoadDetail {
  id: string | null;
  subject: string | null;
  /** How many diagnostics the parser gave. */
  diagnostics: number;
}

export interface CableErrorDetail {
  type: 'fetch' | 'parse' | 'init';
  message: string;
}

/**
 * `<cable-viewer src="cable.txt" collapsed="metadata" highlight="term" theme="dark">`
 * The cable comes from the `text` property, else `src`, else the element's own text.
 */
export class CableViewerElement extends HTMLElement {
  /** The parsed model of the cable shown, or null before one is shown. */
  readonly cable: Cable | null;
  /** The cable's text; setting it shows that text. */
  text: string;
  /** Reflects the `src` attribute: a URL to fetch the cable from. */
  src: string;
}

declare global {
  interface HTMLElementTagNameMap {
    'cable-viewer': CableViewerElement;
  }
  interface HTMLElementEventMap {
    'cable-load': CustomEvent<CableLoadDetail>;
    'cable-error': CustomEvent<CableErrorDetail>;
  }
}
