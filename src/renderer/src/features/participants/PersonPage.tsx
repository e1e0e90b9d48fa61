import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Timeline,
  Title,
  Checkbox,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconEdit, IconGitMerge, IconMask, IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { can } from '@shared/auth/permissions';
import { municipalityLabel } from '@shared/gazetteer';
import { genderContext } from '@shared/i18n';
import { LEGAL_BASES, OUTCOME_KINDS, coversSpecialCategories, lostOnWithdrawal, type Consent, type LegalForm, type Person } from '@shared/model';
import { isBusinessOutcome } from '@shared/people/outcomes';
import { takesEmployer } from '@shared/organisations/register';
import { listRegister } from '../../db/organisations';
import { EmployerPicker } from '../organisations';
import { ReferralsPanel, usePersonReferrals } from '../referrals';
import { UNTICKED_CONSENT_CHOICES } from '@shared/people/sharing';
import { useApp } from '../../session/AppContext';
import { useToday } from '../../session/useToday';
import { BusinessOutcomeFields } from '../../components/BusinessOutcomeFields';
import { PageHeader } from '../../components/PageHeader';
import { PersonPicker } from '../../components/PersonPicker';
import { useFormat } from '../../components/useFormat';
import { useOutcomeDetails } from '../../components/useOutcomeDetails';
import { PeopleError, addConsent, addOutcome, anonymisePerson, erasePerson, mergePeople, personDossier, withdrawConsent } from '../../db/people';
import { displayName } from './labels';
import { ForbiddenError } from '../../db/permissions';
import { PersonFormModal } from './PersonForm';
import { DateField } from '../../components/DateField';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || '—'}</Text>
    </div>
  );
}

export function PersonPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['participants', 'common', 'organisations', 'referrals']);
  const { db, actor, org } = useApp();
  const fmt = useFormat();
  const outcomeDetails = useOutcomeDetails();
  const navigate = useNavigate();
  const dossier = useLiveQuery(() => personDossier(db, actor, id), [db, actor, id]);
  // Referrals are case work: only a role that may read them gets the tab (docs/security.md).
  const mayReferrals = can(actor.role, 'manageReferrals');
  const referrals = usePersonReferrals(id, mayReferrals);
  const [dialog, setDialog] = useState<null | 'edit' | 'erase' | 'anonymise' | 'merge' | 'consent' | 'outcome'>(null);
  const [mergeWith, setMergeWith] = useState<string | null>(null);
  const todayNow = useToday();
  const today = todayNow();
  // Nothing is ticked for the person: each choice is hers to make (sharing with the lead above all).
  const [consent, setConsent] = useState({ legalBasis: 'consent', date: today, noticeVersion: '1.0', ...UNTICKED_CONSENT_CHOICES } as {
    legalBasis: string;
    date: string;
    noticeVersion: string;
    specialCategories: boolean;
    shareWithLead: boolean;
    photos: boolean;
  });
  const noOutcome = { kind: null, date: today, note: '', legalForm: null, jobsCreated: null, employerId: null };
  const [outcome, setOutcome] = useState<{
    kind: string | null;
    date: string;
    note: string;
    legalForm: LegalForm | null;
    jobsCreated: number | null;
    employerId: string | null;
  }>(noOutcome);
  // "Employed at" names an employer of the register, for a role that may read it.
  const mayPickEmployer = can(actor.role, 'manageOrganisations');
  const employers = useLiveQuery(
    async () => (mayPickEmployer ? new Map((await listRegister(db, actor)).map((o) => [o.id, o.name] as const)) : new Map<string, string>()),
    [db, actor, mayPickEmployer],
  );
  const [error, setError] = useState<string | null>(null);

  if (dossier === undefined) return null;
  if (dossier === null)
    return (
      <Stack>
        <Anchor onClick={() => void navigate('/participants')}>{t('participants:backToList')}</Anchor>
        <Text>{t('participants:errors.notFound')}</Text>
      </Stack>
    );
  const { person: p, consents, outcomes, enrolments, attendance, certificates, mentoring, timeline } = dossier;
  const special = coversSpecialCategories(consents);
  const close = () => {
    setDialog(null);
    setError(null);
    // The next outcome starts empty, not as a copy of the last one.
    setOutcome(noOutcome);
  };
  const fail = (e: unknown) =>
    setError(
      e instanceof PeopleError
        ? t(`participants:errors.${e.code}`)
        : e instanceof ForbiddenError
          ? t('common:errors.forbidden')
          : t('participants:errors.saveFailed'),
    );

  /** Withdrawing can delete her target groups and notes: say so, by name, before it happens. */
  const confirmWithdraw = (c: Consent) => {
    const name = p.anonymised ? displayName(t, p) : `${p.firstName} ${p.lastName}`;
    const lost = lostOnWithdrawal(p, consents, c.id);
    const hadSpecial = (p.targetGroups?.length ?? 0) > 0 || (p.notes ?? '').trim() !== '';
    const groups = lost.targetGroups.map((g) => t(`participants:targetGroups.${g}`)).join(', ');
    modals.openConfirmModal({
      title: t('participants:consent.withdrawConfirm.title'),
      children: (
        <Stack gap="xs" data-testid="withdraw-consent-confirm">
          <Text size="sm">{t('participants:consent.withdrawConfirm.text', { name, date: fmt.date(c.date) })}</Text>
          {lost.targetGroups.length > 0 && (
            <Text size="sm" fw={500}>
              {t('participants:consent.withdrawConfirm.groups', { count: lost.targetGroups.length, name, groups })}
            </Text>
          )}
          {lost.notes && (
            <Text size="sm" fw={500}>
              {t('participants:consent.withdrawConfirm.notes', { name })}
            </Text>
          )}
          {hadSpecial && !lost.notes && lost.targetGroups.length === 0 && <Text size="sm">{t('participants:consent.withdrawConfirm.keeps')}</Text>}
          <Text size="sm">{t('participants:consent.withdrawConfirm.irreversible')}</Text>
        </Stack>
      ),
      labels: { confirm: t('participants:consent.withdrawConfirm.confirm'), cancel: t('common:cancel') },
      confirmProps: { color: 'red', 'data-testid': 'confirm-withdraw-consent' } as Record<string, unknown>,
      onConfirm: () => void withdrawConsent(db, actor, c.id, todayNow()).catch(fail),
    });
  };

  // Shown only to a role that may (shared/auth/permissions.ts); the data layer refuses the others anyway.
  const mayEdit = can(actor.role, 'editPeople');
  const mayErase = can(actor.role, 'erasePeople');
  const actions = (
    <>
      {mayEdit && (
        <Button variant="default" leftSection={<IconEdit size={16} />} onClick={() => setDialog('edit')} disabled={p.anonymised}>
          {t('participants:edit')}
        </Button>
      )}
      {mayEdit && (
        <Button variant="default" leftSection={<IconGitMerge size={16} />} onClick={() => setDialog('merge')} disabled={p.anonymised}>
          {t('participants:merge')}
        </Button>
      )}
      {mayErase && (
        <Button variant="default" leftSection={<IconMask size={16} />} onClick={() => setDialog('anonymise')} disabled={p.anonymised}>
          {t('participants:anonymise')}
        </Button>
      )}
      {mayErase && (
        <Button color="red" variant="light" leftSection={<IconTrash size={16} />} onClick={() => setDialog('erase')}>
          {t('participants:erase')}
        </Button>
      )}
    </>
  );

  return (
    <>
      <Anchor size="sm" onClick={() => void navigate('/participants')} mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} /> {t('participants:backToList')}
      </Anchor>
      <PageHeader
        title={p.anonymised ? t('participants:anonymisedName') : `${p.firstName} ${p.lastName}`}
        description={[
          t(`participants:kinds.${p.kind}`),
          p.municipality && municipalityLabel(p.municipality, fmt.locale),
          p.birthYear ? String(p.birthYear) : '',
        ]
          .filter(Boolean)
          .join(' · ')}
        actions={actions}
      />
      {p.anonymised && (
        <Alert color="gray" mb="md">
          {t('participants:anonymisedText')}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, lg: 3 }} spacing="md">
        <Card withBorder radius="md" data-testid="person-details">
          <Title order={4} mb="sm">
            {t('participants:details')}
          </Title>
          <SimpleGrid cols={2} spacing="xs">
            <Field label={t('participants:fields.gender')}>{t(`participants:genders.${p.gender}`)}</Field>
            <Field label={t('participants:fields.birthYear')}>{p.birthYear}</Field>
            <Field label={t('participants:fields.municipality')}>{p.municipality && municipalityLabel(p.municipality, fmt.locale)}</Field>
            <Field label={t('participants:fields.country')}>{p.country ? t(`common:countries.${p.country}`) : ''}</Field>
            <Field label={t('participants:fields.phone')}>{p.phone}</Field>
            <Field label={t('participants:fields.email')}>{p.email}</Field>
            <Field label={t('participants:fields.employmentStatus')}>
              {p.employmentStatus ? t(`participants:employment.${p.employmentStatus}`, { context: genderContext(p.gender) }) : ''}
            </Field>
            <Field label={t('participants:fields.educationLevel')}>{p.educationLevel ? t(`participants:education.${p.educationLevel}`) : ''}</Field>
            {p.kind === 'professional' && <Field label={t('participants:fields.institution')}>{p.institution}</Field>}
            {p.kind === 'professional' && <Field label={t('participants:fields.jobTitle')}>{p.jobTitle}</Field>}
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt="md">
            {t('participants:fields.targetGroups')}
          </Text>
          {special ? (
            <Group gap={4} mt={4}>
              {p.targetGroups.length ? (
                p.targetGroups.map((g) => (
                  <Badge key={g} variant="light" color="grape">
                    {t(`participants:targetGroups.${g}`)}
                  </Badge>
                ))
              ) : (
                <Text size="sm">—</Text>
              )}
            </Group>
          ) : (
            <Text size="sm" c="dimmed" data-testid="special-hidden">
              {t('participants:consent.noSpecialConsent')}
            </Text>
          )}
          {special && p.notes && (
            <>
              <Text size="xs" c="dimmed" mt="md">
                {t('participants:fields.notes')}
              </Text>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                {p.notes}
              </Text>
            </>
          )}
        </Card>
        <Card withBorder radius="md" style={{ gridColumn: 'span 2' }}>
          <Tabs defaultValue="consents">
            <Tabs.List mb="sm">
              <Tabs.Tab value="consents">{t('participants:tabs.consents', { count: consents.length })}</Tabs.Tab>
              <Tabs.Tab value="outcomes">{t('participants:tabs.outcomes', { count: outcomes.length })}</Tabs.Tab>
              <Tabs.Tab value="programmes">{t('participants:tabs.programmes', { count: enrolments.length })}</Tabs.Tab>
              <Tabs.Tab value="mentoring">{t('participants:tabs.mentoring', { count: mentoring.length })}</Tabs.Tab>
              {mayReferrals && <Tabs.Tab value="referrals">{t('referrals:tab', { count: referrals?.length ?? 0 })}</Tabs.Tab>}
              <Tabs.Tab value="timeline">{t('participants:tabs.timeline')}</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="consents">
              <Table data-testid="consent-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('participants:consent.date')}</Table.Th>
                    <Table.Th>{t('participants:consent.legalBasis')}</Table.Th>
                    <Table.Th>{t('participants:consent.noticeVersion')}</Table.Th>
                    <Table.Th>{t('participants:consent.covers')}</Table.Th>
                    <Table.Th />
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {consents.map((c) => (
                    <Table.Tr key={c.id} data-testid="consent-row">
                      <Table.Td>{fmt.date(c.date)}</Table.Td>
                      <Table.Td>{t(`participants:legalBases.${c.legalBasis}`)}</Table.Td>
                      <Table.Td>
                        {c.noticeVersion}
                        {c.recordedBy && (
                          <Text size="xs" c="dimmed">
                            {t('participants:consent.recordedBy', { name: c.recordedBy })}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {c.processing && <Badge variant="light">{t('participants:consent.processingShort')}</Badge>}
                          {c.specialCategories && (
                            <Badge variant="light" color="grape">
                              {t('participants:consent.specialShort')}
                            </Badge>
                          )}
                          {c.shareWithLead && (
                            <Badge variant="light" color="blue">
                              {t('participants:consent.shareShort')}
                            </Badge>
                          )}
                          {c.photos && (
                            <Badge variant="light" color="orange">
                              {t('participants:consent.photosShort')}
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        {c.withdrawnAt ? (
                          <Badge color="red" variant="light">
                            {t('participants:consent.withdrawnOn', { date: fmt.date(c.withdrawnAt) })}
                          </Badge>
                        ) : (
                          mayEdit && (
                            <Button size="xs" variant="subtle" color="red" onClick={() => confirmWithdraw(c)}>
                              {t('participants:consent.withdraw')}
                            </Button>
                          )
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {consents.length === 0 && (
                <Text c="dimmed" size="sm">
                  {t('participants:consent.none')}
                </Text>
              )}
              {mayEdit && (
                <Button mt="sm" size="xs" variant="light" onClick={() => setDialog('consent')} disabled={p.anonymised}>
                  {t('participants:consent.add')}
                </Button>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="outcomes">
              {outcomes.length === 0 && (
                <Text c="dimmed" size="sm">
                  {t('participants:outcomes.none')}
                </Text>
              )}
              <Stack gap={4}>
                {outcomes.map((o) => (
                  <Group key={o.id} data-testid="outcome-row" gap="sm" wrap="nowrap">
                    <Text size="sm" w={110}>
                      {fmt.date(o.date)}
                    </Text>
                    <Badge variant="light" color="teal" style={{ flexShrink: 0 }}>
                      {t(`participants:outcomeKinds.${o.kind}`, { context: genderContext(p.gender) })}
                    </Badge>
                    <Text size="sm" data-testid="outcome-details">
                      {outcomeDetails(o)}
                    </Text>
                    {o.employerId && employers?.has(o.employerId) && (
                      <Text size="sm" data-testid="outcome-employer">
                        {t('organisations:employer.label')}: {employers.get(o.employerId)}
                      </Text>
                    )}
                    <Text size="sm" c="dimmed">
                      {o.note}
                    </Text>
                  </Group>
                ))}
              </Stack>
              {mayEdit && (
                <Button mt="sm" size="xs" variant="light" onClick={() => setDialog('outcome')}>
                  {t('participants:outcomes.add')}
                </Button>
              )}
            </Tabs.Panel>
            <Tabs.Panel value="programmes">
              {enrolments.length === 0 && attendance.length === 0 && (
                <Text c="dimmed" size="sm">
                  {t('participants:noProgrammes')}
                </Text>
              )}
              <Stack gap={4}>
                {enrolments.map((e) => (
                  <Group key={e.id} gap="sm">
                    <Text size="sm" w={110}>
                      {fmt.date(e.enrolledOn)}
                    </Text>
                    <Text size="sm" fw={500}>
                      {e.programmeTitle}
                    </Text>
                    <Text size="sm">{e.eventTitle}</Text>
                    <Badge variant="light">{t(`participants:enrolmentStatus.${e.status}`, { defaultValue: e.status, context: genderContext(p.gender) })}</Badge>
                  </Group>
                ))}
              </Stack>
              {attendance.length > 0 && (
                <Text size="sm" mt="sm" c="dimmed">
                  {t('participants:attendanceSummary', {
                    count: attendance.filter((a) => a.status === 'present' || a.status === 'late').length,
                    total: attendance.length,
                  })}
                </Text>
              )}
              {certificates.map((c) => (
                <Text key={c.id} size="sm">
                  {t('participants:certificate', { number: c.number, date: fmt.date(c.issuedOn), event: c.eventTitle })}
                </Text>
              ))}
            </Tabs.Panel>
            <Tabs.Panel value="mentoring">
              {mentoring.length === 0 && (
                <Text c="dimmed" size="sm">
                  {t('participants:noMentoring')}
                </Text>
              )}
              {mentoring.map((m) => (
                <Group key={m.id} gap="sm">
                  <Badge variant="light">{t(`participants:mentoringRole.${m.role}`)}</Badge>
                  <Text size="sm" fw={500}>
                    {m.otherName}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t('participants:mentoringSessions', { count: m.sessions })}
                  </Text>
                </Group>
              ))}
            </Tabs.Panel>
            {mayReferrals && (
              <Tabs.Panel value="referrals">
                <ReferralsPanel personId={p.id} referrals={referrals ?? []} readOnly={p.anonymised} />
              </Tabs.Panel>
            )}
            <Tabs.Panel value="timeline">
              <Timeline bulletSize={14} lineWidth={2}>
                {timeline.map((e, i) => (
                  <Timeline.Item key={i} title={t(`participants:timeline.${e.kind}`)}>
                    <Text size="xs" c="dimmed">
                      {fmt.date(e.date)} {e.kind === 'outcome' ? t(`participants:outcomeKinds.${e.label}`, { context: genderContext(p.gender) }) : e.label}
                    </Text>
                  </Timeline.Item>
                ))}
              </Timeline>
            </Tabs.Panel>
          </Tabs>
        </Card>
      </SimpleGrid>

      {dialog === 'edit' && <PersonFormModal person={p} onClose={close} />}
      <Modal opened={dialog === 'erase'} onClose={close} title={t('participants:eraseTitle')}>
        <Stack>
          <Text size="sm">{t('participants:eraseText', { name: displayName(t, p) })}</Text>
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button
              color="red"
              data-testid="confirm-erase"
              onClick={() =>
                void erasePerson(db, actor, p.id).then(() => {
                  notifications.show({ color: 'teal', message: t('participants:erased') });
                  void navigate('/participants');
                }, fail)
              }
            >
              {t('participants:erase')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={dialog === 'anonymise'} onClose={close} title={t('participants:anonymiseTitle')}>
        <Stack>
          <Text size="sm">{t('participants:anonymiseText')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button data-testid="confirm-anonymise" onClick={() => void anonymisePerson(db, actor, p.id).then(close, fail)}>
              {t('participants:anonymise')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={dialog === 'merge'} onClose={close} title={t('participants:mergeTitle')} size="lg">
        <Stack>
          <Text size="sm">{t('participants:mergeText', { name: displayName(t, p) })}</Text>
          <PersonPicker value={mergeWith} onChange={setMergeWith} label={t('participants:mergeWith')} />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button
              disabled={!mergeWith}
              data-testid="confirm-merge"
              onClick={() =>
                mergeWith &&
                void mergePeople(db, actor, p.id, mergeWith).then(() => {
                  notifications.show({ color: 'teal', message: t('participants:merged') });
                  setMergeWith(null);
                  close();
                }, fail)
              }
            >
              {t('participants:merge')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={dialog === 'consent'} onClose={close} title={t('participants:consent.add')} size="lg">
        <Stack>
          <SimpleGrid cols={3}>
            <Select
              label={t('participants:consent.legalBasis')}
              data={LEGAL_BASES.map((b) => ({ value: b, label: t(`participants:legalBases.${b}`) }))}
              value={consent.legalBasis}
              allowDeselect={false}
              onChange={(v) => setConsent({ ...consent, legalBasis: v ?? 'consent' })}
            />
            <DateField label={t('participants:consent.date')} value={consent.date} onChange={(date) => setConsent({ ...consent, date })} />
            <TextInput
              label={t('participants:consent.noticeVersion')}
              value={consent.noticeVersion}
              onChange={(e) => setConsent({ ...consent, noticeVersion: e.currentTarget.value })}
            />
          </SimpleGrid>
          <Group>
            <Checkbox
              label={t('participants:consent.specialCategories')}
              checked={consent.specialCategories}
              onChange={(e) => setConsent({ ...consent, specialCategories: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('participants:consent.shareWithLead')}
              checked={consent.shareWithLead}
              onChange={(e) => setConsent({ ...consent, shareWithLead: e.currentTarget.checked })}
            />
            <Checkbox
              label={t('participants:consent.photos')}
              checked={consent.photos}
              onChange={(e) => setConsent({ ...consent, photos: e.currentTarget.checked })}
            />
          </Group>
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button
              data-testid="save-consent"
              onClick={() =>
                void addConsent(db, actor, p.id, { ...consent, legalBasis: consent.legalBasis as (typeof LEGAL_BASES)[number], processing: true }).then(
                  close,
                  fail,
                )
              }
            >
              {t('common:save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={dialog === 'outcome'} onClose={close} title={t('participants:outcomes.add')}>
        <Stack>
          <Select
            label={t('participants:outcomes.kind')}
            data={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`participants:outcomeKinds.${k}`) }))}
            value={outcome.kind}
            onChange={(v) => setOutcome({ ...outcome, kind: v })}
          />
          <DateField label={t('participants:outcomes.date')} value={outcome.date} onChange={(date) => setOutcome({ ...outcome, date })} />
          {isBusinessOutcome(outcome.kind ?? undefined) && (
            <BusinessOutcomeFields country={org.country} value={outcome} onChange={(changes) => setOutcome({ ...outcome, ...changes })} />
          )}
          {takesEmployer(outcome.kind ?? undefined) && mayPickEmployer && (
            <EmployerPicker value={outcome.employerId} onChange={(employerId) => setOutcome({ ...outcome, employerId })} />
          )}
          <TextInput label={t('participants:outcomes.note')} value={outcome.note} onChange={(e) => setOutcome({ ...outcome, note: e.currentTarget.value })} />
          {error && <Alert color="red">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common:cancel')}
            </Button>
            <Button
              disabled={!outcome.kind}
              data-testid="save-outcome"
              onClick={() =>
                void addOutcome(db, actor, p.id, {
                  kind: outcome.kind as (typeof OUTCOME_KINDS)[number],
                  date: outcome.date,
                  note: outcome.note || undefined,
                  ...(isBusinessOutcome(outcome.kind ?? undefined)
                    ? { legalForm: outcome.legalForm ?? undefined, jobsCreated: outcome.jobsCreated ?? undefined }
                    : {}),
                  ...(takesEmployer(outcome.kind ?? undefined) && outcome.employerId ? { employerId: outcome.employerId } : {}),
                }).then(close, fail)
              }
            >
              {t('common:save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

export type { Person };
