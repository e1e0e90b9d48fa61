/**
 * Reads a whole IndexedDB database through the raw IndexedDB API (not Dexie, not the app's db
 * layer): every object store's values and every index's keys, as one text to search. Bytes
 * (sealed values) are written as lower-case hex, so a name can only be found there if it was
 * stored as text.
 */
export async function rawStoreText(name: string): Promise<{ text: string; stores: string[]; rows: number }> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('open failed'));
  });
  try {
    const stores = [...idb.objectStoreNames];
    const parts: string[] = [];
    let rows = 0;
    await new Promise<void>((resolve, reject) => {
      const tx = idb.transaction(stores, 'readonly');
      for (const s of stores) {
        const store = tx.objectStore(s);
        const all = store.getAll();
        all.onsuccess = () => {
          rows += (all.result as unknown[]).length;
          for (const v of all.result as unknown[]) parts.push(`${s}: ${flatten(v)}`);
        };
        // The index's own keys (getAllKeys would give the primary keys): what IndexedDB keeps in the index.
        for (const index of [...store.indexNames]) {
          const keys: unknown[] = [];
          const cursor = store.index(index).openKeyCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return void parts.push(`${s}.${index}: ${flatten(keys)}`);
            keys.push(c.key);
            c.continue();
          };
        }
      }
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error ?? new Error('read failed'));
    });
    return { text: parts.join('\n'), stores, rows };
  } finally {
    idb.close();
  }
}

function flatten(v: unknown): string {
  if (v instanceof Uint8Array) return [...v].map((b) => b.toString(16).padStart(2, '0')).join('');
  if (Array.isArray(v)) return v.map(flatten).join(' ');
  if (typeof v === 'object' && v !== null)
    return Object.entries(v)
      .map(([k, x]) => `${k}=${flatten(x)}`)
      .join(' ');
  return String(v);
}
