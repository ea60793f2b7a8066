/**
 * A shipment's chain as the event timeline shows it: each entry read into what happened, where, when and who signed
 * it; estimates told apart from actual events and marked once superseded; corrections linked; stops grouped; and the
 * result of `/verify` mapped onto the entries. Pure, tested in test/chain.test.ts.
 */
import type { ChainEntry, VerifyResult } from './shipment-types';

export type Classifier = 'ACT' | 'EST' | 'PLN';

export interface TimelineItem {
  sequence: number;
  eventId: string;
  eventType: string;
  code: string;
  classifier: Classifier;
  /** When it happened (ACT) or is expected (EST) or planned (PLN). */
  time: string;
  recordedAt: string;
  place: string | null;
  mode: string | null;
  equipment: string | null;
  document: string | null;
  author: string;
  kid: string;
  correctsEventId: string | null;
  /** The sequence of the entry that corrects this one, when one does. */
  correctedBy: number | null;
  /** An estimate or plan overtaken by a later estimate or by the actual event at the same place. */
  superseded: boolean;
}

export interface TimelineGroup {
  /** The place the events of this group happened at; null for events that name none (paperwork). */
  place: string | null;
  items: TimelineItem[];
}

const WORDS: Record<string, [actual: string, expected: string]> = {
  ARRI: ['Arrived', 'Arrival'],
  DEPA: ['Departed', 'Departure'],
  LOAD: ['Loaded', 'Loading'],
  DISC: ['Discharged', 'Discharge'],
  GTIN: ['Gated in', 'Gate in'],
  GTOT: ['Gated out', 'Gate out'],
  STUF: ['Stuffed', 'Stuffing'],
  STRP: ['Stripped', 'Stripping'],
  PICK: ['Picked up', 'Pick-up'],
  DROP: ['Dropped off', 'Drop-off'],
  INSP: ['Inspected', 'Inspection'],
  RSEA: ['Resealed', 'Resealing'],
  RMVD: ['Removed', 'Removal'],
  RECE: ['Received', 'Receipt'],
  DRFT: ['Drafted', 'Draft'],
  PENA: ['Pending approval', 'Pending approval'],
  PENU: ['Pending update', 'Pending update'],
  REJE: ['Rejected', 'Rejection'],
  APPR: ['Approved', 'Approval'],
  ISSU: ['Issued', 'Issue'],
  SURR: ['Surrendered', 'Surrender'],
  SUBM: ['Submitted', 'Submission'],
  VOID: ['Voided', 'Voiding'],
  CONF: ['Confirmed', 'Confirmation'],
  REQS: ['Requested', 'Request'],
  CMPL: ['Completed', 'Completion'],
  HOLD: ['Held by customs', 'Hold'],
  RELS: ['Released by customs', 'Release'],
};

/** What happened, in words: "Arrived", or for an estimate "Arrival expected", for a plan "Departure planned". */
export function eventWords(code: string, classifier: Classifier): string {
  const words = WORDS[code];
  if (!words) return code;
  if (classifier === 'ACT') return words[0];
  return `${words[1]} ${classifier === 'EST' ? 'expected' : 'planned'}`;
}

export const CLASSIFIER_LABELS: Record<Classifier, string> = { ACT: 'actual', EST: 'estimated', PLN: 'planned' };

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

function member(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}

/** Reads one entry's event (its canonical JSON, as stored) into a timeline item; what is missing stays null. */
export function readEntry(entry: ChainEntry): TimelineItem {
  const e = entry.event;
  const classifier = text(e.eventClassifierCode);
  const call = e.transportCall;
  return {
    sequence: entry.sequence,
    eventId: entry.eventID,
    eventType: text(e.eventType) ?? 'UNKNOWN',
    code: text(e.transportEventTypeCode) ?? text(e.equipmentEventTypeCode) ?? text(e.shipmentEventTypeCode) ?? '?',
    classifier: classifier === 'EST' || classifier === 'PLN' ? classifier : 'ACT',
    time: text(e.eventDateTime) ?? entry.recordedAt,
    recordedAt: entry.recordedAt,
    place: text(member(call, 'UNLocationCode')) ?? text(member(e.eventLocation, 'UNLocationCode')),
    mode: text(member(call, 'modeOfTransport')),
    equipment: text(e.equipmentReference),
    document: text(e.documentID) ? `${text(e.documentTypeCode) ?? ''} ${text(e.documentID)}`.trim() : null,
    author: entry.author.partyID,
    kid: entry.author.kid,
    correctsEventId: text(e.correctsEventID),
    correctedBy: null,
    superseded: false,
  };
}

/**
 * The timeline: entries in the order things happened (event time, then chain order), corrections linked to what they
 * correct, estimates and plans marked superseded once a later entry (by sequence) estimates or reports the same event
 * code at the same place, and consecutive events at one place grouped as a stop.
 */
export function eventTimeline(entries: ChainEntry[]): TimelineGroup[] {
  const items = entries.map(readEntry);
  const byId = new Map(items.map((i) => [i.eventId, i]));
  for (const item of items) {
    const corrected = item.correctsEventId ? byId.get(item.correctsEventId) : undefined;
    if (corrected && corrected.sequence < item.sequence) corrected.correctedBy = item.sequence;
  }
  const latest = new Map<string, number>();
  for (const item of items) {
    const key = `${item.code}@${item.place ?? ''}`;
    latest.set(key, Math.max(latest.get(key) ?? 0, item.sequence));
  }
  for (const item of items) {
    if (item.classifier !== 'ACT') item.superseded = (latest.get(`${item.code}@${item.place ?? ''}`) ?? 0) > item.sequence;
  }
  items.sort((a, b) => Date.parse(a.time) - Date.parse(b.time) || a.sequence - b.sequence);
  const groups: TimelineGroup[] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last && last.place === item.place) last.items.push(item);
    else groups.push({ place: item.place, items: [item] });
  }
  return groups;
}

/** How an entry fares in the chain's verification. */
export type EntryCheck = 'verified' | 'broken' | 'unchecked';

export interface ChainView {
  state: 'intact' | 'broken';
  /** One sentence for people. */
  summary: string;
  /** The entry the chain breaks at, when it is one of the entries read; null otherwise. */
  brokenAt: number | null;
  /** Why it breaks there (the server's reason); null when intact. */
  reason: string | null;
  check(sequence: number): EntryCheck;
}

/**
 * Maps `/verify` onto the entries: every entry before the first broken one verified, that one broken, every later one
 * unchecked (the check stops there: nothing after a break can be trusted). A break past the last entry read means
 * entries were removed from the end.
 */
export function chainView(result: VerifyResult, sequences: number[]): ChainView {
  const broken = result.firstBroken;
  if (result.intact || !broken) {
    return {
      state: 'intact',
      summary: `The chain verifies: all ${result.entriesChecked} entries are signed by their authors and sealed in order; nothing was altered.`,
      brokenAt: null,
      reason: null,
      check: () => 'verified',
    };
  }
  const last = sequences.length > 0 ? Math.max(...sequences) : 0;
  const within = sequences.includes(broken.sequence);
  const summary = within
    ? `The chain is broken at entry ${broken.sequence}${broken.eventID ? ` (event ${broken.eventID})` : ''}: ${broken.reason}. Entries after it cannot be trusted.`
    : `The chain is broken after entry ${last}: ${broken.reason}.`;
  return {
    state: 'broken',
    summary,
    brokenAt: within ? broken.sequence : null,
    reason: broken.reason,
    check: (sequence) => (sequence < broken.sequence ? 'verified' : sequence === broken.sequence ? 'broken' : 'unchecked'),
  };
}

/** A key id shortened for the eye (the full id is in the title): the first 8 characters and an ellipsis. */
export function shortKid(kid: string): string {
  return kid.length > 10 ? `${kid.slice(0, 8)}…` : kid;
}
