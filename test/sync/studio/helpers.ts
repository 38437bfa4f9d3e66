/**
 * A studio over this repo's definitions, against an in-memory local org the repo was applied to
 * (through the KUSTOMER_* variables, as a running `kac emulator` is reached). Nothing touches .kac/local.
 */
import { resolve } from 'node:path';
import { main } from '../../../sync/cli/main.js';
import type { CliIo } from '../../../sync/cli/io.js';
import { startLocalOrg, type LocalOrg } from '../../../sync/local-org/server/server.js';
import { createStudio, type Studio } from '../../../sync/studio/run.js';

export const repoRoot = resolve(new URL('../../..', import.meta.url).pathname);

export interface StudioFixture {
  org: LocalOrg;
  studio: Studio;
  dispose(): Promise<void>;
}

export async function startStudioFixture(): Promise<StudioFixture> {
  const org = await startLocalOrg({ stateDir: null, rateLimitPerMinute: 100_000 });
  const env = {
    PATH: process.env.PATH,
    KUSTOMER_BASE_URL: org.baseUrl,
    KUSTOMER_API_KEY: org.token,
    REGAL_CONVERSATION_SYNC_TOKEN: 'studio-test-token',
  };
  const lines: string[] = [];
  const io: CliIo = {
    out: (t) => void lines.push(t),
    err: (t) => void lines.push(t),
    isTTY: false,
    color: false,
    logger: { info() {}, warn() {}, error: (m) => void lines.push(m), debug() {} },
    cwd: repoRoot,
    env,
  };
  const code = await main(['apply', '--auto-approve', '--root', repoRoot], io);
  if (code !== 0) throw new Error(`apply failed:\n${lines.join('\n')}`);
  const studio = await createStudio({ root: repoRoot, processEnv: env });
  return {
    org,
    studio,
    async dispose() {
      await studio.close();
      await org.close();
    },
  };
}
