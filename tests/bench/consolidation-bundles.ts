/**
 * The 30 partner bundles of the consolidation benchmark (issues 7 and 8), generated in Node by the
 * app's own writer (`writeBundle`: zod check of every row, privacy policy, pseudonymisation with
 * HMAC, indicators.json, zip, Ed25519 signature, envelope to the lead's X25519 key).
 *
 * The data is seeded (mulberry32): the same size and seed give the same rows in every run. Keys,
 * the project secret, envelope ephemerals and IVs are random, so the file bytes differ between
 * generations; scripts/bench.ts caches the generated files under the OS temp dir, keyed by
 * size, seed and a hash of this generator and the bundle writer, and reuses them.
 *
 * Shape per partner (sizes vary by partner, the totals are exact): people (90 % beneficiaries,
 * every one with a consent to share with the lead), consents, outcomes, 2–4 programmes with their
 * events, sessions, enrolments (~30 % of people), attendance (every enrolled person × every
 * session of the event), certificates and evaluations; mentors (~2 %), matches (one per mentee),
 * mentee profiles and the mentoring session logs; a few tombstones. Pseudonymised level, signed by
 * the partner, encrypted to the lead.
 *
 * Loaded by scripts/bench.ts through Vite's module runner (`runnerImport`), not by vitest.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInvitation, writeBundle, type LocalTables } from '../../src/shared/bundle';
import { exportOrgKeys, fingerprint, generateOrgKeys, type StoredOrgKeys } from '../../src/shared/crypto';
import { LAST, MEN_FIRST, WOMEN_FIRST } from '../../src/shared/demo/names';
import {
  ATTENDANCE_STATUSES,
  EDUCATION_LEVELS,
  EMPLOYMENT_STATUSES,
  EVENT_KINDS,
  EXPERTISE_AREAS,
  OUTCOME_KINDS,
  SERVICES,
  TARGET_GROUPS,
  type Attendance,
  type Certificate,
  type Consent,
  type Country,
  type Enrolment,
  type EventSession,
  type Evaluation,
  type Match,
  type MenteeProfile,
  type Mentor,
  type MentoringSession,
  type Organisation,
  type Outcome,
  type Person,
  type Programme,
  type ProgrammeEvent,
  type Tombstone,
} from '../../src/shared/model';
import { personNameKey } from '../../src/shared/people/nameKey';
import { SCHEMA_VERSION } from '../../src/renderer/src/db/schema';
import { mulberry32 } from '../../src/shared/random/mulberry32';

export const PARTNERS = 30;
export const LEAD_ORG_ID = '0b0b0b0b-0000-4000-8000-00000000b001';

export interface GeneratedLead {
  keys: StoredOrgKeys;
  fingerprint: string;
  installationId: string;
  invitation: Awaited<ReturnType<typeof createInvitation>>;
}

export interface GeneratedMeta {
  seed: number;
  people: number;
  mentoringSessions: number;
  partners: number;
  /** Rows per table over all bundles (as written, after the privacy policy). */
  counts: Record<string, number>;
  bytes: number;
  files: string[];
  generationMs: number;
}

const rng = mulberry32;

const SYLLABLES = ['ko', 'va', 'ma', 'ri', 'ne', 'bo', 'ja', 'lu', 'še', 'dra', 'pe', 'tro', 'zu', 'kra', 'mi', 'ho', 'ba', 'lo', 'ći', 'đu'];
const PLACES: ReadonlyArray<{ town: string; country: Country }> = [
  { town: 'Čakovec', country: 'HR' },
  { town: 'Varaždin', country: 'HR' },
  { town: 'Prelog', country: 'HR' },
  { town: 'Osijek', country: 'HR' },
  { town: 'Sisak', country: 'HR' },
  { town: 'Celje', country: 'SI' },
  { town: 'Ormož', country: 'SI' },
  { town: 'Ptuj', country: 'SI' },
  { town: 'Murska Sobota', country: 'SI' },
  { town: 'Niš', country: 'RS' },
  { town: 'Subotica', country: 'RS' },
  { town: 'Tuzla', country: 'BA' },
];
const ORG_WORDS = ['Korak', 'Most', 'Iskra', 'Put', 'Sunce', 'Zora', 'Nada', 'Vrelo', 'Sloga', 'Kap', 'Luč', 'Izvor'];

/** Splits `total` into `n` seeded, uneven, positive parts that sum to `total` exactly. */
function split(total: number, n: number, r: () => number): number[] {
  const w = Array.from({ length: n }, () => 0.3 + r() * r() * 3);
  const sum = w.reduce((a, b) => a + b, 0);
  const parts = w.map((x) => Math.max(1, Math.floor((total * x) / sum)));
  parts[0]! += total - parts.reduce((a, b) => a + b, 0);
  return parts;
}

/** One partner's own tables as its database holds them. */
export function partnerTables(
  seed: number,
  orgId: string,
  place: { town: string; country: Country },
  orgName: string,
  nPeople: number,
  nLogs: number,
): LocalTables {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const uuid = () => {
    const h = () =>
      Math.floor(r() * 0x10000)
        .toString(16)
        .padStart(4, '0');
    return `${h()}${h()}-${h()}-4${h().slice(1)}-a${h().slice(1)}-${h()}${h()}${h()}`;
  };
  const day = (y0: number, years: number) =>
    `${y0 + Math.floor(r() * years)}-${String(1 + Math.floor(r() * 12)).padStart(2, '0')}-${String(1 + Math.floor(r() * 28)).padStart(2, '0')}`;
  const at = '2026-01-15T10:00:00.000Z';
  const base = () => ({ id: uuid(), orgId, createdAt: at, updatedAt: at });

  const organisations: Organisation[] = [
    { ...base(), id: orgId, name: orgName, country: place.country, town: place.town, role: 'partner', isSelf: true, kind: 'ngo' },
    ...Array.from({ length: 3 }, (_, i): Organisation => ({
      ...base(),
      name: `Obrt ${pick(LAST)} ${i + 1}`,
      country: place.country,
      town: place.town,
      role: 'other',
      isSelf: false,
      kind: 'sme',
      supportedOn: day(2024, 3),
      jobsCreated: Math.floor(r() * 4),
    })),
  ];

  const people: Person[] = [];
  const consents: Consent[] = [];
  for (let i = 0; i < nPeople; i++) {
    const woman = r() < 0.7;
    const firstName = woman ? pick(WOMEN_FIRST) : pick(MEN_FIRST);
    const lastName = r() < 0.5 ? pick(LAST) : `${pick(SYLLABLES)}${pick(SYLLABLES)}${pick(SYLLABLES)}ić`.replace(/^./, (c) => c.toUpperCase());
    const professional = r() < 0.1;
    const p: Person = {
      ...base(),
      kind: professional ? 'professional' : 'beneficiary',
      firstName,
      lastName,
      gender: woman ? 'woman' : r() < 0.95 ? 'man' : 'notStated',
      birthYear: 1950 + Math.floor(r() * 55),
      municipality: r() < 0.8 ? place.town : pick(PLACES).town,
      country: place.country,
      employmentStatus: pick(EMPLOYMENT_STATUSES),
      educationLevel: pick(EDUCATION_LEVELS),
      targetGroups: r() < 0.3 ? [pick(TARGET_GROUPS)] : [],
      nameKey: personNameKey({ firstName, lastName }),
      anonymised: false,
    };
    if (r() < 0.5) p.phone = `09${1 + Math.floor(r() * 9)} ${String(Math.floor(r() * 1e7)).padStart(7, '0')}`;
    if (r() < 0.1) p.notes = 'Dolazi s djetetom; treba prijevoz.';
    if (professional) {
      p.institution = 'Centar za socijalnu skrb';
      p.institutionType = 'socialWorkCentre';
    }
    people.push(p);
    const special = r() < 0.8;
    consents.push({
      ...base(),
      personId: p.id,
      legalBasis: 'consent',
      date: day(2024, 2),
      noticeVersion: '2024-01',
      processing: true,
      specialCategories: special,
      shareWithLead: true,
      photos: r() < 0.4,
    });
  }

  const outcomes: Outcome[] = [];
  for (const p of people)
    if (r() < 0.1)
      outcomes.push({
        ...base(),
        personId: p.id,
        kind: pick(OUTCOME_KINDS),
        date: day(2024, 3),
        ...(r() < 0.3 ? { note: 'Zaposlena u lokalnoj pekari.' } : {}),
      });

  // Training: programmes → events → sessions; ~30 % of people enrol in one event and attend its sessions.
  const programmes: Programme[] = [];
  const events: ProgrammeEvent[] = [];
  const sessions: EventSession[] = [];
  const sessionsOf = new Map<string, EventSession[]>();
  for (let k = 0, nP = 2 + Math.floor(r() * 3); k < nP; k++) {
    const prog: Programme = {
      ...base(),
      kind: k === 0 ? 'badge' : pick(['crossBorder', 'seminarSeries', 'other'] as const),
      title: `Program ${k + 1}: ${pick(ORG_WORDS)}`,
      funder: 'ESF+',
      projectCode: `UP.04.2.1.${String(10 + k)}`,
      startDate: '2024-01-15',
      endDate: '2026-12-31',
      partnerOrgIds: [],
      completionRule: { type: 'minShare', minShare: 0.8 },
    };
    programmes.push(prog);
    for (let e = 0, nE = 3 + Math.floor(r() * 4); e < nE; e++) {
      const ev: ProgrammeEvent = {
        ...base(),
        programmeId: prog.id,
        kind: pick(EVENT_KINDS),
        number: e + 1,
        title: `Radionica ${e + 1}`,
        topic: 'Osnove poduzetništva',
        trainers: ['Ana Horvat'],
        capacity: 25,
        agenda: '09:00 Uvod\n10:30 Rad u grupama',
      };
      events.push(ev);
      const list: EventSession[] = [];
      for (let s = 0, nS = 3 + Math.floor(r() * 3); s < nS; s++)
        list.push({
          ...base(),
          eventId: ev.id,
          date: day(2024, 3),
          start: '09:00',
          end: '13:00',
          venue: 'Dom kulture',
          town: place.town,
          country: place.country,
        });
      sessions.push(...list);
      sessionsOf.set(ev.id, list);
    }
  }
  const enrolments: Enrolment[] = [];
  const attendance: Attendance[] = [];
  const certificates: Certificate[] = [];
  const evaluations: Evaluation[] = [];
  for (const p of people) {
    if (r() >= 0.3) continue;
    const ev = pick(events);
    const completed = r() < 0.6;
    enrolments.push({ ...base(), eventId: ev.id, personId: p.id, status: completed ? 'completed' : 'enrolled', enrolledOn: day(2024, 2) });
    for (const s of sessionsOf.get(ev.id)!)
      attendance.push({ ...base(), sessionId: s.id, personId: p.id, status: r() < 0.8 ? 'present' : pick(ATTENDANCE_STATUSES) });
    if (completed && r() < 0.8)
      certificates.push({
        ...base(),
        eventId: ev.id,
        personId: p.id,
        kind: 'completion',
        number: `BADGE-2025-${String(certificates.length + 1).padStart(3, '0')}`,
        issuedOn: day(2025, 2),
        programmeId: ev.programmeId,
        sequence: certificates.length + 1,
      });
    if (r() < 0.4)
      evaluations.push({
        ...base(),
        eventId: ev.id,
        personId: p.id,
        scores: { content: 1 + Math.floor(r() * 5), trainers: 1 + Math.floor(r() * 5), organisation: 4, usefulness: 5 },
        ...(r() < 0.3 ? { comment: 'Korisno.' } : {}),
      });
  }

  // Mentoring: ~2 % of people mentor; one match per mentee, enough mentees for ~12 logs each.
  const nMentors = Math.max(1, Math.round(nPeople * 0.02));
  const mentors: Mentor[] = people.slice(0, nMentors).map((p) => ({
    ...base(),
    personId: p.id,
    expertise: [pick(EXPERTISE_AREAS), pick(EXPERTISE_AREAS)],
    sectors: ['trgovina'],
    languages: ['hr'],
    region: place.town,
    remote: r() < 0.5,
    capacity: 3 + Math.floor(r() * 6),
    availability: 'utorkom popodne',
    active: true,
  }));
  const nMatches = Math.min(nPeople - nMentors, Math.max(1, Math.ceil(nLogs / 12)));
  const matches: Match[] = [];
  const menteeProfiles: MenteeProfile[] = [];
  for (let i = 0; i < nMatches; i++) {
    const mentee = people[nMentors + i]!;
    const startedOn = day(2024, 2);
    const closed = r() < 0.4;
    const m: Match = {
      ...base(),
      mentorId: pick(mentors).id,
      menteeId: mentee.id,
      status: closed ? 'closed' : 'active',
      proposedOn: startedOn,
      startedOn,
      score: Math.round(r() * 100),
      goals: [{ id: uuid(), text: 'Registrirati obrt', status: 'inProgress' }],
    };
    if (closed) {
      m.closedOn = day(2026, 1);
      m.closure = { reason: 'goalsMet', rating: 4, outcome: pick(['businessRegistered', 'employed', 'continuing'] as const), jobsCreated: Math.floor(r() * 3) };
    }
    matches.push(m);
    menteeProfiles.push({
      ...base(),
      personId: mentee.id,
      stage: 'idea',
      sector: 'trgovina',
      needs: [pick(EXPERTISE_AREAS)],
      languages: ['hr'],
      region: place.town,
      remote: false,
      mentorGender: 'any',
      avoidPersonIds: [],
    });
  }
  const mentoringSessions: MentoringSession[] = [];
  for (let i = 0; i < nLogs; i++) {
    const m = matches[Math.floor(r() * matches.length)]!;
    const s: MentoringSession = {
      ...base(),
      matchId: m.id,
      date: day(2024, 3),
      minutes: 30 + 15 * Math.floor(r() * 6),
      mode: r() < 0.5 ? 'inPerson' : r() < 0.5 ? 'online' : 'phone',
      services: [pick(SERVICES)],
    };
    if (r() < 0.5) s.topics = 'Poslovni plan';
    if (r() < 0.3) s.note = 'Napredak dobar.';
    mentoringSessions.push(s);
  }

  // A few erasures the lead must apply.
  const tombstones: Tombstone[] = Array.from({ length: 3 }, () => ({ ...base(), table: 'people', recordId: uuid(), erasedAt: '2026-02-01T09:00:00.000Z' }));

  return {
    organisations,
    people,
    consents,
    outcomes,
    programmes,
    events,
    sessions,
    enrolments,
    attendance,
    certificates,
    evaluations,
    mentors,
    matches,
    mentoringSessions,
    menteeProfiles,
    tombstones,
  };
}

/**
 * Writes `lead.json` (the lead's keys and invitation), `bundle-NN.mreza` (30 bundles) and
 * `meta.json` (last, so a directory with meta.json is complete) into `dir`.
 */
export async function generateBundles(
  dir: string,
  opts: { people: number; mentoringSessions: number; seed: number; log?: (msg: string) => void },
): Promise<GeneratedMeta> {
  const t0 = performance.now();
  mkdirSync(dir, { recursive: true });
  const r = rng(opts.seed);
  const leadKeys = await generateOrgKeys();
  const invitation = await createInvitation({
    projectName: 'Socijalna aktivacija – benchmark',
    lead: { orgId: LEAD_ORG_ID, name: 'Udruga Bench', country: 'HR' },
    leadKeys: leadKeys.publicKeys,
    now: new Date('2024-01-01T08:00:00Z'),
  });
  const lead: GeneratedLead = {
    keys: await exportOrgKeys(leadKeys),
    fingerprint: await fingerprint(leadKeys.publicKeys),
    installationId: '0b0b0b0b-0000-4000-8000-00000000b002',
    invitation,
  };
  writeFileSync(join(dir, 'lead.json'), JSON.stringify(lead));
  const peopleSplit = split(opts.people, PARTNERS, r);
  // Session logs roughly follow the partner's size, with some noise; the total is exact.
  const logWeights = peopleSplit.map((p) => p * (0.6 + r() * 0.8));
  const wsum = logWeights.reduce((a, b) => a + b, 0);
  const logSplit = logWeights.map((w) => Math.max(1, Math.floor((opts.mentoringSessions * w) / wsum)));
  logSplit[0]! += opts.mentoringSessions - logSplit.reduce((a, b) => a + b, 0);

  const counts: Record<string, number> = {};
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < PARTNERS; i++) {
    const place = PLACES[i % PLACES.length]!;
    const orgId = `0a0a${String(i).padStart(4, '0')}-0000-4000-8000-${String(i).padStart(12, '0')}`;
    const orgName = `Udruga ${ORG_WORDS[i % ORG_WORDS.length]} ${i + 1} – ${place.town}`;
    const tables = partnerTables(opts.seed * 1000 + i, orgId, place, orgName, peopleSplit[i]!, logSplit[i]!);
    const keys = await generateOrgKeys();
    const written = await writeBundle({
      project: { projectId: invitation.projectId, projectSecret: invitation.projectSecret, leadPublicKeys: invitation.lead.publicKeys },
      organisation: { id: orgId, name: orgName, country: place.country },
      installationId: `inst-${i}`,
      keys,
      tables,
      privacy: 'pseudonymised',
      schemaVersion: SCHEMA_VERSION,
      now: new Date(Date.UTC(2026, 10, 20, 8, i)),
      today: '2026-11-20',
      exportId: `0e0e${String(i).padStart(4, '0')}-0000-4000-8000-${String(opts.seed % 1e12).padStart(12, '0')}`,
      encryptToLead: true,
    });
    for (const [t, n] of Object.entries(written.manifest.counts)) counts[t] = (counts[t] ?? 0) + n;
    const file = `bundle-${String(i + 1).padStart(2, '0')}.mreza`;
    writeFileSync(join(dir, file), written.bytes);
    files.push(file);
    bytes += written.bytes.length;
    opts.log?.(
      `bundle ${i + 1}/${PARTNERS}: ${peopleSplit[i]} people, ${logSplit[i]} session logs, ${(written.bytes.length / 1048576).toFixed(1)} MiB (${((performance.now() - t0) / 1000).toFixed(0)} s)`,
    );
  }
  const meta: GeneratedMeta = {
    seed: opts.seed,
    people: opts.people,
    mentoringSessions: opts.mentoringSessions,
    partners: PARTNERS,
    counts,
    bytes,
    files,
    generationMs: performance.now() - t0,
  };
  writeFileSync(join(dir, 'meta.json'), JSON.stringify(meta, null, 2));
  return meta;
}
