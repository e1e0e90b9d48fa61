/**
 * Property-based proof that every channel of src/shared/ipc.ts refuses malformed payloads in the
 * main-process wrapper (src/main/ipc.ts, makeInvokeHandler) before its handler runs, and lets valid
 * ones through. Seeded and bounded: IPC_PROPERTY_RUNS (default 300 per property and channel) and
 * IPC_PROPERTY_SEED reproduce or lengthen a run.
 *
 * - arbitrary values (fc.anything with every exotic option) → refused unless the channel's schema
 *   accepts them, never a synchronous throw, the refusal names the channel and never echoes data;
 * - near misses derived from each schema's fields: a wrong-typed value per field, a missing required
 *   field, a huge string (100k+ characters) in any string field, too many array elements, bytes as
 *   something other than a Uint8Array, and the whole payload wrapped in an array → always refused;
 * - extra fields (the schemas strip, not refuse) → never reach the handler;
 * - valid payloads generated per channel → the handler runs exactly once with the parsed value;
 * - untrusted senders (foreign origin, subframe, no frame) → refused whatever the payload.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LOCALES } from '@shared/i18n/locales';
import { BACKUP_REASONS, CHANNELS, channels, LOG_LEVELS, type Channel } from '@shared/ipc';
import { makeInvokeHandler, type InvokeEventLike } from '../../src/main/ipc';
import { isTrustedSender, type FrameLike } from '../../src/main/security';

const RUNS = Number(process.env.IPC_PROPERTY_RUNS ?? 300);
const SEED = Number(process.env.IPC_PROPERTY_SEED ?? 20261123);
const params = (salt: number) => ({ seed: SEED + salt, numRuns: RUNS, endOnFailure: true });

const trusted = (frame: FrameLike | null): boolean => isTrustedSender(frame, ['app://mreza']);
const printToPDF = async (): Promise<Uint8Array> => new Uint8Array([1]);
const goodEvent: InvokeEventLike = { senderFrame: { url: 'app://mreza/index.html', parent: null }, sender: { printToPDF, print: () => undefined } };

/** Unhandled rejections anywhere in the run fail it ("never throws uncaught"). */
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
beforeAll(() => process.on('unhandledRejection', onUnhandled));
afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
  expect(unhandled).toEqual([]);
});

type Outcome = { called: number; received: unknown; settled: 'resolved' | 'rejected'; value: unknown };

/** Invokes the wrapped handler once; a synchronous throw fails the property. */
async function invoke(channel: Channel, payload: unknown, event: InvokeEventLike = goodEvent): Promise<Outcome> {
  let called = 0;
  let received: unknown;
  const answer = { answer: channel };
  const handler = (request: unknown) => {
    called++;
    received = request;
    return answer;
  };
  const wrapped = makeInvokeHandler(channel, handler as never, trusted);
  let promise: Promise<unknown>;
  try {
    promise = wrapped(event, payload);
  } catch (error) {
    throw new Error(`${channel}: the wrapper threw synchronously`, { cause: error });
  }
  expect(promise).toBeInstanceOf(Promise);
  return promise.then(
    (value) => ({ called, received, settled: 'resolved' as const, value }),
    (value: unknown) => ({ called, received, settled: 'rejected' as const, value }),
  );
}

/** The refusal names the channel and carries only field names, indices and zod issue codes. */
function expectRefusedForPayload(channel: Channel, outcome: Outcome): void {
  expect(outcome.called, `${channel}: handler must not run`).toBe(0);
  expect(outcome.settled).toBe('rejected');
  expect(outcome.value).toBeInstanceOf(Error);
  const message = (outcome.value as Error).message;
  const escaped = channel.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  expect(message).toMatch(
    new RegExp(`^IPC ${escaped} refused: invalid request \\((\\(request\\)|[A-Za-z0-9_.]+): [a-z_]+(; (\\(request\\)|[A-Za-z0-9_.]+): [a-z_]+)*\\)$`),
  );
}

// ---------------------------------------------------------------------------------------------
// Valid payloads, one generator per channel, written from the schemas in src/shared/ipc.ts.

const bareName = fc.string({ unit: 'binary', minLength: 1, maxLength: 200 }).filter((s) => s.length <= 200 && !/[/\\]/.test(s));
const fileFilter = fc.record({
  name: fc.string({ unit: 'binary', maxLength: 80 }).filter((s) => s.length <= 80),
  extensions: fc.array(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,15}$/), { maxLength: 8 }),
});
const filters = fc.array(fileFilter, { maxLength: 8 });
const bytes = fc.uint8Array({ maxLength: 256 });
const backupName = fc.stringMatching(/^mreza-backup-\d{8}T\d{9}Z(-[a-z]+)*\.json\.gz$/);

const VALID: { readonly [C in Channel]: fc.Arbitrary<unknown> } = {
  'app:info': fc.constant(undefined),
  'backup:write': fc.record({ reason: fc.constantFrom(...BACKUP_REASONS), data: bytes }),
  'backup:list': fc.constant(undefined),
  'backup:read': fc.record({ fileName: backupName }),
  'backup:deleteAll': fc.constant(undefined),
  'backupFolder:get': fc.constant(undefined),
  'backupFolder:choose': fc.constant(undefined),
  'backupFolder:forget': fc.constant(undefined),
  'file:save': fc.record({ suggestedName: bareName, filters, data: bytes }),
  'file:open': fc.record({ filters, multiple: fc.boolean() }),
  'print:pdf': fc.record({ suggestedName: bareName, landscape: fc.boolean() }, { requiredKeys: ['suggestedName'] }),
  'print:print': fc.record({ landscape: fc.boolean() }, { requiredKeys: [] }),
  'print:htmlToPdf': fc.record({ html: fc.uint8Array({ minLength: 1, maxLength: 200 }) }),
  'app:setLocale': fc.record({ locale: fc.constantFrom(...LOCALES) }),
  'file:takeOpened': fc.constant(undefined),
  'log:write': fc.record({ level: fc.constantFrom(...LOG_LEVELS), message: fc.string({ maxLength: 400 }) }),
  'app:openLogsFolder': fc.constant(undefined),
  'app:quitReady': fc.constant(undefined),
  'updates:get': fc.constant(undefined),
  'updates:setAutoCheck': fc.record({ enabled: fc.boolean() }),
  'updates:check': fc.constant(undefined),
  'updates:download': fc.constant(undefined),
  'updates:restart': fc.constant(undefined),
};

// ---------------------------------------------------------------------------------------------
// Near misses, derived from each channel's schema.

const anything = fc.anything({
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

function shapeOf(channel: Channel): Record<string, z.ZodType> | null {
  const schema = channels[channel].request as z.ZodType;
  return schema instanceof z.ZodObject ? (schema.shape as Record<string, z.ZodType>) : null;
}

const isOptional = (field: z.ZodType): boolean => field.safeParse(undefined).success;
const acceptsString = (field: z.ZodType): boolean =>
  field.safeParse('mreza-backup-20261123T090102123Z-auto.json.gz').success || field.safeParse('a').success || field.safeParse('https://example.org/').success;
const isArrayField = (field: z.ZodType): boolean => field.safeParse([]).success;

/** Every way one valid payload of `channel` can be made invalid, each guaranteed to be refused. */
function nearMisses(channel: Channel): fc.Arbitrary<unknown> {
  const shape = shapeOf(channel);
  if (shape === null) {
    // Request-less channels: any defined value is wrong.
    return anything.filter((v) => v !== undefined);
  }
  const keys = Object.keys(shape);
  const required = keys.filter((k) => !isOptional(shape[k]!));
  const strings = keys.filter((k) => acceptsString(shape[k]!));
  const arrays = keys.filter((k) => isArrayField(shape[k]!));
  const bytesFields = keys.filter((k) => shape[k]!.safeParse(new Uint8Array()).success);
  const valid = VALID[channel] as fc.Arbitrary<Record<string, unknown>>;

  const kinds: fc.Arbitrary<unknown>[] = [
    // A value of a wrong type in one field (whatever that field's own schema refuses).
    fc
      .tuple(valid, fc.constantFrom(...keys), anything)
      .filter(([, key, value]) => !shape[key]!.safeParse(value).success && !(value === undefined && isOptional(shape[key]!)))
      .map(([v, key, value]) => ({ ...v, [key]: value })),
    // Not an object at all.
    anything.filter((v) => v === null || typeof v !== 'object' || Array.isArray(v)),
    valid.map((v) => [v]),
  ];
  if (required.length > 0) {
    kinds.push(
      fc.tuple(valid, fc.subarray(required, { minLength: 1 })).map(([v, drop]) => {
        const copy: Record<string, unknown> = { ...v };
        for (const key of drop) delete copy[key];
        return copy;
      }),
    );
  }
  if (strings.length > 0) {
    kinds.push(
      fc
        .tuple(
          valid,
          fc.constantFrom(...strings),
          fc.integer({ min: 100_000, max: 400_000 }),
          fc.constantFrom('a', 'é', '/', '..', 'https://x.example/', '\u0000'),
        )
        .map(([v, key, length, unit]) => ({
          ...v,
          [key]: unit.repeat(Math.ceil(length / unit.length)),
        })),
    );
  }
  if (arrays.length > 0) {
    kinds.push(
      fc.tuple(valid, fc.constantFrom(...arrays), fc.integer({ min: 9, max: 200 })).map(([v, key, n]) => ({
        ...v,
        [key]: Array.from({ length: n }, () => ({ name: 'CSV', extensions: ['csv'] })),
      })),
    );
  }
  if (bytesFields.length > 0) {
    kinds.push(
      fc
        .tuple(
          valid,
          fc.constantFrom(...bytesFields),
          fc.constantFrom<unknown>(new ArrayBuffer(8), [1, 2, 3], new DataView(new ArrayBuffer(4)), new Uint16Array(4), 'AAEC', { 0: 1, length: 1 }, null),
        )
        .map(([v, key, value]) => ({ ...v, [key]: value })),
    );
  }
  return fc.oneof(...kinds);
}

/** Extra fields a renderer might try to smuggle through. */
const extras = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !['__proto__'].includes(k)),
  anything,
  { minKeys: 1, maxKeys: 5 },
);

// ---------------------------------------------------------------------------------------------

describe('IPC payload properties (every channel of src/shared/ipc.ts)', () => {
  it('covers every channel of the contract', () => {
    expect(Object.keys(VALID).sort()).toEqual([...CHANNELS].sort());
  });

  CHANNELS.forEach((channel, index) => {
    describe(channel, () => {
      it('arbitrary values: refused without calling the handler unless the schema accepts them', async () => {
        await fc.assert(
          fc.asyncProperty(anything, async (payload) => {
            const outcome = await invoke(channel, payload);
            if (channels[channel].request.safeParse(payload).success) {
              expect(outcome.called).toBe(1);
              expect(outcome.settled).toBe('resolved');
            } else {
              expectRefusedForPayload(channel, outcome);
            }
          }),
          params(index * 10 + 1),
        );
      });

      it('near misses derived from the schema: always refused, the handler never runs', async () => {
        await fc.assert(
          fc.asyncProperty(nearMisses(channel), async (payload) => {
            expect(channels[channel].request.safeParse(payload).success).toBe(false);
            expectRefusedForPayload(channel, await invoke(channel, payload));
          }),
          params(index * 10 + 2),
        );
      });

      it('valid payloads pass: the handler runs once, with the parsed value', async () => {
        await fc.assert(
          fc.asyncProperty(VALID[channel], async (payload) => {
            const parsed = channels[channel].request.safeParse(payload);
            expect(parsed.success, 'generator must produce valid payloads').toBe(true);
            const outcome = await invoke(channel, payload);
            expect(outcome.called).toBe(1);
            expect(outcome.settled).toBe('resolved');
            expect(outcome.value).toEqual({ answer: channel });
            expect(outcome.received).toEqual(parsed.data);
          }),
          params(index * 10 + 3),
        );
      });

      if (shapeOf(channel) !== null) {
        it('extra fields are stripped: the handler sees only the contract fields', async () => {
          const known = Object.keys(shapeOf(channel)!);
          await fc.assert(
            fc.asyncProperty(VALID[channel] as fc.Arbitrary<Record<string, unknown>>, extras, async (payload, extra) => {
              const smuggled = Object.fromEntries(Object.entries(extra).filter(([k]) => !known.includes(k)));
              const outcome = await invoke(channel, { ...payload, ...smuggled });
              expect(outcome.called).toBe(1);
              expect(Object.keys(outcome.received as object).every((k) => known.includes(k))).toBe(true);
            }),
            params(index * 10 + 4),
          );
        });
      } else {
        it('request-less: only undefined passes', async () => {
          expect((await invoke(channel, undefined)).called).toBe(1);
          for (const payload of [null, 0, '', {}, [], false, Number.NaN]) expectRefusedForPayload(channel, await invoke(channel, payload));
        });
      }

      it('untrusted senders are refused whatever the payload', async () => {
        const foreignFrame = fc.oneof(
          fc.webUrl().map((url): FrameLike | null => ({ url, parent: null })),
          fc.constantFrom<FrameLike | null>(
            null,
            { url: 'file:///C:/app/index.html', parent: null },
            { url: 'app://mreza.evil/index.html', parent: null },
            { url: 'app://mreza/index.html', parent: { url: 'app://mreza/index.html', parent: null } },
            { url: 'about:blank', parent: null },
          ),
        );
        await fc.assert(
          fc.asyncProperty(foreignFrame, fc.oneof(VALID[channel], anything), async (frame, payload) => {
            const outcome = await invoke(channel, payload, { senderFrame: frame, sender: { printToPDF, print: () => undefined } });
            expect(outcome.called).toBe(0);
            expect(outcome.settled).toBe('rejected');
            expect((outcome.value as Error).message).toBe(`IPC ${channel} refused: untrusted sender`);
          }),
          params(index * 10 + 5),
        );
      });
    });
  });
});
