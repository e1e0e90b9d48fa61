import type { TFunction } from 'i18next';
import type { Certificate, EventSession, Person, Programme, ProgrammeEvent } from '@shared/model';
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
  programme: Programme;
  event: ProgrammeEvent;
}

const Logos = ({ t, organisation, programme }: Pick<DocContext, 't' | 'organisation' | 'programme'>) => (
  <div className="logos">
    <div className="logo-box">{t('programmes:print.logoOrganisation', { name: organisation })}</div>
    <div className="logo-box">{t('programmes:print.logoProgramme')}</div>
    <div className="logo-box">{programme.funder ? t('programmes:print.logoFunder', { name: programme.funder }) : t('programmes:print.logoDonor')}</div>
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
                  <Logos t={t} organisation={organisation} programme={programme} />
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
        <Logos t={t} organisation={organisation} programme={programme} />
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
