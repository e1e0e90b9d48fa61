import { buildIcs, type CalendarSession } from '@shared/calendar/ics';
import type { EventSession, Programme, ProgrammeEvent } from '@shared/model';
import { platform } from '../../platform';

/** A safe file name from a title: letters, digits and dashes (diacritics dropped). */
export function fileSlug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd')
      .replace(/Đ/g, 'D')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'mreza'
  );
}

export function calendarSessions(programme: Programme, items: Array<{ event: ProgrammeEvent; sessions: EventSession[] }>): CalendarSession[] {
  return items.flatMap(({ event, sessions }) =>
    sessions.map((s) => ({
      id: s.id,
      date: s.date,
      start: s.start,
      end: s.end,
      country: s.country,
      title: `${event.number !== undefined ? `${event.number}. ` : ''}${event.title}`,
      description: [programme.title, event.topic, event.trainers.join(', ')].filter(Boolean).join('\n'),
      location: [s.venue, s.town].filter(Boolean).join(', '),
    })),
  );
}

export async function saveIcs(name: string, sessions: CalendarSession[]) {
  const text = buildIcs(sessions);
  return platform.invoke('file:save', {
    suggestedName: `${fileSlug(name)}.ics`,
    filters: [{ name: 'iCalendar', extensions: ['ics'] }],
    data: new TextEncoder().encode(text),
  });
}
