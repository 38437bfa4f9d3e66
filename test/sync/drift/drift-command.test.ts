import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { startGitHubDouble } from '../../doubles/github/server.js';
import { kac, startOrg, ui, writeProject } from './project.js';

const GH_TOKEN = 'ghs_drifttesttoken0123456789';
const drift = suite('kac drift (end to end: local org + GitHub double)');

drift(
  'no drift after apply; UI edits are reported in buckets, exit 2; the issue opens, then closes once re-applied',
  async () => {
    const root = writeProject();
    const org = await startOrg(root);
    const github = await startGitHubDouble({ token: GH_TOKEN });
    const env: NodeJS.ProcessEnv = { KUSTOMER_BASE_URL: org.baseUrl, KUSTOMER_API_KEY: org.token };
    const ghEnv: NodeJS.ProcessEnv = {
      ...env,
      GITHUB_TOKEN: GH_TOKEN,
      GITHUB_REPOSITORY: 'acme/kustomer-config',
      GITHUB_API_URL: github.url,
      GITHUB_SERVER_URL: 'https://github.test',
      GITHUB_RUN_ID: '77',
    };
    try {
      const applied = await kac(['apply', '--auto-approve', '--root', root], root, env);
      assert.is(applied.code, 0, applied.out + applied.err);
      const clean = await kac(['drift', '--root', root], root, env);
      assert.is(clean.code, 0, clean.out + clean.err);
      assert.match(clean.out, /: No drift: the live org matches main\.$/);

      // Someone edits the org in the UI.
      const hooks = (await ui(org, 'GET', '/v1/hooks/web')).data as { id: string; attributes: { name: string } }[];
      const call = hooks.find((h) => h.attributes.name === 'regal-call-events')!;
      const sms = hooks.find((h) => h.attributes.name === 'regal-sms-events')!;
      await ui(org, 'PUT', `/v1/hooks/web/${call.id}`, { name: 'regal-call-events', description: 'edited in the UI' });
      await ui(org, 'DELETE', `/v1/hooks/web/${sms.id}`);
      await ui(org, 'POST', '/v1/hooks/web', { name: 'regal-scratch', description: 'made by hand' });
      await ui(org, 'POST', '/v1/hooks/web', { name: 'zendesk-events', description: 'not ours' });

      const json = await kac(['drift', '--root', root, '--format', 'json'], root, env);
      assert.is(json.code, 2, json.err);
      const report = JSON.parse(json.out);
      assert.equal(report.counts, { 'changed-in-ui': 1, 'deleted-in-ui': 1, 'created-in-ui': 1, 'manual-pending': 0 });
      assert.equal(
        report.items.map((i: { bucket: string; key: string }) => `${i.bucket} ${i.key}`),
        ['changed-in-ui regal-call-events', 'deleted-in-ui regal-sms-events', 'created-in-ui regal-scratch'],
      );
      assert.equal(report.unmanaged, { 'kustomer.hook': 1 });

      const opened = await kac(['drift', '--root', root, '--github'], root, ghEnv);
      assert.is(opened.code, 2, opened.err);
      const issues = () => [...github.state.repo('acme/kustomer-config').issues.values()];
      assert.equal(
        issues().map((i) => [i.title, i.labels, i.state]),
        [['Drift in direct: 3 resources differ from main', ['kac-drift', 'env:direct'], 'open']],
      );
      assert.match(issues()[0]!.body, /^<!-- kac:drift:direct -->\n### Drift · `direct` · namespace `regal`\n/);
      assert.match(opened.err, /drift issue opened: #\d+ https:\/\/github\.test\/acme\/kustomer-config\/issues\/\d+/);

      const again = await kac(['drift', '--root', root, '--github'], root, ghEnv);
      assert.is(again.code, 2);
      assert.is(issues().length, 1, 'updated in place, never a second issue');

      const healed = await kac(['apply', '--auto-approve', '--allow-destroy', '--root', root], root, env);
      assert.is(healed.code, 0, healed.out + healed.err);
      const closed = await kac(['drift', '--root', root, '--github'], root, ghEnv);
      assert.is(closed.code, 0, closed.out + closed.err);
      assert.equal(
        issues().map((i) => i.state),
        ['closed'],
      );
      assert.match(closed.err, /drift issue closed: #\d+/);

      for (const r of [opened, again, closed]) assert.not.ok((r.out + r.err).includes(GH_TOKEN));
      assert.ok(github.requests.every((r) => r.authorization === `token ${GH_TOKEN}`));
    } finally {
      await github.close();
      await org.close();
    }
  },
);

drift('--github without a token is a clear error, not a silent skip', async () => {
  const root = writeProject();
  const org = await startOrg(root);
  try {
    const env = { KUSTOMER_BASE_URL: org.baseUrl, KUSTOMER_API_KEY: org.token };
    const r = await kac(['drift', '--root', root, '--github'], root, env);
    assert.is(r.code, 1);
    assert.match(
      r.err,
      /error: --github needs GITHUB_TOKEN and GITHUB_REPOSITORY \(owner\/name\) in the environment\nhint: /,
    );
  } finally {
    await org.close();
  }
});

drift('an unknown --format is refused', async () => {
  const r = await kac(['drift', '--format', 'yaml'], writeProject(), {});
  assert.is(r.code, 1);
  assert.is(r.err, 'error: unknown format "yaml"\nhint: use --format text, markdown or json');
});

drift.run();
