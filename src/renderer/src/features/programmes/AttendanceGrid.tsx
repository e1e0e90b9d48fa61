import { Badge, Group, Kbd, Paper, Text } from '@mantine/core';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@shared/model';
import { attendanceStats, type CompletionResult } from '@shared/programmes';
import { useApp } from '../../app/AppContext';
import { useFormat } from '../../components/useFormat';
import { completions, participants, setAttendance, type EventDetail } from '../../db/programmes';

/** The same physical keys on a Latin and a Serbian Cyrillic keyboard (P/п, L/л, E/е, A/а), and 1–4. */
export const STATUS_KEYS: Record<string, AttendanceStatus> = {
  p: 'present', l: 'late', e: 'excused', a: 'absent',
  п: 'present', л: 'late', е: 'excused', а: 'absent',
  '1': 'present', '2': 'late', '3': 'excused', '4': 'absent',
};
export const STATUS_COLOR: Record<AttendanceStatus, string> = { present: 'teal', late: 'yellow', excused: 'blue', absent: 'red' };

/**
 * People × sessions. One cell is in the tab order at a time (roving tabindex); arrow keys,
 * Home/End and PageUp/PageDown move; P/L/E/A or 1–4 set a status and move to the next person;
 * Delete or 0 clears; Space cycles through the statuses.
 */
export function AttendanceGrid({ detail }: { detail: EventDetail }) {
  const { t } = useTranslation(['programmes']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const rows = participants(detail);
  const { sessions } = detail;
  const [pos, setPos] = useState<[number, number]>([0, 0]);
  const [focusWithin, setFocusWithin] = useState(false);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const marks = new Map(detail.attendance.map((a) => [`${a.sessionId}|${a.personId}`, a.status]));
  const done = completions(detail);
  const stats = attendanceStats(
    rows.map((r) => r.person.id),
    sessions.map((s) => s.id),
    detail.attendance,
  );

  useEffect(() => {
    if (focusWithin) cells.current.get(`${pos[0]}:${pos[1]}`)?.focus();
  }, [pos, focusWithin]);

  if (rows.length === 0 || sessions.length === 0) {
    return <Text c="dimmed">{t('programmes:attendance.empty')}</Text>;
  }

  const clamp = (r: number, c: number): [number, number] => [Math.max(0, Math.min(rows.length - 1, r)), Math.max(0, Math.min(sessions.length - 1, c))];
  const mark = (r: number, c: number, status: AttendanceStatus | null) => void setAttendance(db, actor, sessions[c]!.id, rows[r]!.person.id, status);

  const onKeyDown = (e: KeyboardEvent<HTMLTableElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    const [r, c] = pos;
    const key = e.key.toLowerCase();
    let next: [number, number] | null = null;
    if (e.key === 'ArrowDown') next = clamp(r + 1, c);
    else if (e.key === 'ArrowUp') next = clamp(r - 1, c);
    else if (e.key === 'ArrowRight') next = clamp(r, c + 1);
    else if (e.key === 'ArrowLeft') next = clamp(r, c - 1);
    else if (e.key === 'Home') next = e.ctrlKey ? [0, 0] : clamp(r, 0);
    else if (e.key === 'End') next = clamp(r, sessions.length - 1);
    else if (e.key === 'PageDown') next = clamp(r + 10, c);
    else if (e.key === 'PageUp') next = clamp(r - 10, c);
    else if (STATUS_KEYS[key]) {
      mark(r, c, STATUS_KEYS[key]);
      next = clamp(r + 1, c);
    } else if (e.key === 'Delete' || e.key === 'Backspace' || e.key === '0') {
      mark(r, c, null);
    } else if (e.key === ' ') {
      const current = marks.get(`${sessions[c]!.id}|${rows[r]!.person.id}`);
      mark(r, c, ATTENDANCE_STATUSES[(current ? ATTENDANCE_STATUSES.indexOf(current) + 1 : 0) % ATTENDANCE_STATUSES.length]!);
    } else return;
    e.preventDefault();
    if (next) setPos(next);
  };

  return (
    <>
      <Group gap="md" mb="sm" c="dimmed" fz="sm" aria-hidden>
        {ATTENDANCE_STATUSES.map((s, i) => (
          <Group gap={4} key={s}>
            <Kbd>{t(`programmes:attendance.keys.${s}`)}</Kbd>/<Kbd>{i + 1}</Kbd> {t(`programmes:attendance.status.${s}`)}
          </Group>
        ))}
        <Group gap={4}>
          <Kbd>Del</Kbd> {t('programmes:attendance.clear')}
        </Group>
      </Group>
      <Paper withBorder style={{ overflowX: 'auto' }}>
        <table
          role="grid"
          className="attendance-grid"
          aria-label={t('programmes:attendance.gridLabel')}
          aria-rowcount={rows.length + 2}
          aria-colcount={sessions.length + 2}
          onKeyDown={onKeyDown}
          onFocus={() => setFocusWithin(true)}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocusWithin(false);
          }}
          data-testid="attendance-grid"
        >
          <thead>
            <tr role="row" aria-rowindex={1}>
              <th role="columnheader" scope="col" aria-colindex={1}>
                {t('programmes:attendance.person')}
              </th>
              {sessions.map((s, c) => (
                <th role="columnheader" scope="col" key={s.id} aria-colindex={c + 2}>
                  {fmt.date(s.date)}
                  <br />
                  <Text span size="xs" c="dimmed">
                    {s.start}–{s.end}
                  </Text>
                </th>
              ))}
              <th role="columnheader" scope="col" aria-colindex={sessions.length + 2}>
                {t('programmes:attendance.completion')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ person }, r) => {
              const name = `${person.lastName}, ${person.firstName}`;
              const result: CompletionResult | undefined = done.get(person.id);
              return (
                <tr role="row" key={person.id} aria-rowindex={r + 2}>
                  <th role="rowheader" scope="row" aria-colindex={1}>
                    {name}
                  </th>
                  {sessions.map((s, c) => {
                    const status = marks.get(`${s.id}|${person.id}`);
                    const active = pos[0] === r && pos[1] === c;
                    return (
                      <td
                        role="gridcell"
                        key={s.id}
                        aria-colindex={c + 2}
                        tabIndex={active ? 0 : -1}
                        aria-selected={active}
                        aria-label={`${name}, ${fmt.date(s.date)}: ${status ? t(`programmes:attendance.status.${status}`) : t('programmes:attendance.unmarked')}`}
                        data-status={status ?? ''}
                        data-testid={`cell-${r}-${c}`}
                        ref={(el) => {
                          if (el) cells.current.set(`${r}:${c}`, el);
                          else cells.current.delete(`${r}:${c}`);
                        }}
                        onClick={() => setPos([r, c])}
                        className={active ? 'active' : undefined}
                      >
                        {status ? (
                          <Badge color={STATUS_COLOR[status]} variant={status === 'present' ? 'filled' : 'light'} size="lg" radius="sm" w={36} px={0}>
                            {t(`programmes:attendance.keys.${status}`)}
                          </Badge>
                        ) : (
                          <Text span c="dimmed">
                            ·
                          </Text>
                        )}
                      </td>
                    );
                  })}
                  <td role="gridcell" aria-colindex={sessions.length + 2} data-testid={`completion-${r}`}>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">
                        {result?.attended ?? 0}/{result?.total ?? sessions.length}
                      </Text>
                      {result?.met && (
                        <Badge color="teal" variant="light" size="sm">
                          {t('programmes:attendance.completed')}
                        </Badge>
                      )}
                    </Group>
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr role="row" aria-rowindex={rows.length + 2}>
              <th role="rowheader" scope="row" aria-colindex={1}>
                {t('programmes:attendance.attendedTotal')}
              </th>
              {sessions.map((s, c) => {
                const st = stats.bySession.get(s.id)!;
                return (
                  <td role="gridcell" key={s.id} aria-colindex={c + 2}>
                    {st.present + st.late}/{rows.length}
                  </td>
                );
              })}
              <td role="gridcell" aria-colindex={sessions.length + 2}>
                {fmt.number(Math.round(stats.rate * 100))} %
              </td>
            </tr>
          </tfoot>
        </table>
      </Paper>
    </>
  );
}
