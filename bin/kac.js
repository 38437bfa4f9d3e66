#!/usr/bin/env node
// The `kac` bin: registers tsx in-process, so the TypeScript CLI and the authored .ts files load
// without a build step and signals reach the CLI directly.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../sync/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
