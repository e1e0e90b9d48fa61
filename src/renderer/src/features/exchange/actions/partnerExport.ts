import type { PrivacyLevel } from '@shared/bundle';
import { exportBundle } from '../../../db/partnerExport';
import { withheldBreakdown, type WithheldBreakdown } from '../../../db/sharing';
import type { ExchangeActionContext } from './context';
import { attempt, type Outcome } from './outcome';

/**
 * Partner: how many people a bundle at this level would leave at home (no consent to share), from
 * a dry run: not encrypted, not saved, not logged. Undefined when it cannot be told.
 */
export async function peopleWithheld(
  { db, actor, org }: Pick<ExchangeActionContext, 'db' | 'actor' | 'org'>,
  privacy: PrivacyLevel,
): Promise<number | undefined> {
  try {
    return (await exportBundle(db, actor, org, { privacy, acknowledgedRisk: true, dryRun: true })).withheldPeople;
  } catch {
    return undefined;
  }
}

/** Partner: why those people stay home (no basis recorded, objected) and how many erasures go. Undefined when it cannot be told. */
export async function whyWithheld({ db, actor }: Pick<ExchangeActionContext, 'db' | 'actor'>): Promise<WithheldBreakdown | undefined> {
  try {
    return await withheldBreakdown(db, actor);
  } catch {
    return undefined;
  }
}

export interface PartnerExportChoice {
  privacy: PrivacyLevel;
  /** Full level: the user ticked that she knows names leave. */
  acknowledgedRisk: boolean;
  /** Full level: she confirmed the list of what goes. */
  confirmedFullList: boolean;
  /** Optional: a passphrase on top of the lead's key. */
  passphrase: string;
}

/**
 * Partner: writes the bundle (encrypted to the lead, logged) and asks where to save it. Resolves
 * to the saved file's name, or undefined when the user cancelled the dialog.
 */
export function writePartnerBundle({ db, actor, org, saveFile }: ExchangeActionContext, choice: PartnerExportChoice): Promise<Outcome<string | undefined>> {
  return attempt(async () => {
    const written = await exportBundle(db, actor, org, {
      privacy: choice.privacy,
      acknowledgedRisk: choice.privacy === 'full' && choice.acknowledgedRisk,
      confirmedFullList: choice.confirmedFullList,
      ...(choice.passphrase ? { passphrase: choice.passphrase } : {}),
    });
    const saved = await saveFile({ suggestedName: written.fileName, filters: [{ name: 'Mreža', extensions: ['mreza'] }], data: written.bytes });
    return saved?.fileName;
  });
}
