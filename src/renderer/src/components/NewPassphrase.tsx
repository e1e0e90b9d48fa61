import { Group, PasswordInput } from '@mantine/core';
import { useState } from 'react';
import { MIN_PASSPHRASE } from '../db/exchange';

/** A new passphrase typed twice: long enough, and the same both times. */
export function newPassphraseState(pass: string, again: string) {
  return { tooShort: pass.length > 0 && pass.length < MIN_PASSPHRASE, mismatch: again.length > 0 && again !== pass, ok: pass.length >= MIN_PASSPHRASE && again === pass };
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
      <PasswordInput label={props.repeatLabel} value={props.again} onChange={(e) => props.onAgain(e.currentTarget.value)} error={mismatch ? props.mismatchText : undefined} w={300} />
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
