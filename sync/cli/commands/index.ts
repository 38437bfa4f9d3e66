/**
 * Every CLI command, each in its own file exporting a `register` function. A command reports its exit
 * code through `setExit` (0 nothing pending, 2 changes or drift pending) or throws for errors.
 */
import type { Command } from 'commander';
import type { CliIo } from '../io.js';
import { registerValidate } from './validate.js';
import { registerCompile } from './compile.js';
import { registerPreview } from './preview.js';
import { registerIterable } from './iterable.js';
import { registerEmulator } from './emulator.js';
import { registerRuns } from './runs.js';
import { registerPlan } from './plan.js';
import { registerApply } from './apply.js';
import { registerImport } from './import.js';
import { registerDrift } from './drift.js';
import { registerDaemon } from './daemon.js';
import { registerHooks } from './hooks.js';
import { registerTimeline } from './timeline.js';
import { registerStudio } from './studio.js';
import { registerTest } from './test.js';

export type RegisterCommand = (program: Command, io: CliIo, setExit: (code: number) => void) => void;

export const commands: RegisterCommand[] = [
  registerValidate,
  registerCompile,
  registerPreview,
  registerIterable,
  registerEmulator,
  registerRuns,
  registerPlan,
  registerApply,
  registerImport,
  registerDrift,
  registerDaemon,
  registerHooks,
  registerTimeline,
  registerStudio,
  registerTest,
];
