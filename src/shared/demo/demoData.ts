import type {
  Attendance,
  Certificate,
  Consent,
  Enrolment,
  Evaluation,
  EventSession,
  Match,
  Mentor,
  MentoringSession,
  Organisation,
  Outcome,
  Person,
  Programme,
  ProgrammeEvent,
  QuestionSet,
  Referral,
} from '../model';
import type { ReferralStatus } from '../referrals/status';
import { COUNTRY_TIME_ZONES, localDay } from '../calendar/localDay';
import { isHeld } from '../indicators/held';
import { EXPERTISE_AREAS, OUTCOME_KINDS, SERVICES, TARGET_GROUPS } from '../model';
import { personNameKey } from '../people/nameKey';
import { HR_TOWNS, INSTITUTIONS, LAST, MEN_FIRST, SECTORS, SI_TOWNS, WOMEN_FIRST, type Place } from './names';
import { mulberry32 } from '../random/mulberry32';
import { defaultQuestionSet } from '../programmes/questionSets';

export interface DemoData {
  organisations: Organisation[];
  people: Person[];
  consents: Consent[];
  outcomes: Outcome[];
  programmes: Programme[];
  events: ProgrammeEvent[];
  sessions: EventSession[];
  enrolments: Enrolment[];
  attendance: Attendance[];
  certificates: Certificate[];
  mentors: Mentor[];
  matches: Match[];
  mentoringSessions: MentoringSession[];
  questionSets: QuestionSet[];
  evaluations: Evaluation[];
  referrals: Referral[];
}

/** A small deterministic generator so the demo looks the same on every machine. */
function rng(seed: number) {
  const next = mulberry32(seed);
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}

function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * A realistic data set inspired by the project's sources: two partner towns (Čakovec in
 * Croatia, Celje in Slovenia), a BADGE cycle for women entrepreneurs, the cross-border module
 * series on social activation, mentors with matches and session logs, and outcomes.
 * `timeZone` decides which sessions are already held at `now` (the app passes the organisation's).
 */
export function buildDemoData(selfOrgId: string, now: Date, newId: () => string, seed = 2026, timeZone = COUNTRY_TIME_ZONES.HR!): DemoData {
  const today = localDay(timeZone, now);
  const r = rng(seed);
  const stamp = now.toISOString();
  const base = (orgId = selfOrgId) => ({ id: newId(), orgId, createdAt: stamp, updatedAt: stamp });

  const partnerHr: Organisation = { ...base(), name: 'Udruga Korak – Čakovec', country: 'HR', town: 'Čakovec', role: 'partner', isSelf: false, kind: 'ngo' };
  const partnerSi: Organisation = { ...base(), name: 'Društvo Most – Celje', country: 'SI', town: 'Celje', role: 'partner', isSelf: false, kind: 'ngo' };
  // The register (Organisations): SMEs the project helped to open jobs (the "SMEs supported"
  // indicator counts those with a date of support), other employers, institutions and NGOs.
  const other = (o: Omit<Organisation, keyof ReturnType<typeof base> | 'role' | 'isSelf'>): Organisation => ({ ...base(), role: 'other', isSelf: false, ...o });
  const smes: Organisation[] = [
    other({
      name: 'Obrt Zlatne ruke',
      country: 'HR',
      town: 'Čakovec',
      kind: 'sme',
      sector: 'krojačke usluge',
      contactPerson: 'Dragica Novak',
      support: 'Mentorstvo i subvencija za zapošljavanje',
      supportedOn: '2026-05-12',
      jobsCreated: 2,
    }),
    other({
      name: 'Kmetija Zupan',
      country: 'SI',
      town: 'Ormož',
      kind: 'sme',
      sector: 'ekološka pridelava',
      contactPerson: 'Marjeta Zupan',
      support: 'Svetovanje pri zaposlitvi ranljivih skupin',
      supportedOn: '2026-06-03',
      jobsCreated: 1,
    }),
    other({
      name: 'Pekara Mlinar d.o.o.',
      country: 'HR',
      town: 'Varaždin',
      kind: 'sme',
      sector: 'pekarstvo',
      contactPerson: 'Ivan Mlinar',
      support: 'Obuka za mentore na radnom mjestu',
      supportedOn: '2026-09-21',
      jobsCreated: 3,
    }),
    other({
      name: 'Cvjećarnica Ljubica',
      country: 'HR',
      town: 'Prelog',
      kind: 'sme',
      sector: 'cvjećarstvo',
      contactPerson: 'Ljubica Horvat',
      support: 'Savjetovanje i oprema',
      supportedOn: '2026-07-08',
      jobsCreated: 1,
    }),
    other({
      name: 'Mizarstvo Kolar s.p.',
      country: 'SI',
      town: 'Ptuj',
      kind: 'sme',
      sector: 'mizarstvo',
      contactPerson: 'Boštjan Kolar',
      support: 'Usposabljanje na delovnem mestu',
      supportedOn: '2026-08-19',
      jobsCreated: 2,
    }),
    other({
      name: 'Frizerski salon Lana',
      country: 'HR',
      town: 'Varaždin',
      kind: 'sme',
      sector: 'frizerske usluge',
      contactPerson: 'Lana Kovačić',
      support: 'Mentorstvo za vlasnicu',
      supportedOn: '2026-10-02',
      jobsCreated: 1,
    }),
  ];
  const employers: Organisation[] = [
    other({
      name: 'Međimurske tekstilne tvornice d.d.',
      country: 'HR',
      town: 'Čakovec',
      kind: 'employer',
      sector: 'tekstilna industrija',
      contactPerson: 'Snježana Vugrinec',
    }),
    other({ name: 'Dom za starije osobe Čakovec', country: 'HR', town: 'Čakovec', kind: 'public', sector: 'socijalna skrb', contactPerson: 'Tomislav Horvat' }),
    other({ name: 'Hrvatski zavod za zapošljavanje, Područni ured Čakovec', country: 'HR', town: 'Čakovec', kind: 'public', sector: 'zapošljavanje' }),
    other({ name: 'Zavod RS za zaposlovanje, Območna služba Celje', country: 'SI', town: 'Celje', kind: 'public', sector: 'zaposlovanje' }),
    other({ name: 'Udruga žena Međimurja', country: 'HR', town: 'Čakovec', kind: 'ngo', sector: 'osnaživanje žena', contactPerson: 'Marija Kralj' }),
  ];

  const people: Person[] = [];
  const consents: Consent[] = [];
  const makePerson = (
    p: Omit<Person, keyof ReturnType<typeof base> | 'nameKey' | 'anonymised' | 'targetGroups'> & { targetGroups?: Person['targetGroups'] },
  ): Person => {
    const person: Person = { ...base(), targetGroups: [], anonymised: false, ...p, nameKey: personNameKey(p) };
    people.push(person);
    return person;
  };

  // Beneficiaries: women in the BADGE cycle and mentees, from both sides of the border.
  const beneficiaries: Person[] = [];
  for (let i = 0; i < 36; i++) {
    const place: Place = i % 3 === 2 ? r.pick(SI_TOWNS) : r.pick(HR_TOWNS);
    const woman = i < 33;
    const firstName = woman ? r.pick(WOMEN_FIRST) : r.pick(MEN_FIRST);
    const lastName = r.pick(LAST);
    const groups = TARGET_GROUPS.filter((g) => g !== 'other' && g !== 'lgbt' && r.chance(0.12));
    const person = makePerson({
      kind: 'beneficiary',
      firstName,
      lastName,
      gender: woman ? 'woman' : i % 2 ? 'man' : 'notStated',
      birthYear: r.int(1962, 2003),
      municipality: place.town,
      country: place.country,
      phone: `+${place.country === 'HR' ? '385 9' : '386 4'}${r.int(1, 9)} ${r.int(100, 999)} ${r.int(1000, 9999)}`,
      email: `${lastName
        .normalize('NFD')
        .replace(/[^a-zA-Z]/g, '')
        .toLowerCase()}.${i}@example.org`,
      employmentStatus: r.pick(['unemployed', 'longTermUnemployed', 'employed', 'inactive'] as const),
      educationLevel: r.pick(['primary', 'secondary', 'secondary', 'tertiary'] as const),
      targetGroups: groups,
    });
    beneficiaries.push(person);
    consents.push({
      ...base(),
      personId: person.id,
      legalBasis: 'consent',
      date: addDays('2026-02-02', r.int(0, 30)),
      noticeVersion: '2026-01',
      processing: true,
      specialCategories: groups.length > 0,
      shareWithLead: i % 7 !== 3,
      photos: r.chance(0.6),
    });
  }

  // Professionals: staff of centres for social work, employment offices and a ministry.
  const professionals: Person[] = [];
  for (let i = 0; i < 22; i++) {
    const inst = INSTITUTIONS[i % INSTITUTIONS.length]!;
    const woman = r.chance(0.75);
    professionals.push(
      makePerson({
        kind: 'professional',
        firstName: woman ? r.pick(WOMEN_FIRST) : r.pick(MEN_FIRST),
        lastName: r.pick(LAST),
        gender: woman ? 'woman' : 'man',
        municipality: inst.place!.town,
        country: inst.place!.country,
        institution: inst.name,
        institutionType: inst.type,
        jobTitle: inst.type === 'employmentOffice' ? 'savjetnica za zapošljavanje' : 'socijalna radnica',
      }),
    );
  }

  // The BADGE cycle: one workshop of six sessions in Čakovec.
  const badge: Programme = {
    ...base(),
    kind: 'badge',
    title: 'BADGE – Savjetovanje i trening za poduzetnice 2026',
    funder: 'Europski socijalni fond',
    projectCode: 'UP.02.2.2.08.0123',
    startDate: '2026-03-02',
    endDate: '2026-06-30',
    partnerOrgIds: [partnerHr.id],
    completionRule: { type: 'minShare', minShare: 0.8 },
  };
  const badgeEvent: ProgrammeEvent = {
    ...base(),
    programmeId: badge.id,
    kind: 'workshop',
    number: 1,
    title: 'Od ideje do obrta',
    topic: 'Poslovni plan, financije, marketing i registracija obrta',
    trainers: ['Sanja Cesar', 'Mirela Horvat'],
    capacity: 20,
  };
  const badgeSessions: EventSession[] = [0, 7, 14, 21, 28, 35].map((d) => ({
    ...base(),
    eventId: badgeEvent.id,
    date: addDays('2026-03-02', d),
    start: '16:00',
    end: '19:00',
    venue: 'Centar za mlade',
    town: 'Čakovec',
    country: 'HR',
  }));

  // The cross-border series on social activation, modules alternating between the two countries.
  const cross: Programme = {
    ...base(),
    kind: 'crossBorder',
    title: 'Prekogranična radionica usposobljavanja o socijalnoj aktivaciji',
    funder: 'Interreg Slovenija – Hrvatska',
    projectCode: '2SoKroG',
    startDate: '2026-09-01',
    endDate: '2027-02-28',
    partnerOrgIds: [partnerHr.id, partnerSi.id],
    completionRule: { type: 'minShare', minShare: 0.75 },
  };
  const modules: Array<[number, string, string, Place]> = [
    [2, 'Uloga mentora u provedbi socijalne aktivacije', '2026-10-06', HR_TOWNS[0]!],
    [3, 'Utjecaj socijalne aktivacije na zdravlje i socijalni status korisnika', '2026-11-05', SI_TOWNS[0]!],
    [4, 'Socijalna aktivacija kojom se sprečava siromaštvo i socijalna isključenost', '2027-01-14', HR_TOWNS[1]!],
    [5, 'Socijalno poduzetništvo kao prilika za praktični modul socijalne aktivacije', '2027-02-11', SI_TOWNS[1]!],
  ];
  const crossEvents: ProgrammeEvent[] = [];
  const crossSessions: EventSession[] = [];
  for (const [number, title, date, place] of modules) {
    const event: ProgrammeEvent = { ...base(), programmeId: cross.id, kind: 'module', number, title, trainers: ['dr. Mojca Zupan'], capacity: 40 };
    crossEvents.push(event);
    crossSessions.push({
      ...base(),
      eventId: event.id,
      date,
      start: '09:00',
      end: '15:00',
      venue: place.country === 'HR' ? 'Gradska vijećnica' : 'Celjski dom',
      town: place.town,
      country: place.country,
    });
  }

  const enrolments: Enrolment[] = [];
  const attendance: Attendance[] = [];
  const certificates: Certificate[] = [];
  const badgeParticipants = beneficiaries.filter((p) => p.gender === 'woman').slice(0, 22);
  badgeParticipants.forEach((p, i) => {
    const waiting = i >= 20;
    enrolments.push({
      ...base(),
      eventId: badgeEvent.id,
      personId: p.id,
      status: waiting ? 'waiting' : 'enrolled',
      waitPosition: waiting ? i - 20 : undefined,
      enrolledOn: '2026-02-20',
    });
    if (waiting) return;
    let present = 0;
    for (const s of badgeSessions) {
      const status = r.chance(0.85) ? 'present' : r.pick(['late', 'excused', 'absent'] as const);
      if (status === 'present' || status === 'late') present++;
      attendance.push({ ...base(), sessionId: s.id, personId: p.id, status });
    }
    if (present / badgeSessions.length >= 0.8) {
      certificates.push({
        ...base(),
        eventId: badgeEvent.id,
        personId: p.id,
        kind: 'completion',
        number: `BADGE-2026-${String(certificates.length + 1).padStart(3, '0')}`,
        issuedOn: '2026-04-10',
      });
    }
  });
  crossEvents.forEach((event, mi) => {
    const session = crossSessions[mi]!;
    const held = isHeld(session, today);
    professionals.forEach((p, i) => {
      if ((i + mi) % 5 === 4) return;
      enrolments.push({ ...base(), eventId: event.id, personId: p.id, status: 'enrolled', enrolledOn: addDays(session.date, -20) });
      if (held) attendance.push({ ...base(), sessionId: session.id, personId: p.id, status: r.chance(0.9) ? 'present' : 'excused' });
    });
  });

  // Mentors are people too: experienced entrepreneurs and counsellors.
  const mentorPeople = [
    makePerson({
      kind: 'professional',
      firstName: 'Vesna',
      lastName: 'Kovačević',
      gender: 'woman',
      municipality: 'Čakovec',
      country: 'HR',
      institution: 'Obrt Vesna dizajn',
      institutionType: 'sme',
      jobTitle: 'vlasnica obrta',
    }),
    makePerson({
      kind: 'professional',
      firstName: 'Lejla',
      lastName: 'Hodžić',
      gender: 'woman',
      municipality: 'Varaždin',
      country: 'HR',
      institution: 'Knjigovodstveni servis Hodžić',
      institutionType: 'sme',
      jobTitle: 'računovođa',
    }),
    makePerson({
      kind: 'professional',
      firstName: 'Mojca',
      lastName: 'Krajnc',
      gender: 'woman',
      municipality: 'Celje',
      country: 'SI',
      institution: 'Društvo Most',
      institutionType: 'ngo',
      jobTitle: 'psihologinja',
    }),
    makePerson({
      kind: 'professional',
      firstName: 'Goran',
      lastName: 'Babić',
      gender: 'man',
      municipality: 'Čakovec',
      country: 'HR',
      institution: 'Odvjetnički ured Babić',
      institutionType: 'other',
      jobTitle: 'odvjetnik',
    }),
    makePerson({
      kind: 'professional',
      firstName: 'Tjaša',
      lastName: 'Mlakar',
      gender: 'woman',
      municipality: 'Ptuj',
      country: 'SI',
      institution: 'Digitalna zadruga',
      institutionType: 'sme',
      jobTitle: 'spletna podjetnica',
    }),
  ];
  const expertise: Mentor['expertise'][] = [
    ['businessPlan', 'marketing', 'sector'],
    ['finance', 'businessPlan', 'legal'],
    ['psychosocial'],
    ['legal'],
    ['digital', 'marketing'],
  ];
  const mentors: Mentor[] = mentorPeople.map((p, i) => ({
    ...base(),
    personId: p.id,
    expertise: expertise[i] ?? [EXPERTISE_AREAS[0]],
    sectors: [SECTORS[i % SECTORS.length]!],
    languages: p.country === 'SI' ? ['sl', 'hr', 'en'] : i === 0 ? ['hr', 'hu'] : ['hr', 'en'],
    region: p.country === 'SI' ? 'Savinjska' : 'Međimurje',
    remote: i !== 3,
    capacity: i === 2 ? 5 : 3,
    availability: 'radnim danom poslijepodne',
    active: i !== 4,
  }));

  const matches: Match[] = [];
  const mentoringSessions: MentoringSession[] = [];
  const mentees = beneficiaries.filter((p) => p.gender === 'woman').slice(0, 10);
  mentees.forEach((mentee, i) => {
    const mentor = mentors[i % 4]!;
    const startedOn = addDays('2026-04-15', i * 6);
    const closed = i < 3;
    const match: Match = {
      ...base(),
      mentorId: mentor.id,
      menteeId: mentee.id,
      status: closed ? 'closed' : i === 9 ? 'proposed' : 'active',
      startedOn: i === 9 ? undefined : startedOn,
      closedOn: closed ? addDays(startedOn, 120) : undefined,
      closeReason: closed ? 'ciljevi ostvareni' : undefined,
    };
    matches.push(match);
    if (i === 9) return;
    const count = closed ? 6 : r.int(2, 5);
    for (let s = 0; s < count; s++) {
      const services: MentoringSession['services'] = [r.pick(SERVICES)];
      if (r.chance(0.3)) services.push(r.pick(SERVICES.filter((x) => x !== services[0])));
      mentoringSessions.push({
        ...base(),
        matchId: match.id,
        date: addDays(startedOn, s * 14),
        minutes: r.pick([45, 60, 60, 90]),
        mode: r.pick(['inPerson', 'phone', 'online'] as const),
        services,
        note: s === 0 ? 'Prvi susret: dogovoreni ciljevi.' : undefined,
      });
    }
  });

  // Anonymous paper forms from the first two cross-border modules, on the modules' default questions
  // (stored as version 1, as the app stores it with the first response).
  const crossForm: QuestionSet = { ...base(), programmeId: cross.id, version: 1, ...defaultQuestionSet('crossBorder') };
  const suggestions = ['Više primjera iz prakse.', 'Dulje trajanje modula.', 'Više vremena za razmjenu iskustava.', 'Materijale poslati unaprijed.'];
  const evaluations: Evaluation[] = [];
  crossEvents.slice(0, 2).forEach((event, m) => {
    for (let i = 0; i < (m === 0 ? 24 : 17); i++) {
      const scores: Record<string, number> = {};
      for (const q of crossForm.questions) if (q.kind === 'scale' && r.chance(0.95)) scores[q.key] = r.chance(0.6) ? 5 : r.pick([3, 4, 4, 4, 5]);
      const suggestion = r.chance(0.2) ? r.pick(suggestions) : undefined;
      evaluations.push({ ...base(), eventId: event.id, questionSetId: crossForm.id, scores, ...(suggestion ? { answers: { suggestions: suggestion } } : {}) });
    }
  });

  const outcomes: Outcome[] = [];
  beneficiaries.slice(0, 14).forEach((p, i) => {
    const kind = OUTCOME_KINDS[i % OUTCOME_KINDS.length]!;
    // Job outcomes name their employer ("employed at"): the SMEs supported and the larger employers.
    const employer = kind === 'employed' ? [smes[0]!, smes[2]!, employers[0]!][Math.floor(i / OUTCOME_KINDS.length) % 3] : undefined;
    outcomes.push({ ...base(), personId: p.id, kind, date: addDays('2026-05-01', i * 9), ...(employer ? { employerId: employer.id } : {}) });
  });

  // Referrals to institutions, dated back from today (so the one whose follow-up is due shows on the
  // home screen): one completed, one accepted with its follow-up due, one just sent, one declined,
  // and in Slovenia one where the service has started.
  const ago = (days: number) => addDays(today, -days);
  const referral = (
    person: Person,
    fields: Pick<Referral, 'kind' | 'institution' | 'reason'> & Partial<Pick<Referral, 'contactPerson' | 'followUpOn' | 'outcome'>>,
    steps: Array<[ReferralStatus, string]>,
  ): Referral => {
    const history = steps.map(([status, date]) => ({ status, date }));
    return { ...base(), personId: person.id, ...fields, date: history[0]!.date, status: history.at(-1)!.status, history };
  };
  const referrals: Referral[] = [
    referral(
      beneficiaries[0]!,
      {
        kind: 'socialWorkCentre',
        institution: 'Centar za socijalnu skrb Čakovec',
        reason: 'Zahtjev za zajamčenu minimalnu naknadu dok ne pokrene obrt.',
        contactPerson: 'Mirjana, socijalna radnica',
        outcome: 'Naknada odobrena od prvog dana u mjesecu.',
      },
      [
        ['sent', ago(60)],
        ['accepted', ago(55)],
        ['serviceStarted', ago(40)],
        ['closed', ago(10)],
      ],
    ),
    referral(
      beneficiaries[1]!,
      {
        kind: 'employmentOffice',
        institution: 'Hrvatski zavod za zapošljavanje, Područni ured Čakovec',
        reason: 'Prijava u evidenciju i potpora za samozapošljavanje.',
        contactPerson: 'Savjetnica za samozapošljavanje',
        followUpOn: ago(1),
      },
      [
        ['sent', ago(21)],
        ['accepted', ago(14)],
      ],
    ),
    referral(
      beneficiaries[3]!,
      { kind: 'legalAid', institution: 'Pravna klinika Zagreb', reason: 'Savjet o ugovoru o najmu poslovnog prostora.', followUpOn: addDays(today, 7) },
      [['sent', ago(3)]],
    ),
    referral(beneficiaries[4]!, { kind: 'healthcare', institution: 'Dom zdravlja Čakovec', reason: 'Procjena radne sposobnosti.' }, [
      ['sent', ago(30)],
      ['declined', ago(25)],
    ]),
    referral(
      beneficiaries[2]!,
      {
        kind: 'socialWorkCentre',
        institution: 'Center za socialno delo Celje',
        reason: 'Denarna socialna pomoč in svetovanje.',
        contactPerson: 'Mojca, strokovna delavka',
        followUpOn: ago(3),
      },
      [
        ['sent', ago(45)],
        ['accepted', ago(40)],
        ['serviceStarted', ago(30)],
      ],
    ),
  ];

  return {
    referrals,
    organisations: [partnerHr, partnerSi, ...smes, ...employers],
    people,
    consents,
    outcomes,
    // Created one after the other, as a coordinator would: the lead numbers a partner's programmes
    // by creation ("Programme 1 (BADGE cycle)"), so two demo installations number them alike.
    programmes: [badge, cross].map((p, i) => ({ ...p, createdAt: new Date(now.getTime() + i).toISOString() })),
    events: [badgeEvent, ...crossEvents],
    sessions: [...badgeSessions, ...crossSessions],
    enrolments,
    attendance,
    certificates,
    mentors,
    matches,
    mentoringSessions,
    questionSets: [crossForm],
    evaluations,
  };
}
