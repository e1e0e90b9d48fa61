import { buildIcs, type CalendarSession } from '../calendar/ics';
import type { Country, MentoringSession } from '../model';

export interface PlannedSessionEvent {
  session: Pick<MentoringSession, 'id' | 'date' | 'time' | 'minutes' | 'mode' | 'topics'>;
  title: string;
  country: Country;
  location?: string;
}

const endTime = (start: string, minutes: number) => {
  const [h, m] = start.split(':').map(Number) as [number, number];
  const total = Math.min(h * 60 + m + minutes, 23 * 60 + 59);
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`;
};

/** An .ics file of planned mentoring sessions (no confidential notes: title, time, topics only). */
export function plannedSessionsIcs(events: readonly PlannedSessionEvent[]): string {
  const sessions: CalendarSession[] = events.map(({ session, title, country, location }) => {
    const start = session.time ?? '10:00';
    return { id: session.id, date: session.date, start, end: endTime(start, session.minutes), country, title, description: session.topics, location };
  });
  return buildIcs(sessions, 'mreza/mentoring');
}
