import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { customerMatches, lookupOrder, renderTimeline, type CustomerSummary } from '../../../sync/inspect/timeline.js';
import { createHarness, type Harness } from '../../e2e/harness.js';

const pure = suite('timeline: lookups and rendering');
pure('a query is tried as id, external id, email, phone, as its shape allows', () => {
  assert.equal(lookupOrder('6b0da2a23e9a809fd3af6f4d'), ['id', 'externalId']);
  assert.equal(lookupOrder('jane@example.com'), ['externalId', 'email']);
  assert.equal(lookupOrder('+1 (954) 555-2399'), ['externalId', 'phone']);
  assert.equal(lookupOrder('12345'), ['externalId', 'phone']);
  assert.equal(lookupOrder('jane'), ['externalId']);
});
const JANE: CustomerSummary = {
  id: 'c1',
  name: 'Jane Doe',
  externalId: 'ext-1',
  emails: ['jane@example.com'],
  phones: ['+19545552399'],
};
pure('free-text search matches name, email, external id and phone digits', () => {
  for (const q of ['jane', 'DOE', 'example.com', 'ext-1', '954 555', '']) assert.ok(customerMatches(JANE, q), q);
  for (const q of ['john', '12']) assert.not.ok(customerMatches(JANE, q), q);
});
pure('renderTimeline: the customer, then each card oldest first with its attributes', () => {
  const klass = { name: 'regal-call', displayName: 'Regal Call' };
  const text = renderTimeline(JANE, [
    {
      id: 'k1',
      klass,
      title: 'Call 1',
      externalId: 'c-1',
      description: null,
      createdAt: '2026-01-02T03:04:05.000Z',
      custom: { talkTimeNum: 15, callIdStr: 'c-1' },
    },
  ]);
  assert.is(
    text,
    [
      'Jane Doe  externalId ext-1, jane@example.com, +19545552399  (customer c1)',
      '',
      '  2026-01-02 03:04:05  Regal Call: Call 1',
      '    externalId: c-1',
      '    callIdStr: c-1',
      '    talkTimeNum: 15',
    ].join('\n'),
  );
  assert.match(renderTimeline({ ...JANE, name: null }, []), /^\(no name\) .*\n {2}\(no KObjects on this timeline\)$/);
});
pure.run();

const cli = suite('kac timeline against a local org');
let h: Harness;
let customerId: string;
cli.before(async () => {
  // A clock that moves a second per reading: card order never rests on a same-millisecond tie.
  let t = Date.parse('2026-01-01T00:00:00Z');
  h = await createHarness({ now: () => new Date((t += 1000)) });
  const applied = await h.kac('apply', '--auto-approve');
  if (applied.code !== 0) throw new Error(applied.err);
  // No workflow needed: the customer and two cards are made through the API, as a workflow would.
  const api = (path: string, body: unknown) =>
    fetch(`${h.org.baseUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${h.org.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<any>);
  customerId = (
    await api('/v1/customers', {
      name: 'Jane Doe',
      externalId: 'ext-1',
      emails: [{ email: 'jane@example.com' }],
      phones: [{ phone: '+19545552399' }],
    })
  ).data.id;
  const klass = String(h.org.store.state.klasses[0]!.attributes.name);
  await api(`/v1/customers/${customerId}/klasses/${klass}`, { title: 'first card', externalId: 'k-1' });
  await api(`/v1/customers/${customerId}/klasses/${klass}`, { title: 'second card' });
});
cli.after(async () => {
  await h.dispose();
});

cli('finds the customer by id, external id, email or phone and prints the cards oldest first', async () => {
  for (const q of [customerId, 'ext-1', 'jane@example.com', '+1 954 555 2399']) {
    const r = await h.kac('timeline', q);
    assert.is(r.code, 0, r.err);
    assert.match(
      r.out,
      new RegExp(`^Jane Doe  externalId ext-1, jane@example.com, \\+19545552399  \\(customer ${customerId}\\)\\n`),
    );
    assert.ok(r.out.indexOf('first card') < r.out.indexOf('second card'), r.out);
  }
});
cli('--json has the customer and the cards; no argument picks the customer with the newest card', async () => {
  const r = await h.kac('timeline', '--json');
  assert.is(r.code, 0, r.err);
  const body = JSON.parse(r.out);
  assert.is(body.customer.id, customerId);
  assert.equal(
    body.cards.map((c: any) => [c.title, c.externalId]),
    [
      ['first card', 'k-1'],
      ['second card', null],
    ],
  );
});
cli('an unknown customer is exit 1, saying what was tried', async () => {
  const r = await h.kac('timeline', 'nobody@example.com');
  assert.is(r.code, 1);
  assert.match(r.err, /error: no customer matches "nobody@example.com" in direct\nhint: tried: externalId, email/);
});
cli.run();
