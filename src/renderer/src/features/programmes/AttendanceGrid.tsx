import { Badge, Group, Kbd, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@shared/model';
import { attendanceStats, type CompletionResult } from '@shared/programmes';
import { useApp } from '../../session/AppContext';
import { useFormat } from '../../components/useFormat';
import { completions, participants, type EventDetail } from '../../db/programmes';
import { cycleAttendance, markAttendance } from './actions';
import { attendanceKeyMap, CLEAR_CODES, statusForKey } from './attendanceKeys';

export const STATUS_COLOR: Record<AttendanceStatus, string> = { present: 'teal', late: 'yellow', excused: 'blue', absent: 'red' };

/**
 * People × sessions. One cell is in the tab order at a time (roving tabindex). The cell with the
 * focus is the cell a key edits: a click focuses the cell clicked and nothing else, and nothing is
 * written without a key pressed on that cell. Arrow keys, Home/End and PageUp/PageDown move;
 * the language's letters (attendanceKeys.ts) or 1–4 set a status and move to the next person;
 * Delete or 0 clears; Space cycles through the statuses.
 */
export function AttendanceGrid({ detail }: { detail: EventDetail }) {
  const { t, i18n } = useTranslation(['programmes', 'common']);
  const { db, actor } = useApp();
  const fmt = useFormat();
  const rows = participants(detail, fmt.locale);
  const { sessions } = detail;
  const [pos, setPos] = useState<[number, number]>([0, 0]);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const marks = new Map(detail.attendance.map((a) => [`${a.sessionId}|${a.personId}`, a.status]));
  const done = completions(detail);
  const stats = attendanceStats(
    rows.map((r) => r.person.id),
    sessions.map((s) => s.id),
    detail.attendance,
  );
  const letters = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, t(`programmes:attendance.keys.${s}`)])) as Record<AttendanceStatus, string>;
  const keyMap = attendanceKeyMap(letters, i18n.language);

  // Rows can go (a withdrawal) while the grid is open: keep the roving cell inside the grid.
  const [r0, c0] = [Math.min(pos[0], Math.max(0, rows.length - 1)), Math.min(pos[1], Math.max(0, sessions.length - 1))];

  if (rows.length === 0 || sessions.length === 0) {
    return <Text c="dimmed">{t('programmes:attendance.empty')}</Text>;
  }

  const clamp = (r: number, c: number): [number, number] => [Math.max(0, Math.min(rows.length - 1, r)), Math.max(0, Math.min(sessions.length - 1, c))];
  // Keyboard moves focus the new cell; its onFocus makes it the roving cell.
  const moveTo = ([r, c]: [number, number]) => cells.current.get(`${r}:${c}`)?.focus();
  const failed = () => notifications.show({ color: 'red', title: t('common:errors.title'), message: t('programmes:attendance.notSaved') });
  const mark = (r: number, c: number, status: AttendanceStatus | null) =>
    markAttendance({ db, actor }, sessions[c]!.id, rows[r]!.person.id, status).catch(failed);

  const onCellKeyDown = (r: number, c: number) => (e: KeyboardEvent<HTMLTableCellElement>) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    let next: [number, number] | null = null;
    const status = statusForKey(keyMap, e);
    if (e.key === 'ArrowDown') next = clamp(r + 1, c);
    else if (e.key === 'ArrowUp') next = clamp(r - 1, c);
    else if (e.key === 'ArrowRight') next = clamp(r, c + 1);
    else if (e.key === 'ArrowLeft') next = clamp(r, c - 1);
    else if (e.key === 'Home') next = clamp(r, 0);
    else if (e.key === 'End') next = clamp(r, sessions.length - 1);
    else if (e.key === 'PageDown') next = clamp(r + 10, c);
    else if (e.key === 'PageUp') next = clamp(r - 10, c);
    else if (e.key === 'Delete' || e.key === 'Backspace' || CLEAR_CODES.has(e.code)) void mark(r, c, null);
    else if (e.key === ' ') void cycleAttendance({ db, actor }, sessions[c]!.id, rows[r]!.person.id).catch(failed);
    else if (status) {
      void mark(r, c, status);
      next = clamp(r + 1, c);
    } else return;
    e.preventDefault();
    if (next) moveTo(next);
  };

  if (rows.length === 0 || sessions.length === 0) {
    return <Text c="dimmed">{t('programmes:attendance.empty')}</Text>;
  }

  return (
    <>
      <Group gap="md" mb="sm" c="dimmed" fz="sm" id={`keys-${detail.event.id}`} data-testid="attendance-keys">
        {ATTENDANCE_STATUSES.map((s, i) => (
          <Group gap={4} key={s}>
            <Kbd>{letters[s]}</Kbd>/<Kbd>{i + 1}</Kbd> {t(`programmes:attendance.status.${s}`)}
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
          aria-describedby={`keys-${detail.event.id}`}
          aria-rowcount={rows.length + 2}
          aria-colcount={sessions.length + 2}
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
                    const active = r0 === r && c0 === c;
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
                        onFocus={() => setPos([r, c])}
                        onKeyDown={onCellKeyDown(r, c)}
                      >
                        {status ? (
                          <Badge color={STATUS_COLOR[status]} variant={status === 'present' ? 'filled' : 'light'} size="lg" radius="sm" w={36} px={0}>
                            {letters[status]}
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
