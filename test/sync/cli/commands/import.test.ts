// `kac import` end to end: the real CLI against a local org over loopback, into a fresh folder.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import type { CliIo } from '../../../../sync/cli/io.js';
import { main } from '../../../../sync/cli/main.js';
import { memoryLogger } from '../../../../sync/logger.js';
import {
  FIXTURES,
  REPO_ROOT,
  applyProject,
  buildOk,
  emptyOrg,
  pending,
  plan,
  type TestOrg,
} from '../../import/helpers.js';

function fakeIo(cwd: string, env: NodeJS.ProcessEnv) {
  const out: string[] = [];
  const err: string[] = [];
  const logger = memoryLogger();
  const io: CliIo = {
    out: (t) => void out.push(t),
    err: (t) => void err.push(t),
    isTTY: false,
    color: false,
    logger,
    cwd,
    env,
  };
  return { io, out, err, logger };
}

const SECRETS = { ACME_SYNC_TOKEN: 'sync-token-1234', ACME_HOOK_TOKEN: 'hook-token-5678' };

async function project(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'kac-import-cli-'));
  await writeFile(
    join(dir, 'kac.config.ts'),
    `import { defineConfig } from '${join(REPO_ROOT, 'compiler/index.js')}';\nexport default defineConfig({ namespace: 'acme', environments: { local: { kind: 'local' } } });\n`,
  );
  return dir;
}

async function withOrg(fn: (t: TestOrg, env: NodeJS.ProcessEnv) => Promise<void>): Promise<void> {
  const t = await emptyOrg();
  try {
    await applyProject(join(FIXTURES, 'project'), t, SECRETS);
    await fn(t, { KUSTOMER_BASE_URL: t.org.baseUrl, KUSTOMER_API_KEY: t.org.token });
  } finally {
    await t.close();
  }
}

test('kac import writes one file per object, prints them and the secrets to set; the folder plans to nothing', async () => {
  const dir = await project();
  try {
    await withOrg(async (t, env) => {
      const { io, out, err } = fakeIo(dir, env);
      assert.is(await main(['import'], io), 0);
      assert.equal(out, [
        'wrote     klasses/acme-order.ts',
        'wrote     workflows/acme-order-placed.ts',
        'wrote     workflows/hooks/acme-events.ts',
        'wrote     workflows/outbound/acme-conversation-sync.ts',
      ]);
      assert.ok(err.includes('  KAC_ACME_CONVERSATION_SYNC_AUTHORIZATION'));
      assert.not.ok(err.join('\n').includes(SECRETS.ACME_SYNC_TOKEN));
      const build = await buildOk(dir);
      const live = await t.live();
      const secrets = {
        KAC_ACME_CONVERSATION_SYNC_AUTHORIZATION: SECRETS.ACME_SYNC_TOKEN,
        KAC_ACME_CONVERSATION_SYNC_X_SOURCE: 'kustomer',
        KAC_ACME_ORDER_PLACED_NOTIFY_AUTHORIZATION: SECRETS.ACME_HOOK_TOKEN,
      };
      assert.equal(pending(plan(build, live, t.provider, secrets)), []);

      // Importing again changes nothing.
      const again = fakeIo(dir, env);
      assert.is(await main(['import'], again.io), 0);
      assert.ok(
        again.out.every((l) => l.startsWith('unchanged ')),
        again.out.join('\n'),
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('an existing file that differs is skipped and reported; --force overwrites it', async () => {
  const dir = await project();
  try {
    await withOrg(async (_t, env) => {
      await mkdir(join(dir, 'workflows/hooks'), { recursive: true });
      const local = `import { defineHook } from '${join(REPO_ROOT, 'compiler/index.js')}';\nexport default defineHook({ name: 'acme-events', description: 'edited locally' });\n`;
      await writeFile(join(dir, 'workflows/hooks/acme-events.ts'), local);

      const first = fakeIo(dir, env);
      assert.is(await main(['import', '--only', 'hook'], first.io), 0);
      assert.equal(first.out, []);
      assert.ok(
        first.err.includes(
          'skipped   workflows/hooks/acme-events.ts: the file exists and differs (--force overwrites it)',
        ),
        first.err.join('\n'),
      );
      assert.is(await readFile(join(dir, 'workflows/hooks/acme-events.ts'), 'utf8'), local);

      const forced = fakeIo(dir, env);
      assert.is(await main(['import', '--only', 'hook', '--force'], forced.io), 0);
      assert.equal(forced.out, ['wrote     workflows/hooks/acme-events.ts']);
      assert.match(
        await readFile(join(dir, 'workflows/hooks/acme-events.ts'), 'utf8'),
        "description: 'Acme posts order events here'",
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('--match selects by name outside the namespace and warns; --only refuses unknown kinds', async () => {
  const dir = await project();
  try {
    await withOrg(async (t, env) => {
      await t.client.post(
        '/v1/hooks/web',
        { name: 'legacy-orders', description: 'made in the UI' },
        (await import('zod')).z.unknown(),
      );
      const { io, out, logger } = fakeIo(dir, env);
      assert.is(await main(['import', '--match', 'legacy-*'], io), 0);
      assert.equal(out, ['wrote     workflows/hooks/legacy-orders.ts']);
      assert.match(
        await readFile(join(dir, 'workflows/hooks/legacy-orders.ts'), 'utf8'),
        "defineHook({ name: 'legacy-orders', description: 'made in the UI', managedMarker: false })",
      );
      assert.ok(
        logger.lines.some((l) => l.includes('legacy-orders is outside the namespace "acme"')),
        logger.lines.join('\n'),
      );

      const bad = fakeIo(dir, env);
      assert.is(await main(['import', '--only', 'widget'], bad.io), 1);
      assert.ok(
        bad.err.some((l) => l.includes('unknown kind "widget" in --only')),
        bad.err.join('\n'),
      );
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test.run();
