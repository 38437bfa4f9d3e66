#!/usr/bin/env node
// The `kac` bin: registers tsx in-process, so the TypeScript CLI and the authored .ts files load
// without a build step and signals reach the CLI directly.
import { register } from 'tsx/esm/api';

register();
await import('../sync/cli/main.ts');
