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

export interface Reference {
  label: string | null;
  text: string;
  /** The canonical reference ID when the reference is a cable (`09STATE12345`). */
  id: string | null;
  kind: 'cable' | 'email' | 'telcon' | 'memo' | 'report' | 'other';
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

/** A saved Cablegate page's own metadata table, kept apart from the text. */
export interface PageMeta {
  id: string | null;
  created: string | null;
  released: string | null;
  classification: string | null;
  origin: string | null;
}

export interface Diagnostic {
  line: number | null;
  severity: 'info' | 'warning' | 'error';
  message: string;
}

export interface Cable {
  inputFormat: 'text' | 'html';
  /** The reference ID (`09USUNNEWYORK78`). */
  id: string | null;
  /** ISO 8601 UTC (`2009-02-03T02:52:00Z`). */
  date: string | null;
  dateSource: 'dtg' | 'dateline' | null;
  classification: Classification | null;
  handling: string[];
  origin: string | null;
  serial: string | null;
  from: string | null;
  precedence: Precedence | null;
  to: Addressee[];
  info: Addressee[];
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
  transmission: Transmission | null;
  page: PageMeta | null;
  removed: { line: number; kind: string; text: string }[];
  unknown: { line: number; text: string }[];
  diagnostics: Diagnostic[];
  spans: { field: string; line: number; span: Span }[];
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
