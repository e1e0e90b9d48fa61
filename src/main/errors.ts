/**
 * An error whose message is meant for the renderer (and the user): it carries no paths or data.
 * Any other error thrown by a handler reaches the renderer only as "IPC <channel> failed (CODE)".
 */
export class IpcError extends Error {
  override readonly name = 'IpcError';
}
