import { isHeld } from '../indicators/held';
import { SERVICES, type Match, type MentoringSession, type Service } from '../model';

export interface MentorStats {
  mentorId: string;
  sessions: number;
  minutes: number;
  services: Record<Service, number>;
  mentees: number;
}

/** Hours and service counts per mentor over sessions held by `today` (the local day) in [from, to] (either end optional). */
export function mentorStats(
  matches: readonly Match[],
  sessions: readonly MentoringSession[],
  from: string | undefined,
  to: string | undefined,
  today: string,
): Map<string, MentorStats> {
  const byMatch = new Map(matches.map((m) => [m.id, m]));
  const out = new Map<string, MentorStats>();
  const mentees = new Map<string, Set<string>>();
  for (const s of sessions) {
    if (!isHeld(s, today) || (from && s.date < from) || (to && s.date > to)) continue;
    const match = byMatch.get(s.matchId);
    if (!match) continue;
    let st = out.get(match.mentorId);
    if (!st) {
      st = {
        mentorId: match.mentorId,
        sessions: 0,
        minutes: 0,
        services: Object.fromEntries(SERVICES.map((x) => [x, 0])) as Record<Service, number>,
        mentees: 0,
      };
      out.set(match.mentorId, st);
      mentees.set(match.mentorId, new Set());
    }
    st.sessions++;
    st.minutes += s.minutes;
    for (const x of s.services) st.services[x]++;
    mentees.get(match.mentorId)!.add(match.menteeId);
  }
  for (const [id, st] of out) st.mentees = mentees.get(id)!.size;
  return out;
}
