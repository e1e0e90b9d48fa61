import { Anchor, Autocomplete, Group, Text } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { closestMunicipalities, matchMunicipality, municipalityLabel } from '@shared/gazetteer';
import { useFormat } from './useFormat';

/**
 * The municipality with the gazetteer's names offered as one types (in the user's script), and a
 * line under it saying what will be stored: the canonical name and country, or, for a name the
 * gazetteer does not know, that it is kept as typed, with the closest names to pick from.
 */
export function MunicipalityField({
  label,
  value,
  onChange,
  country,
  onCountry,
  error,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  country: string | null;
  onCountry: (country: string) => void;
  error?: React.ReactNode;
}) {
  const { t } = useTranslation(['participants', 'common']);
  const fmt = useFormat();
  const name = (n: string) => municipalityLabel(n, fmt.locale);
  const match = useMemo(() => matchMunicipality(value, country ?? undefined, { suggest: true }), [value, country]);
  // Offered names, once each (Vodice is one name in two countries; the country field decides).
  const locale = fmt.locale;
  const options = useMemo(
    () => [...new Set(closestMunicipalities(value, { country: country ?? undefined, limit: 8 }).map((m) => municipalityLabel(m.name, locale)))],
    [value, country, locale],
  );

  // The country follows a chosen or finished name (not every keystroke: "Bor" is on the way to "Borovo").
  const settle = (n: string) => {
    const m = matchMunicipality(n, country ?? undefined).municipality;
    if (m && !country) onCountry(m.country);
  };
  const pick = (n: string) => {
    onChange(name(n));
    settle(n);
  };
  const choices = (list: string[]) => (
    <Group gap={6} component="span">
      {list.map((n) => (
        <Anchor key={n} component="button" type="button" size="xs" onClick={() => pick(n)} data-testid="municipality-suggestion">
          {name(n)}
        </Anchor>
      ))}
    </Group>
  );

  let hint: React.ReactNode = null;
  const m = match.municipality;
  if (m && country && m.country !== country)
    hint = (
      <>
        {t('participants:place.otherCountry', { name: name(m.name), country: t(`common:countries.${m.country}`) })}{' '}
        <Anchor component="button" type="button" size="xs" onClick={() => onCountry(m.country)}>
          {t('participants:place.setCountry', { country: t(`common:countries.${m.country}`) })}
        </Anchor>
      </>
    );
  else if (m) hint = t('participants:place.savedAs', { name: name(m.name), country: t(`common:countries.${m.country}`) });
  else if (match.status === 'ambiguous' && !match.name)
    hint = (
      <>
        {t('participants:place.ambiguous')} {choices(match.suggestions.map((s) => s.name))}
      </>
    );
  else if (match.status === 'unknown')
    hint = (
      <>
        {t('participants:place.unknown')}
        {match.suggestions.length > 0 && (
          <>
            {' '}
            {t('participants:place.didYouMean')} {choices(match.suggestions.map((s) => s.name))}
          </>
        )}
      </>
    );

  return (
    <div>
      <Autocomplete
        label={label}
        value={value}
        onChange={onChange}
        onOptionSubmit={settle}
        onBlur={() => settle(value)}
        data={options}
        filter={({ options: all }) => all}
        error={error}
        data-testid="municipality-input"
      />
      {hint && (
        <Text
          size="xs"
          c={match.status === 'known' && !(m && country && m.country !== country) ? 'dimmed' : 'orange.9'}
          mt={4}
          data-testid="municipality-hint"
          component="div"
        >
          {hint}
        </Text>
      )}
    </div>
  );
}
