import { Button, Group, MultiSelect, NumberInput, Select, Stack, Switch, TagsInput, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultLanguages } from '@shared/country/defaults';
import { languageOptions, languageValues } from '@shared/mentoring';
import { BUSINESS_STAGES, EXPERTISE_AREAS, MENTOR_GENDER_PREFERENCES, type MenteeProfile, type Mentor } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { PeoplePicker, PersonPicker } from '../../components/PersonPicker';
import { saveMenteeProfile, saveMentor } from '../../db/mentoring';

export function MentorForm({ mentor, onDone }: { mentor?: Mentor; onDone: () => void }) {
  const { t } = useTranslation(['mentoring', 'validation']);
  const { db, actor, org, settings } = useApp();
  const [personId, setPersonId] = useState<string | null>(mentor?.personId ?? null);
  const [expertise, setExpertise] = useState<string[]>(mentor?.expertise ?? []);
  const [sectors, setSectors] = useState<string[]>(mentor?.sectors ?? []);
  const [languages, setLanguages] = useState<string[]>((mentor && languageValues(mentor.languages)) ?? defaultLanguages(org.country, settings.language));
  const [region, setRegion] = useState(mentor?.region ?? '');
  const [remote, setRemote] = useState(mentor?.remote ?? true);
  const [capacity, setCapacity] = useState<number>(mentor?.capacity ?? 3);
  const [availability, setAvailability] = useState(mentor?.availability ?? '');
  const [active, setActive] = useState(mentor?.active ?? true);
  const [tried, setTried] = useState(false);
  const submit = async () => {
    setTried(true);
    if (!personId) return;
    await saveMentor(
      db,
      actor,
      {
        personId,
        expertise: expertise as Mentor['expertise'],
        sectors,
        languages,
        region: region || undefined,
        remote,
        capacity,
        availability: availability || undefined,
        active,
      },
      mentor?.id,
    );
    notifications.show({ color: 'teal', message: t('saved') });
    onDone();
  };
  return (
    <Stack>
      <PersonPicker label={t('person')} value={personId} onChange={setPersonId} error={tried && !personId ? t('validation:required') : undefined} />
      <MultiSelect label={t('expertise')} data={EXPERTISE_AREAS.map((a) => ({ value: a, label: t(`areas.${a}`) }))} value={expertise} onChange={setExpertise} />
      <TagsInput label={t('sectors')} value={sectors} onChange={setSectors} />
      <LanguagesField value={languages} onChange={setLanguages} />
      <TextInput label={t('region')} value={region} onChange={(e) => setRegion(e.currentTarget.value)} />
      <Group grow>
        <NumberInput label={t('capacity')} min={0} max={50} allowDecimal={false} value={capacity} onChange={(v) => setCapacity(Number(v) || 0)} />
        <TextInput label={t('availability')} value={availability} onChange={(e) => setAvailability(e.currentTarget.value)} />
      </Group>
      <Switch label={t('remote')} checked={remote} onChange={(e) => setRemote(e.currentTarget.checked)} />
      <Switch label={t('isActive')} checked={active} onChange={(e) => setActive(e.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('cancel')}
        </Button>
        <Button onClick={() => void submit()}>{t('save')}</Button>
      </Group>
    </Stack>
  );
}

export function MenteeForm({ profile, onDone }: { profile?: MenteeProfile; onDone: () => void }) {
  const { t } = useTranslation(['mentoring', 'validation']);
  const { db, actor, org, settings } = useApp();
  const [personId, setPersonId] = useState<string | null>(profile?.personId ?? null);
  const [stage, setStage] = useState<string>(profile?.stage ?? 'idea');
  const [sector, setSector] = useState(profile?.sector ?? '');
  const [needs, setNeeds] = useState<string[]>(profile?.needs ?? []);
  const [languages, setLanguages] = useState<string[]>((profile && languageValues(profile.languages)) ?? defaultLanguages(org.country, settings.language));
  const [region, setRegion] = useState(profile?.region ?? '');
  const [remote, setRemote] = useState(profile?.remote ?? false);
  const [mentorGender, setMentorGender] = useState<string>(profile?.mentorGender ?? 'any');
  const [avoid, setAvoid] = useState<string[]>(profile?.avoidPersonIds ?? []);
  const [notes, setNotes] = useState(profile?.notes ?? '');
  const [tried, setTried] = useState(false);
  const submit = async () => {
    setTried(true);
    if (!personId) return;
    await saveMenteeProfile(db, actor, {
      personId,
      stage: stage as MenteeProfile['stage'],
      sector: sector || undefined,
      needs: needs as MenteeProfile['needs'],
      languages,
      region: region || undefined,
      remote,
      mentorGender: mentorGender as MenteeProfile['mentorGender'],
      avoidPersonIds: avoid,
      notes: notes || undefined,
    });
    notifications.show({ color: 'teal', message: t('saved') });
    onDone();
  };
  return (
    <Stack>
      <PersonPicker
        label={t('person')}
        kind="beneficiary"
        value={personId}
        onChange={setPersonId}
        error={tried && !personId ? t('validation:required') : undefined}
      />
      <Group grow>
        <Select
          label={t('stage')}
          data={BUSINESS_STAGES.map((s) => ({ value: s, label: t(`stages.${s}`) }))}
          value={stage}
          onChange={(v) => setStage(v ?? 'idea')}
          allowDeselect={false}
        />
        <TextInput label={t('sector')} value={sector} onChange={(e) => setSector(e.currentTarget.value)} />
      </Group>
      <MultiSelect label={t('needs')} data={EXPERTISE_AREAS.map((a) => ({ value: a, label: t(`areas.${a}`) }))} value={needs} onChange={setNeeds} />
      <LanguagesField value={languages} onChange={setLanguages} />
      <Group grow>
        <TextInput label={t('region')} value={region} onChange={(e) => setRegion(e.currentTarget.value)} />
        <Select
          label={t('mentorGender')}
          data={MENTOR_GENDER_PREFERENCES.map((g) => ({ value: g, label: t(`genders.${g}`) }))}
          value={mentorGender}
          onChange={(v) => setMentorGender(v ?? 'any')}
          allowDeselect={false}
        />
      </Group>
      <Switch label={t('remote')} checked={remote} onChange={(e) => setRemote(e.currentTarget.checked)} />
      <PeoplePicker label={t('avoid')} value={avoid} onChange={setAvoid} />
      <Textarea label={t('notes')} value={notes} onChange={(e) => setNotes(e.currentTarget.value)} autosize minRows={2} />
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone}>
          {t('cancel')}
        </Button>
        <Button onClick={() => void submit()}>{t('save')}</Button>
      </Group>
    </Stack>
  );
}

/** Languages chosen by name in the user's language; the record keeps ISO codes ("sr"), never typed ones. */
function LanguagesField({ value, onChange }: { value: string[]; onChange: (v: string[]) => void }) {
  const { t, i18n } = useTranslation('mentoring');
  return (
    <MultiSelect
      label={t('languages')}
      description={t('languagesHint')}
      data={languageOptions(i18n.language, value)}
      value={value}
      onChange={onChange}
      searchable
      data-testid="languages-field"
    />
  );
}
