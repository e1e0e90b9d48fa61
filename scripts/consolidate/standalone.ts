/**
 * Entry of the self-contained `mreza-consolidate.mjs` (`npm run build:cli`): an M&E officer runs
 * it with a plain Node 24, without a checkout or an install.
 */
import { defaultIo, main } from './cli';

process.exitCode = await main(process.argv.slice(2), { ...defaultIo, command: 'node mreza-consolidate.mjs' });
