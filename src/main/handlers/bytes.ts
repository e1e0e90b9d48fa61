/**
 * A plain Uint8Array over exactly these bytes. IPC's structured clone copies a view's whole
 * underlying ArrayBuffer, so a Buffer that is a slice of a larger pool is copied out first.
 */
export function toPlainBytes(data: Uint8Array): Uint8Array<ArrayBuffer> {
  const buffer = data.buffer;
  if (buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === buffer.byteLength && Object.getPrototypeOf(data) === Uint8Array.prototype) {
    return new Uint8Array(buffer);
  }
  const copy = new Uint8Array(data.byteLength);
  copy.set(data);
  return copy;
}
