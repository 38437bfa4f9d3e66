#!/usr/bin/env node
// The `kac` bin: runs the CLI from its bundle (bin/cli-bundle.js builds it on first use into .kac/cli/),
// so start-up needs no TypeScript loader; authored .ts files register tsx when they are imported.
// Signals reach the CLI directly. KAC_FROM_SOURCE=1 runs the sources through tsx instead.
import { cliEntry } from './cli-bundle.js';

const { main } = await import(await cliEntry());
process.exitCode = await main(process.argv.slice(2));
