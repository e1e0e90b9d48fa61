import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { generateOrgKeys, openWithPassphrase, fromUtf8, type OrgKeys } from '@shared/crypto';
import { buildDemoData } from '@shared/demo/demoData';
import { TABLE_SCHEMAS, type IssuedMentorPack, type MentoringSession } from '@shared/model';
import {
  MentorPackError,
  PACK_POLICY,
  PACK_TABLES,
  planReturn,
  readMentorLogs,
  readMentorPack,
  writeMentorLogs,
  writeMentorPack,
  type PackSource,
  type ReturnPlan,
} from '@shared/mentorPack';

const PASS = 'zelena-livada-2026';
const ITER = { iterations: 100_000 };
const ORG = { id: '11111111-1111-4111-8111-111111111111', name: 'Udruga Korak', country: 'HR' as const, town: 'Čakovec' };

/** Demo data with markers in every field that must stay with the coordinator. */
function source(): PackSource {
  const d = buildDemoData(ORG.id, new Date('2026-10-01T10:00:00Z'), () => crypto.randomUUID());
  const people = d.people.map((p) => ({
    ...p,
    notes: 'SECRET-PERSON-NOTE',
    institution: 'SECRET-INSTITUTION',
    jobTitle: 'SECRET-JOB',
    targetGroups: ['violenceSurvivor' as const],
    birthYear: 1977,
  }));
  return {
    people,
    consents: d.consents,
    mentors: d.mentors,
    matches: d.matches.map((m) => ({ ...m, checks: [{ date: '2026-06-01', working: 'partly' as const, note: 'SECRET-CHECK' }], score: 77.5 })),
    menteeProfiles: d.matches.map((m) => ({
      id: crypto.randomUUID(),
      orgId: ORG.id,
      createdAt: '2026-05-01T10:00:00.000Z',
      updatedAt: '2026-05-01T10:00:00.000Z',
      personId: m.menteeId,
      stage: 'idea' as const,
      needs: ['finance' as const],
      languages: ['hr'],
      remote: false,
      mentorGender: 'woman' as const,
      avoidPersonIds: [d.people[0]!.id],
      notes: 'SECRET-PROFILE-NOTE',
    })),
    mentoringSessions: d.mentoringSessions.map((s) => ({ ...s, note: 'SECRET-SESSION-NOTE' })),
  };
}

/** The mentor with the most active matches in the demo data. */
function busiestMentor(src: PackSource): string {
  const counts = new Map<string, number>();
  for (const m of src.matches) if (m.status === 'active') counts.set(m.mentorId, (counts.get(m.mentorId) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
}

async function world() {
  const src = source();
  const mentorId = busiestMentor(src);
  const orgKeys = await generateOrgKeys();
  const mentorKeys = await generateOrgKeys();
  const pack = await writeMentorPack({
    source: src,
    mentorId,
    organisation: ORG,
    keys: orgKeys,
    passphrase: PASS,
    now: new Date('2026-10-02T08:00:00Z'),
    ...ITER,
  });
  return { src, mentorId, orgKeys, mentorKeys, pack };
}

const code = async (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof MentorPackError ? e.code : `other: ${String(e)}`),
  );

describe('mentor pack', () => {
  it('classifies every field of every table it carries', () => {
    for (const table of PACK_TABLES) {
      const fields = Object.keys((TABLE_SCHEMAS[table] as unknown as { shape: object }).shape).sort();
      expect(Object.keys(PACK_POLICY[table]).sort(), table).toEqual(fields);
    }
  });

  it('round trip: one mentor, her active matches, those mentees, their needs and logs', async () => {
    const { src, mentorId, pack } = await world();
    const opened = await readMentorPack(pack.bytes, PASS);
    const active = src.matches.filter((m) => m.mentorId === mentorId && m.status === 'active');
    expect(opened.manifest.mentor.id).toBe(mentorId);
    expect(opened.rows.mentors).toHaveLength(1);
    expect(opened.rows.matches.map((m) => m.id).sort()).toEqual(active.map((m) => m.id).sort());
    expect(opened.rows.people).toHaveLength(active.length + 1);
    expect(opened.rows.menteeProfiles).toHaveLength(active.length);
    expect(opened.rows.mentoringSessions.length).toBe(src.mentoringSessions.filter((s) => active.some((m) => m.id === s.matchId)).length);
    expect(pack.fileName).toMatch(/^mreza-mentor-pack-[a-z-]+-2026-10-02\.mreza-mentor$/);
  });

  it('the decrypted pack holds no notes, special-category data or other people', async () => {
    const { src, mentorId, pack } = await world();
    const plain = await openWithPassphrase(pack.bytes, PASS, 'mentorPack');
    const sigLength = new DataView(plain.buffer, plain.byteOffset).getUint32(8);
    const entries = unzipSync(plain.subarray(12 + sigLength));
    const text = Object.values(entries)
      .map((b) => fromUtf8(b))
      .join('\n');
    for (const marker of ['SECRET', 'violenceSurvivor', 'targetGroups', 'birthYear', '1977', 'avoidPersonIds', 'mentorGender', '77.5', 'checks'])
      expect(text, marker).not.toContain(marker);
    const inPack = new Set([mentorId, ...src.matches.filter((m) => m.mentorId === mentorId && m.status === 'active').map((m) => m.menteeId)]);
    const mentorPersonIds = new Set(src.mentors.filter((m) => inPack.has(m.id)).map((m) => m.personId));
    for (const p of src.people) if (!inPack.has(p.id) && !mentorPersonIds.has(p.id)) expect(text).not.toContain(p.id);
  });

  it('contact details travel only with a processing consent', async () => {
    const src = source();
    const mentorId = busiestMentor(src);
    const mentee = src.matches.find((m) => m.mentorId === mentorId && m.status === 'active')!.menteeId;
    src.consents = src.consents.map((c) => (c.personId === mentee ? { ...c, withdrawnAt: '2026-09-01' } : c));
    const pack = await writeMentorPack({ source: src, mentorId, organisation: ORG, keys: await generateOrgKeys(), passphrase: PASS, ...ITER });
    const row = (await readMentorPack(pack.bytes, PASS)).rows.people.find((p) => p.id === mentee)!;
    expect(row.phone).toBeUndefined();
    expect(row.email).toBeUndefined();
    expect(row.firstName).toBeTruthy();
  });

  it('wrong passphrase, flipped bytes, truncation and other files are refused with a reason', async () => {
    const { pack, orgKeys } = await world();
    expect(await code(readMentorPack(pack.bytes, 'not-the-passphrase'))).toBe('wrongPassphrase');
    for (const at of [5, 20, 45, 60, Math.floor(pack.bytes.length / 2), pack.bytes.length - 1]) {
      const bad = pack.bytes.slice();
      bad[at]! ^= 0x01;
      expect(['damaged', 'wrongPassphrase', 'notAPack'], `byte ${at}`).toContain(await code(readMentorPack(bad, PASS)));
    }
    expect(await code(readMentorPack(pack.bytes.slice(0, pack.bytes.length - 7), PASS))).toBe('damaged');
    expect(await code(readMentorPack(new TextEncoder().encode('Ime;Prezime\nAna;Horvat'), PASS))).toBe('notAPack');
    const logs = await writeMentorLogs({
      pack: { packId: crypto.randomUUID(), mentorId: crypto.randomUUID(), organisationId: ORG.id, orgPublicKeys: orgKeys.publicKeys },
      sessions: [],
      keys: orgKeys,
      installationId: 'x',
      mentorName: 'A B',
    });
    expect(await code(readMentorPack(logs.bytes, PASS))).toBe('notAPack');
  });
});

describe('session logs back to the coordinator', () => {
  const newSession = (matchId: string, date: string, orgId = ORG.id): MentoringSession => ({
    id: crypto.randomUUID(),
    orgId,
    createdAt: `${date}T12:00:00.000Z`,
    updatedAt: `${date}T12:00:00.000Z`,
    matchId,
    date,
    minutes: 60,
    mode: 'phone',
    services: ['businessCounselling'],
    note: 'the mentor’s own note',
    nextSteps: 'Poslovni plan do petka',
    followUpOn: '2026-11-20',
  });

  async function setting() {
    const w = await world();
    const opened = await readMentorPack(w.pack.bytes, PASS);
    const issued: IssuedMentorPack = { packId: w.pack.manifest.packId, mentorId: w.mentorId, matchIds: w.pack.matchIds, createdAt: w.pack.manifest.createdAt };
    const local = new Map(w.src.mentoringSessions.map((s) => [s.id, s]));
    const mentorSessions = opened.rows.mentoringSessions as unknown as MentoringSession[];
    const pk = { packId: issued.packId, mentorId: w.mentorId, organisationId: ORG.id, orgPublicKeys: w.orgKeys.publicKeys };
    const exportLogs = async (sessions: MentoringSession[], at: string, keys: OrgKeys = w.mentorKeys) =>
      readMentorLogs(
        (await writeMentorLogs({ pack: pk, sessions, keys, installationId: 'mentor-1', mentorName: 'Vesna K', now: new Date(at) })).bytes,
        w.orgKeys,
      );
    /** What commit does: write the rows, pin the key, remember the export. */
    const apply = (packs: IssuedMentorPack[], plan: ReturnPlan): IssuedMentorPack[] => {
      for (const s of plan.writes) local.set(s.id, s);
      return packs.map((p) =>
        p.packId === plan.packId
          ? {
              ...p,
              mentorKey: { fingerprint: plan.fingerprint, publicKeys: plan.publicKeys },
              lastReturn: { exportId: plan.exportId, exportedAt: plan.exportedAt, importedAt: plan.exportedAt, fileSha256: plan.fileSha256 },
            }
          : p,
      );
    };
    return { ...w, issued, local, mentorSessions, exportLogs, apply, pk };
  }

  it('two new logs: dry run adds them, earlier logs unchanged (their notes kept home); same file again changes nothing', async () => {
    const s = await setting();
    const [m1, m2] = s.pack.matchIds;
    const mine = [newSession(m1!, '2026-10-10'), newSession(m2 ?? m1!, '2026-10-12')];
    const logs = await s.exportLogs([...s.mentorSessions, ...mine], '2026-10-13T09:00:00Z');
    const plan = planReturn({ packs: [s.issued], logs, local: s.local, orgId: ORG.id });
    expect(plan.status).toBe('apply');
    expect(plan.trust).toBe('firstUse');
    expect(plan.totals).toEqual({ add: 2, replace: 0, unchanged: s.mentorSessions.length, keptLocal: 0 });
    const packs = s.apply([s.issued], plan);
    expect(s.local.get(s.mentorSessions[0]!.id)!.note).toBe('SECRET-SESSION-NOTE');
    expect(s.local.get(mine[0]!.id)!.note).toBe('the mentor’s own note');
    const again = planReturn({ packs, logs, local: s.local, orgId: ORG.id });
    expect(again.status).toBe('alreadyImported');
    expect(again.writes).toEqual([]);
    expect(again.totals.add + again.totals.replace).toBe(0);
  });

  it('a newer export replaces the mentor’s logs; the older one is then refused naming the newer', async () => {
    const s = await setting();
    const mine = newSession(s.pack.matchIds[0]!, '2026-10-10');
    const first = await s.exportLogs([...s.mentorSessions, mine], '2026-10-13T09:00:00Z');
    let packs = s.apply([s.issued], planReturn({ packs: [s.issued], logs: first, local: s.local, orgId: ORG.id }));
    const edited = { ...mine, minutes: 90, updatedAt: '2026-10-14T08:00:00.000Z' };
    const second = await s.exportLogs([...s.mentorSessions, edited], '2026-10-14T09:00:00Z');
    const plan = planReturn({ packs, logs: second, local: s.local, orgId: ORG.id });
    expect(plan.trust).toBe('pinned');
    expect(plan.totals.replace).toBe(1);
    packs = s.apply(packs, plan);
    expect(s.local.get(mine.id)!.minutes).toBe(90);
    const err = await code(Promise.resolve().then(() => planReturn({ packs, logs: first, local: s.local, orgId: ORG.id })));
    expect(err).toBe('olderReturn');
    try {
      planReturn({ packs, logs: first, local: s.local, orgId: ORG.id });
    } catch (e) {
      expect((e as MentorPackError).params.newer).toBe('2026-10-14T09:00:00.000Z');
    }
  });

  it('the coordinator’s later edit of a log wins over the mentor’s older copy', async () => {
    const s = await setting();
    const target = s.mentorSessions[0]!;
    s.local.set(target.id, { ...s.local.get(target.id)!, minutes: 120, updatedAt: '2026-12-01T00:00:00.000Z' });
    const logs = await s.exportLogs([{ ...target, minutes: 30, updatedAt: '2026-10-12T00:00:00.000Z' }], '2026-10-13T09:00:00Z');
    const plan = planReturn({ packs: [s.issued], logs, local: s.local, orgId: ORG.id });
    expect(plan.totals.keptLocal).toBe(1);
    expect(plan.writes).toEqual([]);
  });

  it('refuses forged matches, other signers, unknown packs, other recipients and tampered files', async () => {
    const s = await setting();
    const otherMatch = s.src.matches.find((m) => !s.pack.matchIds.includes(m.id))!;
    const forged = await s.exportLogs([newSession(otherMatch.id, '2026-10-10')], '2026-10-13T09:00:00Z');
    expect(await code(Promise.resolve().then(() => planReturn({ packs: [s.issued], logs: forged, local: s.local, orgId: ORG.id })))).toBe('foreignMatch');
    // That match in another mentor's pack does not make it hers; in an earlier pack of hers it does.
    const othersPack: IssuedMentorPack = {
      packId: crypto.randomUUID(),
      mentorId: otherMatch.mentorId,
      matchIds: [otherMatch.id],
      createdAt: s.issued.createdAt,
    };
    expect(await code(Promise.resolve().then(() => planReturn({ packs: [s.issued, othersPack], logs: forged, local: s.local, orgId: ORG.id })))).toBe(
      'foreignMatch',
    );
    const herEarlierPack: IssuedMentorPack = { ...othersPack, mentorId: s.mentorId };
    expect(planReturn({ packs: [s.issued, herEarlierPack], logs: forged, local: s.local, orgId: ORG.id }).totals.add).toBe(1);
    // A log that reuses the id of another match's session to overwrite it.
    const hijack = { ...s.src.mentoringSessions.find((x) => x.matchId === otherMatch.id)!, matchId: s.pack.matchIds[0]! };
    const hijacked = await s.exportLogs([hijack], '2026-10-13T09:00:00Z');
    expect(await code(Promise.resolve().then(() => planReturn({ packs: [s.issued], logs: hijacked, local: s.local, orgId: ORG.id })))).toBe('foreignMatch');

    const good = await s.exportLogs([newSession(s.pack.matchIds[0]!, '2026-10-10')], '2026-10-13T09:00:00Z');
    const packs = s.apply([s.issued], planReturn({ packs: [s.issued], logs: good, local: s.local, orgId: ORG.id }));
    const stranger = await s.exportLogs([], '2026-10-15T09:00:00Z', await generateOrgKeys());
    expect(await code(Promise.resolve().then(() => planReturn({ packs, logs: stranger, local: s.local, orgId: ORG.id })))).toBe('signerChanged');
    expect(await code(Promise.resolve().then(() => planReturn({ packs: [], logs: good, local: s.local, orgId: ORG.id })))).toBe('unknownPack');

    const bytes = (await writeMentorLogs({ pack: s.pk, sessions: [], keys: s.mentorKeys, installationId: 'm', mentorName: 'V K' })).bytes;
    expect(await code(readMentorLogs(bytes, await generateOrgKeys()))).toBe('wrongRecipient');
    for (const at of [90, Math.floor(bytes.length / 2), bytes.length - 1]) {
      const bad = bytes.slice();
      bad[at]! ^= 0x40;
      expect(await code(readMentorLogs(bad, s.orgKeys)), `byte ${at}`).toBe('damaged');
    }
    expect(await code(readMentorLogs(bytes.slice(0, 120), s.orgKeys))).toBe('damaged');
    expect(await code(readMentorLogs(s.pack.bytes, s.orgKeys))).toBe('notALogsFile');
  });
});
