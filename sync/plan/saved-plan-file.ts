/** The saved plan on disk: `kac plan --out` writes it atomically, `kac apply <file>` reads it back (checked by saved-plan.ts). */
import { mkdir, readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import writeFileAtomic from 'write-file-atomic';
import { renderPlanJson } from '../report/plan-json.js';
import { parsePlanFile } from './saved-plan.js';
import type { Plan } from './types.js';

export async function savePlanFile(path: string, plan: Plan): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileAtomic(path, renderPlanJson(plan));
}

/** `shown` names the file in errors, as the user typed it. */
export async function readPlanFile(path: string, shown: string): Promise<Plan> {
  return parsePlanFile(await readFile(path, 'utf8'), shown);
}
