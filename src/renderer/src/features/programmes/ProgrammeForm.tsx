import { ActionIcon, Button, Checkbox, Group, Modal, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { COUNTRIES, PROGRAMME_KINDS, programmeSchema, type Country, type Logo, type Programme } from '@shared/model';
import { useApp } from '../../session/AppContext';
import { zodValidate } from '../../components/zodForm';
import { saveProgramme } from '../../db/programmes';
import { FormActions } from '../../components/FormActions';
import { DateField } from '../../components/DateField';
import { LogoInput } from '../../components/LogoInput';

interface Values {
  kind: Programme['kind'];
  title: string;
  funder: string;
  projectCode: string;
  certificatePrefix: string;
  startDate: string;
  endDate: string;
  ruleType: 'minShare' | 'compulsory';
  minPercent: number;
  partners: Array<{ name: string; country: Country }>;
  funderLogos: Logo[];
  euFunded: boolean;
}

const formSchema = programmeSchema
  .pick({ kind: true, title: true, funder: true, projectCode: true, certificatePrefix: true, partners: true })
  .extend({
    startDate: z.union([z.literal(''), z.iso.date()]),
    endDate: z.union([z.literal(''), z.iso.date()]),
    minPercent: z.number().min(1).max(100),
  })
  .refine((v) => !v.startDate || !v.endDate || v.startDate <= v.endDate, { path: ['endDate'], message: 'order' });

const blank = (s: string) => (s.trim() === '' ? undefined : s.trim());

/** Create or edit a programme: kind, title, funder and code, dates, partners and the completion rule. */
export function ProgrammeForm({
  opened,
  onClose,
  programme,
  onSaved,
}: {
  opened: boolean;
  onClose: () => void;
  programme?: Programme;
  onSaved?: (p: Programme) => void;
}) {
  const { t } = useTranslation(['programmes', 'common', 'validation']);
  const { db, actor, org } = useApp();
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: {
      kind: programme?.kind ?? 'badge',
      title: programme?.title ?? '',
      funder: programme?.funder ?? '',
      projectCode: programme?.projectCode ?? '',
      certificatePrefix: programme?.certificatePrefix ?? '',
      startDate: programme?.startDate ?? '',
      endDate: programme?.endDate ?? '',
      ruleType: programme?.completionRule.type ?? 'minShare',
      minPercent: programme?.completionRule.type === 'minShare' ? Math.round(programme.completionRule.minShare * 100) : 80,
      partners: programme?.partners ?? [],
      funderLogos: programme?.funderLogos ?? [],
      euFunded: programme?.euFunded ?? false,
    },
    validate: (values) => {
      const errors = zodValidate(formSchema, t)(values);
      if (errors.endDate && values.startDate && values.endDate && values.startDate > values.endDate) errors.endDate = t('programmes:form.endBeforeStart');
      return errors;
    },
  });

  const submit = form.onSubmit(async (v) => {
    const completionRule =
      v.ruleType === 'compulsory' && programme?.completionRule.type === 'compulsory'
        ? programme.completionRule
        : v.ruleType === 'compulsory'
          ? { type: 'compulsory' as const, sessionIds: [] }
          : { type: 'minShare' as const, minShare: v.minPercent / 100 };
    const saved = await saveProgramme(
      db,
      actor,
      {
        kind: v.kind,
        title: v.title,
        funder: blank(v.funder),
        projectCode: blank(v.projectCode),
        certificatePrefix: blank(v.certificatePrefix),
        startDate: blank(v.startDate),
        endDate: blank(v.endDate),
        partnerOrgIds: programme?.partnerOrgIds ?? [],
        partners: v.partners.filter((p) => p.name.trim()),
        completionRule,
        funderLogos: v.funderLogos,
        euFunded: v.euFunded,
      },
      programme?.id,
    );
    notifications.show({ color: 'teal', message: t('programmes:saved') });
    onClose();
    if (!programme) form.reset();
    onSaved?.(saved);
  });

  return (
    <Modal opened={opened} onClose={onClose} title={programme ? t('programmes:edit') : t('programmes:new')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <Select
            label={t('programmes:form.kind')}
            data={PROGRAMME_KINDS.map((k) => ({ value: k, label: t(`programmes:kinds.${k}`) }))}
            allowDeselect={false}
            {...form.getInputProps('kind')}
          />
          <TextInput label={t('programmes:form.title')} withAsterisk data-autofocus {...form.getInputProps('title')} />
          <SimpleGrid cols={3}>
            <TextInput label={t('programmes:form.funder')} {...form.getInputProps('funder')} />
            <TextInput label={t('programmes:form.projectCode')} {...form.getInputProps('projectCode')} />
            <TextInput label={t('programmes:form.certificatePrefix')} placeholder="BADGE" {...form.getInputProps('certificatePrefix')} />
          </SimpleGrid>
          <LogoInput
            label={t('programmes:form.funderLogos')}
            description={t('programmes:form.funderLogosHint')}
            max={3}
            value={form.values.funderLogos}
            onChange={(logos) => form.setFieldValue('funderLogos', logos)}
          />
          <Checkbox
            label={t('programmes:form.euFunded')}
            description={t('programmes:form.euFundedHint')}
            {...form.getInputProps('euFunded', { type: 'checkbox' })}
          />
          <SimpleGrid cols={2}>
            <DateField label={t('programmes:form.startDate')} {...form.getInputProps('startDate')} />
            <DateField label={t('programmes:form.endDate')} {...form.getInputProps('endDate')} />
          </SimpleGrid>
          <Radio.Group label={t('programmes:form.rule')} {...form.getInputProps('ruleType')}>
            <Stack gap={6} mt={6}>
              <Group gap="xs">
                <Radio value="minShare" label={t('programmes:form.ruleMinShare')} />
                <NumberInput
                  aria-label={t('programmes:form.minPercent')}
                  w={90}
                  min={1}
                  max={100}
                  suffix=" %"
                  disabled={form.values.ruleType !== 'minShare'}
                  {...form.getInputProps('minPercent')}
                />
              </Group>
              <Radio value="compulsory" label={t('programmes:form.ruleCompulsory')} />
            </Stack>
          </Radio.Group>
          <Stack gap={6}>
            <Text size="sm" fw={500}>
              {t('programmes:form.partners')}
            </Text>
            {form.values.partners.map((_, i) => (
              <Group key={i} gap="xs" wrap="nowrap">
                <TextInput
                  style={{ flex: 1 }}
                  aria-label={t('programmes:form.partnerName')}
                  placeholder={t('programmes:form.partnerName')}
                  {...form.getInputProps(`partners.${i}.name`)}
                />
                <Select
                  w={200}
                  aria-label={t('programmes:form.partnerCountry')}
                  data={COUNTRIES.map((c) => ({ value: c, label: t(`common:countries.${c}`) }))}
                  allowDeselect={false}
                  {...form.getInputProps(`partners.${i}.country`)}
                />
                <ActionIcon variant="subtle" color="red" aria-label={t('common:delete')} onClick={() => form.removeListItem('partners', i)}>
                  <IconTrash size={16} />
                </ActionIcon>
              </Group>
            ))}
            <Button
              variant="subtle"
              size="xs"
              w="fit-content"
              leftSection={<IconPlus size={14} />}
              onClick={() => form.insertListItem('partners', { name: '', country: org.country })}
            >
              {t('programmes:form.addPartner')}
            </Button>
          </Stack>
          <FormActions onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
