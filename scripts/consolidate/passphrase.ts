/**
 * The key file's passphrase: from MREZA_KEY_PASSPHRASE (scripts, CI), else asked on the terminal
 * without echoing it. Null when there is neither (no terminal to ask on).
 */
export async function keyPassphrase(prompt: string, env: Record<string, string | undefined>): Promise<string | null> {
  if (env.MREZA_KEY_PASSPHRASE) return env.MREZA_KEY_PASSPHRASE;
  const input = process.stdin;
  if (!input.isTTY || !process.stderr.isTTY) return null;
  process.stderr.write(prompt);
  input.setRawMode(true);
  input.resume();
  input.setEncoding('utf8');
  return new Promise((resolve) => {
    let typed = '';
    const done = (value: string | null) => {
      input.off('data', onData);
      input.setRawMode(false);
      input.pause();
      process.stderr.write('\n');
      resolve(value);
    };
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done(typed);
        if (ch === '\u0003' || ch === '\u0004') return done(null); // Ctrl-C, Ctrl-D
        if (ch === '\u007f' || ch === '\b') typed = typed.slice(0, -1);
        else typed += ch;
      }
    };
    input.on('data', onData);
  });
}
