import { Group, PasswordInput, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import {
  judgePassphrase,
  loadPassphraseJudge,
  MAX_SIGN_IN_PASSPHRASE,
  MIN_SIGN_IN_PASSPHRASE,
  onPassphraseJudgeReady,
  passphraseJudgeReady,
  type PassphraseVerdict,
} from '@shared/auth/policy';
import { MIN_PASSPHRASE } from '../db/exchange';

/** A new passphrase typed twice: long enough, and the same both times. */
export function newPassphraseState(pass: string, again: string) {
  return {
    tooShort: pass.length > 0 && pass.length < MIN_PASSPHRASE,
    mismatch: again.length > 0 && again !== pass,
    ok: pass.length >= MIN_PASSPHRASE && again === pass,
  };
}

/**
 * A new sign-in passphrase typed twice: it meets the policy (auth/policy.ts) and is the same both
 * times. Not ok (and no verdict yet) while the judge's dictionaries load: a screen that calls this
 * calls usePassphraseJudgeReady() too, so it renders again once they are there.
 */
export function signInPassphraseState(pass: string, again: string, userInputs: readonly string[], judgeReady = passphraseJudgeReady()) {
  const verdict = pass && judgeReady ? judgePassphrase(pass, userInputs) : null;
  return { verdict, mismatch: again.length > 0 && again !== pass, ok: !!verdict?.ok && again === pass };
}

/** Whether the passphrase judge is ready; renders the caller again once it is (NewSignInPassphrase loads it). */
export function usePassphraseJudgeReady(): boolean {
  return useSyncExternalStore(onPassphraseJudgeReady, passphraseJudgeReady);
}

const SCORE_COLOURS = ['red', 'red', 'orange', 'teal', 'green'] as const;

/**
 * The two fields for a new sign-in passphrase, with a strength meter and the reasons a weak one
 * is refused, in the user's language. `userInputs` (her name, the organisation's) count against it.
 */
export function NewSignInPassphrase(props: {
  pass: string;
  again: string;
  onPass: (v: string) => void;
  onAgain: (v: string) => void;
  userInputs: readonly string[];
  label?: string;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation('users');
  // The dictionaries (a chunk of their own) load when the field first appears, before the first keystroke.
  useEffect(() => {
    loadPassphraseJudge().catch((e: unknown) => console.error('passphrase judge failed to load', e));
  }, []);
  const ready = usePassphraseJudgeReady();
  const { pass, again, userInputs } = props;
  const { verdict, mismatch } = useMemo(() => signInPassphraseState(pass, again, userInputs, ready), [pass, again, userInputs, ready]);
  return (
    <Stack gap="xs">
      <PasswordInput
        label={props.label ?? t('policy.newPassphrase')}
        description={t('policy.rule', { count: MIN_SIGN_IN_PASSPHRASE })}
        value={pass}
        onChange={(e) => props.onPass(e.currentTarget.value)}
        maxLength={MAX_SIGN_IN_PASSPHRASE}
        autoComplete="new-password"
        withAsterisk
        data-autofocus={props.autoFocus || undefined}
        autoFocus={props.autoFocus}
      />
      {verdict && <StrengthMeter verdict={verdict} />}
      <PasswordInput
        label={t('policy.repeat')}
        value={again}
        onChange={(e) => props.onAgain(e.currentTarget.value)}
        error={mismatch ? t('policy.mismatch') : undefined}
        autoComplete="new-password"
        withAsterisk
      />
    </Stack>
  );
}

function StrengthMeter({ verdict }: { verdict: PassphraseVerdict }) {
  const { t } = useTranslation('users');
  const reasons = [
    ...verdict.problems.map((p) => t(`policy.problems.${p}`, { count: p === 'tooLong' ? MAX_SIGN_IN_PASSPHRASE : MIN_SIGN_IN_PASSPHRASE })),
    ...(verdict.ok
      ? []
      : [
          verdict.warning ? t(`policy.warnings.${verdict.warning}`, { defaultValue: '' }) : '',
          ...verdict.suggestions.map((s) => t(`policy.suggestions.${s}`, { defaultValue: '' })),
        ]),
  ].filter(Boolean);
  return (
    <Stack gap={4} data-testid="passphrase-strength" data-score={verdict.score} data-ok={verdict.ok}>
      <Group justify="space-between" gap="xs">
        <Text size="xs" c="dimmed">
          {t('policy.strength')}
        </Text>
        <Text size="xs" fw={600} c={SCORE_COLOURS[verdict.score]}>
          {t(`policy.scores.${verdict.score}`)}
        </Text>
      </Group>
      <Progress value={(verdict.score + 1) * 20} color={SCORE_COLOURS[verdict.score]} size="sm" aria-label={t('policy.strength')} />
      {reasons.length > 0 && (
        <Stack gap={0} role="status">
          {reasons.map((r) => (
            <Text key={r} size="xs" c={verdict.ok ? 'dimmed' : 'red.8'}>
              {r}
            </Text>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/**
 * The two fields for a new passphrase (invitation, key file, mentor pack). The texts come from
 * the caller's namespace; `tooShortText` is shown as the hint and, once too short, as the error.
 */
export function NewPassphrase(props: {
  pass: string;
  again: string;
  onPass: (v: string) => void;
  onAgain: (v: string) => void;
  label: string;
  repeatLabel: string;
  tooShortText: string;
  mismatchText: string;
}) {
  const { tooShort, mismatch } = newPassphraseState(props.pass, props.again);
  return (
    <Group align="flex-start">
      <PasswordInput
        label={props.label}
        value={props.pass}
        onChange={(e) => props.onPass(e.currentTarget.value)}
        error={tooShort ? props.tooShortText : undefined}
        description={tooShort ? undefined : props.tooShortText}
        w={300}
      />
      <PasswordInput
        label={props.repeatLabel}
        value={props.again}
        onChange={(e) => props.onAgain(e.currentTarget.value)}
        error={mismatch ? props.mismatchText : undefined}
        w={300}
      />
    </Group>
  );
}

/**
 * The state of a "new passphrase → write a protected file" form: the two fields, busy, the saved
 * message and the problem. `run(save)` writes; `save` returns the saved message, or undefined
 * when the user cancelled the save dialog. The passphrase is cleared once the file is saved.
 */
export function usePassphraseSave<P>(toProblem: (e: unknown) => P) {
  const [pass, setPass] = useState('');
  const [again, setAgain] = useState('');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const [problem, setProblem] = useState<P>();
  const run = async (save: (pass: string) => Promise<string | undefined>) => {
    setBusy(true);
    setProblem(undefined);
    setSaved(undefined);
    try {
      const message = await save(pass);
      if (message !== undefined) {
        setSaved(message);
        setPass('');
        setAgain('');
      }
    } catch (e) {
      setProblem(toProblem(e));
    } finally {
      setBusy(false);
    }
  };
  const fields = { pass, again, onPass: setPass, onAgain: setAgain };
  return { fields, ok: newPassphraseState(pass, again).ok, busy, saved, problem, run };
}
