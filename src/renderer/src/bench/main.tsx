// The renderer's entry in the bench build only (`electron-vite build --mode bench`, run by
// scripts/bench.ts): the app as shipped, plus the hooks the benchmarks drive. The production
// build's entry is main.tsx, which imports nothing from bench/ (scripts/check-dist-no-bench.ts).
import { start } from '../start';
import { installBenchHooks } from './hooks';

void start(installBenchHooks);
