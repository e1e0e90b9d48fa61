import type { z } from 'zod';
import { CHANNELS, channels, type Channel, type Response } from '@shared/ipc';
import { IpcError } from './errors';
import type { FrameLike } from './security';

/** The request a handler receives: the schema's output (defaults applied). */
export type ParsedRequest<C extends Channel> = z.output<(typeof channels)[C]['request']>;

/** The parts of the renderer's WebContents a handler may use (print:pdf renders it). */
export interface SenderLike {
  printToPDF(options: { pageSize: 'A4'; printBackground: boolean; landscape: boolean }): Promise<Uint8Array>;
  print(options: { pageSize: 'A4'; printBackground: boolean; landscape: boolean }, callback: (success: boolean, failureReason: string) => void): void;
}

/** The parts of IpcMainInvokeEvent the wrapper and handlers read. */
export interface InvokeEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: SenderLike;
}

export type Handler<C extends Channel> = (request: ParsedRequest<C>, event: InvokeEventLike) => Promise<Response<C>> | Response<C>;

/** One plain function per channel; the wrapper has checked the sender and parsed the request. */
export type Handlers = { readonly [C in Channel]: Handler<C> };

export type SenderCheck = (frame: FrameLike | null) => boolean;

/** Describes what was wrong with a request by path and issue code only: never echoes values. */
function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length > 0 ? issue.path.map(String).join('.') : '(request)'}: ${issue.code}`)
    .join('; ');
}

/**
 * Wraps a handler for ipcMain.handle: refuses untrusted senders, parses the payload with the
 * channel's schema (the handler never sees an unparsed value), then calls the handler. Errors
 * reach the renderer without paths or data: an IpcError's message as it is, anything else as
 * "IPC <channel> failed" plus its error code (the original stays attached as `cause` in main).
 */
export function makeInvokeHandler<C extends Channel>(
  channel: C,
  handler: Handler<C>,
  isTrusted: SenderCheck,
): (event: InvokeEventLike, payload?: unknown) => Promise<Response<C>> {
  const schema = channels[channel].request;
  return async (event, payload) => {
    if (!isTrusted(event.senderFrame)) {
      throw new Error(`IPC ${channel} refused: untrusted sender`);
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      throw new Error(`IPC ${channel} refused: invalid request (${describeIssues(parsed.error)})`);
    }
    try {
      return await handler(parsed.data as ParsedRequest<C>, event);
    } catch (error) {
      if (error instanceof IpcError) throw error;
      const code = (error as { code?: unknown } | null)?.code;
      const suffix = typeof code === 'string' && /^[A-Z0-9_]{2,32}$/.test(code) ? ` (${code})` : '';
      throw new Error(`IPC ${channel} failed${suffix}`, { cause: error });
    }
  };
}

/** The part of IpcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, payload?: unknown) => Promise<unknown>): void;
}

/** Registers every channel of the contract; a missing handler is a type error, not a runtime gap. */
export function registerIpc(ipcMain: IpcMainLike, handlers: Handlers, isTrusted: SenderCheck): Channel[] {
  const registered: Channel[] = [];
  for (const channel of CHANNELS) {
    register(ipcMain, channel, handlers[channel], isTrusted);
    registered.push(channel);
  }
  return registered;
}

function register<C extends Channel>(ipcMain: IpcMainLike, channel: C, handler: Handler<C>, isTrusted: SenderCheck): void {
  ipcMain.handle(channel, makeInvokeHandler(channel, handler, isTrusted));
}
