import { DEFAULT_WEIGHTS, type ExpertiseArea, type MatchingWeights } from '../model/mentoring';
import { municipalityKey } from '../gazetteer';
import { foldKey } from './fold';
import { normaliseLanguageCode } from '../mentoring/languages';

/** A reason in words, as an i18n key of the `mentoring` namespace and its parameters: never English text. */
export interface Reason {
  key: string;
  params?: Record<string, string | number>;
}

/** What matching needs to know about a mentor (plain data, from the mentor profile and the person). */
export interface MentorInput {
  id: string;
  personId: string;
  gender?: string;
  municipality?: string;
  region?: string;
  expertise: readonly ExpertiseArea[];
  sectors: readonly string[];
  languages: readonly string[];
  remote: boolean;
  capacity: number;
  /** Mentees already with this mentor (active or paused matches). */
  load: number;
  active: boolean;
}

export interface MenteeInput {
  /** The mentee's person id. */
  id: string;
  municipality?: string;
  region?: string;
  sector?: string;
  needs: readonly ExpertiseArea[];
  /** Preferred language first. */
  languages: readonly string[];
  remote: boolean;
  mentorGender: 'any' | 'woman' | 'man';
  avoidPersonIds: readonly string[];
}

export interface PairScore {
  score: number;
  /** False when a hard rule forbids the pair; `blocked` says which. */
  eligible: boolean;
  reasons: Reason[];
  blocked: Reason[];
}

/**
 * Hard rules that capacity aside forbid a pair: a paused mentor, no language in common, the
 * mentee's stated preference, a conflict of interest. Capacity is checked by the caller
 * (suggestions) or by the assignment itself (slots).
 */
export function hardBlocks(mentor: MentorInput, mentee: MenteeInput): Reason[] {
  const blocked: Reason[] = [];
  if (!mentor.active) blocked.push({ key: 'blocked.paused' });
  if (mentor.personId === mentee.id) blocked.push({ key: 'blocked.self' });
  const mentorLanguages = mentor.languages.map(normaliseLanguageCode);
  if (mentee.languages.length > 0 && mentorLanguages.length > 0 && !mentee.languages.some((l) => mentorLanguages.includes(normaliseLanguageCode(l))))
    blocked.push({ key: 'blocked.noLanguage' });
  if (mentee.mentorGender !== 'any' && mentor.gender !== mentee.mentorGender) blocked.push({ key: `blocked.preference.${mentee.mentorGender}` });
  if (mentee.avoidPersonIds.includes(mentor.personId)) blocked.push({ key: 'blocked.conflict' });
  return blocked;
}

/** The score of one pair (an integer, higher is better) with the reasons for it in words. */
export function scorePair(mentor: MentorInput, mentee: MenteeInput, weights: MatchingWeights = DEFAULT_WEIGHTS): PairScore {
  const blocked = hardBlocks(mentor, mentee);
  const reasons: Reason[] = [];
  let score = 0;
  if (mentee.needs.length > 0) {
    const shared = mentee.needs.filter((n) => mentor.expertise.includes(n)).length;
    if (shared > 0) {
      score += Math.round((weights.needs * shared) / mentee.needs.length);
      reasons.push({ key: 'reasons.needs', params: { count: shared, total: mentee.needs.length } });
    }
  }
  if (mentee.sector && mentor.sectors.some((s) => foldKey(s) === foldKey(mentee.sector!))) {
    score += weights.sector;
    reasons.push({ key: 'reasons.sector', params: { sector: mentee.sector } });
  }
  const sameTown = !!mentee.municipality && !!mentor.municipality && municipalityKey(mentee.municipality) === municipalityKey(mentor.municipality);
  const sameRegion = !!mentee.region && !!mentor.region && foldKey(mentee.region) === foldKey(mentor.region);
  if (sameTown) {
    score += weights.municipality;
    reasons.push({ key: 'reasons.sameMunicipality', params: { municipality: mentee.municipality! } });
  } else if (sameRegion) {
    score += weights.region;
    reasons.push({ key: 'reasons.sameRegion', params: { region: mentee.region! } });
  }
  const preferred = mentee.languages[0] === undefined ? undefined : normaliseLanguageCode(mentee.languages[0]);
  if (preferred && mentor.languages.map(normaliseLanguageCode).includes(preferred)) {
    score += weights.language;
    reasons.push({ key: 'reasons.speaks', params: { language: preferred } });
  }
  if (!sameTown) {
    if (mentor.remote && mentee.remote) {
      score += weights.remote;
      reasons.push({ key: 'reasons.remote' });
    } else {
      reasons.push({ key: 'reasons.farAway' });
    }
  }
  return { score, eligible: blocked.length === 0, reasons, blocked };
}

export interface Suggestion extends PairScore {
  mentorId: string;
  freePlaces: number;
}

/** Mentors for one mentee, best first; those a hard rule (or a full diary) excludes come last, saying why. */
export function suggest(mentee: MenteeInput, mentors: readonly MentorInput[], weights: MatchingWeights = DEFAULT_WEIGHTS): Suggestion[] {
  return mentors
    .map((m) => {
      const s = scorePair(m, mentee, weights);
      const freePlaces = Math.max(0, m.capacity - m.load);
      const blocked = freePlaces === 0 ? [...s.blocked, { key: 'blocked.full' }] : s.blocked;
      const reasons = freePlaces > 0 ? [...s.reasons, { key: 'reasons.freePlaces', params: { count: freePlaces } }] : s.reasons;
      return { ...s, reasons, blocked, eligible: blocked.length === 0, mentorId: m.id, freePlaces };
    })
    .sort((a, b) => Number(b.eligible) - Number(a.eligible) || b.score - a.score || b.freePlaces - a.freePlaces);
}
