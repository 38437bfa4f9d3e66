/**
 * A managed name that exists more than once live is a finding, through the real CLI: plan, drift and
 * apply's verification report every copy and where it is referenced; nothing ambiguous is updated or
 * re-targeted; `apply --allow-destroy` removes the extra copies (disables, for workflows), and then
 * the org converges. Duplicates are made the way they happen: "in the UI" (a direct POST).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { createHarness, orgNames, type Harness } from './harness.js';

const dup = suite('duplicate names live (e2e)');

async function call(
  h: Harness,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ id: string; attributes: Record<string, unknown> }> {
  const res = await fetch(`${h.org.baseUrl}${path}`, {
    method,
    headers: { authorization: `Bearer ${h.org.token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path}: ${res.status} ${text}`);
  return (JSON.parse(text) as { data: { id: string; attributes: Record<string, unknown> } }).data;
}

async function list(h: Harness, path: string): Promise<{ id: string; attributes: Record<string, unknown> }[]> {
  const res = await fetch(`${h.org.baseUrl}${path}`, { headers: { authorization: `Bearer ${h.org.token}` } });
  return ((await res.json()) as { data: { id: string; attributes: Record<string, unknown> }[] }).data;
}

const triggerOf = async (h: Harness) =>
  String(
    (
      (await list(h, '/v1/workflows')).find((w) => w.attributes.name === 'e2e-call-completed')!.attributes.trigger as {
        eventName: string;
      }
    ).eventName,
  );

dup('a second hook of the same name: reported, nothing re-targeted, --allow-destroy deletes the extra', async () => {
  const h = await createHarness();
  try {
    assert.is((await h.kac('apply', '--auto-approve')).code, 0);
    const [original] = await list(h, '/v1/hooks/web');
    const before = await triggerOf(h);
    assert.match(before, original!.id);
    const extra = await call(h, 'POST', '/v1/hooks/web', { name: 'e2e-events', description: 'made in the UI' });

    const plan = await h.kac('plan', '--detailed-exitcode');
    assert.is(plan.code, 2, plan.out + plan.err);
    assert.match(plan.out, `kustomer.hook "e2e-events" exists 2 times in the org`);
    assert.match(plan.out, `${original!.id} (kept): referenced by kustomer.workflow "e2e-call-completed"`);
    assert.match(plan.out, `${extra.id}: referenced by nothing`);
    assert.match(plan.out, '`kac apply --allow-destroy` deletes the extra copy');
    assert.match(plan.out, 'REFUSED');
    assert.not.match(plan.out, /update\s+kustomer\.workflow/);

    const drift = await h.kac('drift');
    assert.is(drift.code, 2, drift.out + drift.err);
    assert.match(drift.out, 'exists 2 times in the org');

    const refused = await h.kac('apply', '--auto-approve');
    assert.is(refused.code, 1, refused.out + refused.err);
    assert.match(refused.out, 'kustomer.hook "e2e-events" exists 2 times');
    assert.match(refused.out, 'Nothing to apply, but 1 name(s) exist more than once live');
    assert.is(await triggerOf(h), before, 'the workflow still points at the hook it used');
    assert.equal(orgNames(h.org).hooks, ['e2e-events', 'e2e-events']);

    const resolved = await h.kac('apply', '--auto-approve', '--allow-destroy');
    assert.is(resolved.code, 0, resolved.out + resolved.err);
    assert.equal(
      (await list(h, '/v1/hooks/web')).map((x) => x.id),
      [original!.id],
    );
    assert.is(await triggerOf(h), before);
    assert.is((await h.kac('plan', '--detailed-exitcode')).code, 0);
  } finally {
    await h.dispose();
  }
});

dup('a second outbound webhook of the same name: reported and refused, then removed with --allow-destroy', async () => {
  const h = await createHarness();
  try {
    assert.is((await h.kac('apply', '--auto-approve')).code, 0);
    const [original] = await list(h, '/v1/outbound-webhooks');
    await call(h, 'POST', '/v1/outbound-webhooks', {
      name: 'e2e-sync',
      url: 'https://example.com/other',
      events: ['kustomer.conversation.create'],
    });
    const plan = await h.kac('plan', '--detailed-exitcode');
    assert.is(plan.code, 2);
    assert.match(plan.out, 'kustomer.outbound-webhook "e2e-sync" exists 2 times in the org');
    assert.is((await h.kac('apply', '--auto-approve', '--allow-destroy')).code, 0);
    assert.equal(
      (await list(h, '/v1/outbound-webhooks')).map((x) => x.id),
      [original!.id],
    );
    assert.is((await h.kac('plan', '--detailed-exitcode')).code, 0);
  } finally {
    await h.dispose();
  }
});

dup(
  'a second enabled workflow of the same name (live fixture): reported; --allow-destroy disables the extra copy, which then stays a note',
  async () => {
    const h = await createHarness();
    try {
      assert.is((await h.kac('apply', '--auto-approve')).code, 0);
      const original = (await list(h, '/v1/workflows')).find((w) => w.attributes.name === 'e2e-call-completed')!;
      // The local org refuses a second workflow of a name; a real org does not. A live fixture as a real
      // org would hold it: a copy of the row, with its own id, straight into the org's state.
      const row = h.org.store.state.workflows.find((w) => w.id === original.id)!;
      const copy = { ...structuredClone(row), id: h.org.store.newId() };
      h.org.store.state.workflows.push(copy);
      h.org.store.changed();
      const plan = await h.kac('plan', '--detailed-exitcode');
      assert.is(plan.code, 2, plan.out);
      assert.match(plan.out, 'kustomer.workflow "e2e-call-completed" exists 2 times in the org');
      const apply = await h.kac('apply', '--auto-approve', '--allow-destroy');
      assert.is(apply.code, 0, apply.out + apply.err);
      const after = await list(h, '/v1/workflows');
      assert.is(after.find((w) => w.id === copy.id)!.attributes.enabled, false);
      assert.is(after.find((w) => w.id === original.id)!.attributes.enabled, true);
      const again = await h.kac('plan', '--detailed-exitcode');
      assert.is(again.code, 0, again.out);
      assert.match(again.out, 'the extra copies are disabled; rename them in Kustomer to clear this note');
    } finally {
      await h.dispose();
    }
  },
);

dup.run();
