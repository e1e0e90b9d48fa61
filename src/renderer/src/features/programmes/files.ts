import { buildIcs, type CalendarSession } from '@shared/calendar/ics';
import { fileSlug } from '@shared/files/slug';
import type { EventSession, Programme, ProgrammeEvent } from '@shared/model';
import { platform } from '../../platform';

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
