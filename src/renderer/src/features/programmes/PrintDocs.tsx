import type { TFunction } from 'i18next';
import { logoDataUrl, type Certificate, type EventSession, type Logo, type Person, type Programme, type ProgrammeEvent } from '@shared/model';
import { paginateSignInSheet } from '@shared/programmes';
import { genderContext } from '@shared/i18n';

/**
 * The printable documents as plain HTML (no Mantine), so the same markup prints from the app
 * and goes into the evidence pack as a standalone file.
 */
export interface DocContext {
  t: TFunction;
  date: (iso: string) => string;
  organisation: string;
  /** The organisation's logo (Settings → Organisation); its name is printed where there is none. */
  organisationLogo?: Logo | undefined;
  programme: Programme;
  event: ProgrammeEvent;
}

/** The EU emblem (twelve gold stars on blue, 3:2) drawn from its geometric description, so no image file is needed. */
const EU_STARS = Array.from({ length: 12 }, (_, i) => {
  const a = (i * Math.PI) / 6;
  return { x: 30 + 13.33 * Math.sin(a), y: 20 - 13.33 * Math.cos(a) };
});
const STAR = Array.from({ length: 10 }, (_, i) => {
  const r = i % 2 === 0 ? 2.22 : 0.9;
  const a = (i * Math.PI) / 5;
  return `${(r * Math.sin(a)).toFixed(3)},${(-r * Math.cos(a)).toFixed(3)}`;
}).join(' ');

function EuEmblem({ statement }: { statement: string }) {
  return (
    <div className="eu-emblem" data-testid="eu-emblem">
      <svg viewBox="0 0 60 40" role="img" aria-label={statement}>
        <rect width="60" height="40" fill="#003399" />
        {EU_STARS.map((s, i) => (
          <polygon key={i} points={STAR} transform={`translate(${s.x.toFixed(3)} ${s.y.toFixed(3)})`} fill="#FFCC00" />
        ))}
      </svg>
      <span>{statement}</span>
    </div>
  );
}

/**
 * The head of every printed document: the organisation's logo (or its name), the funders' logos
 * and, for an EU-funded programme, the EU emblem with its statement (#17 part 6).
 */
const Logos = ({ t, organisation, organisationLogo, programme }: Pick<DocContext, 't' | 'organisation' | 'organisationLogo' | 'programme'>) => (
  <div className="logos" data-testid="doc-logos">
    {organisationLogo ? (
      <img className="logo" src={logoDataUrl(organisationLogo)} alt={organisation} data-testid="org-logo" />
    ) : (
      <div className="logo-name">{organisation}</div>
    )}
    <div className="funder-logos">
      {(programme.funderLogos ?? []).map((logo, i) => (
        <img key={i} className="logo" src={logoDataUrl(logo)} alt={logo.label ?? programme.funder ?? ''} data-testid="funder-logo" />
      ))}
      {programme.euFunded && <EuEmblem statement={t('programmes:print.euFunded')} />}
    </div>
  </div>
);

export function SignInSheetDoc({
  ctx,
  session,
  people,
  sessionIndex,
  sessionCount,
}: {
  ctx: DocContext;
  session: EventSession;
  people: Person[];
  sessionIndex: number;
  sessionCount: number;
}) {
  const { t, date, organisation, programme, event } = ctx;
  const pages = paginateSignInSheet(people);
  const eventName = `${event.number !== undefined ? `${t(`programmes:eventKinds.${event.kind}`)} ${event.number}: ` : ''}${event.title}`;
  return (
    <>
      {pages.map((page) => (
        <section className="a4-page sign-in-page" key={page.page} data-testid="sheet-page" data-page={page.page}>
          <table className="sheet">
            <thead>
              <tr className="sheet-head">
                <th colSpan={4}>
                  <Logos t={t} organisation={organisation} organisationLogo={ctx.organisationLogo} programme={programme} />
                  <p className="doc-title">{t('programmes:print.signInTitle')}</p>
                  <p className="doc-sub">
                    <strong>{organisation}</strong> · {programme.title}
                    {programme.funder ? ` · ${programme.funder}` : ''}
                    {programme.projectCode ? ` (${programme.projectCode})` : ''}
                  </p>
                  <dl className="facts">
                    <dt>{t('programmes:print.event')}</dt>
                    <dd>{eventName}</dd>
                    <dt>{t('programmes:print.date')}</dt>
                    <dd>
                      {date(session.date)} ({t('programmes:print.sessionOf', { n: sessionIndex + 1, total: sessionCount })})
                    </dd>
                    <dt>{t('programmes:print.venue')}</dt>
                    <dd>{[session.venue, session.town, t(`common:countries.${session.country}`)].filter(Boolean).join(', ')}</dd>
                    <dt>{t('programmes:print.time')}</dt>
                    <dd>
                      {session.start}–{session.end}
                    </dd>
                    {event.trainers.length > 0 && (
                      <>
                        <dt>{t('programmes:print.trainers')}</dt>
                        <dd>{event.trainers.join(', ')}</dd>
                      </>
                    )}
                    {event.topic && (
                      <>
                        <dt>{t('programmes:print.topic')}</dt>
                        <dd>{event.topic}</dd>
                      </>
                    )}
                  </dl>
                  <div className="page-no" data-testid="page-no">
                    {t('programmes:print.page', { page: page.page, pages: pages.length })}
                  </div>
                </th>
              </tr>
              <tr className="cols">
                <th className="n">{t('programmes:print.no')}</th>
                <th className="who">{t('programmes:print.name')}</th>
                <th>{t('programmes:print.institution')}</th>
                <th className="sig">{t('programmes:print.signature')}</th>
              </tr>
            </thead>
            <tbody>
              {page.rows.map(({ n, row }) => (
                <tr key={n} data-testid="sheet-row">
                  <td className="n">{n}.</td>
                  <td>{row ? `${row.firstName} ${row.lastName}` : ''}</td>
                  <td className="inst">{row ? [row.institution, row.municipality].filter(Boolean).join(', ') : ''}</td>
                  <td className="sig" />
                </tr>
              ))}
            </tbody>
          </table>
          {page.trainers && (
            <div className="trainers" data-testid="trainers-section">
              <h3>{t('programmes:print.trainersSign')}</h3>
              <table>
                <thead>
                  <tr>
                    <th>{t('programmes:print.name')}</th>
                    <th>{t('programmes:print.role')}</th>
                    <th className="sig">{t('programmes:print.signature')}</th>
                  </tr>
                </thead>
                <tbody>
                  {[...event.trainers, '', ''].slice(0, Math.max(2, event.trainers.length + 1)).map((name, i) => (
                    <tr key={i}>
                      <td>{name}</td>
                      <td>{name ? t('programmes:print.trainer') : ''}</td>
                      <td />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
    </>
  );
}

export function CertificateDoc({
  ctx,
  certificate,
  person,
  sessions,
}: {
  ctx: DocContext;
  certificate: Certificate;
  person: Person;
  sessions: EventSession[];
}) {
  const { t, date, organisation, programme, event } = ctx;
  const first = sessions[0];
  const last = sessions.at(-1);
  const towns = [...new Set(sessions.map((s) => s.town))].join(', ');
  return (
    <section className="a4-page certificate" data-testid="certificate-page">
      <div className="frame">
        <Logos t={t} organisation={organisation} organisationLogo={ctx.organisationLogo} programme={programme} />
        <h1>{t(`programmes:print.certificateTitle.${certificate.kind}`)}</h1>
        <p>{t('programmes:print.certifies')}</p>
        <div>
          <span className="name" data-testid="certificate-name">
            {person.firstName} {person.lastName}
          </span>
        </div>
        <p>{t(`programmes:print.certificateText.${certificate.kind}`, { context: genderContext(person.gender) })}</p>
        <p className="what">{`${event.number !== undefined ? `${t(`programmes:eventKinds.${event.kind}`)} ${event.number}: ` : ''}${event.title}`}</p>
        <p>{programme.title}</p>
        {first && last && (
          <p>
            {first.date === last.date ? date(first.date) : `${date(first.date)} – ${date(last.date)}`}
            {towns ? `, ${towns}` : ''}
          </p>
        )}
        {programme.funder && <p>{t('programmes:print.fundedBy', { funder: programme.funder })}</p>}
        <div className="spacer" />
        <div className="signatures">
          <div>{event.trainers[0] ? `${event.trainers[0]}, ${t('programmes:print.trainer')}` : t('programmes:print.trainer')}</div>
          <div>{t('programmes:print.forOrganisation', { name: organisation })}</div>
        </div>
        <div className="meta">
          <span data-testid="certificate-number">{t('programmes:print.number', { number: certificate.number })}</span>
          <span>{t('programmes:print.issued', { date: date(certificate.issuedOn) })}</span>
        </div>
      </div>
    </section>
  );
}
