/**
 * A real exported workflow (Maquendi/kustomer-apps-configurer, kustomer-api.md §3.5) run end to end:
 * form-hook trigger, customer updates, country branches, REST calls against a loopback server, and
 * success / error branches on the response.
 */
import { kustomerRealExports } from '../../../fixtures/kustomer-real.js';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { JsonObject } from '../../../../compiler/json.js';
import { runWorkflow } from '../../../../sync/local-org/runtime/index.js';
import { startLoopback, type Reply } from './loopback.js';
import { hookTransaction, memoryHost } from './memory-host.js';

const exported = kustomerRealExports().find((e) => e.file === 'workflow-export-form-hook.json')!.body;

const CUSTOMER_ID = '5f0000000000000000000001';
const COLOMBIA_API = '63d19ecab24da0e2e2268462';
const BRAZIL_API = '63d9665d8741fba7269516af';
const AUTH = '63da823147407a231b1bbfce';

async function run(country: string, reply: (url: string) => Reply) {
  const server = await startLoopback((req) => reply(req.url));
  try {
    const host = memoryHost({
      customers: [
        { id: CUSTOMER_ID, externalId: 'client-9', custom: { selectCountryStr: country, referenceStr: 'REF-1' } },
      ],
    });
    const trigger = hookTransaction({
      customer: {
        id: CUSTOMER_ID,
        externalId: 'client-9',
        custom: { selectCountryStr: country, referenceStr: 'REF-1' },
      },
    });
    const variables = {
      [COLOMBIA_API]: `${server.baseUrl}/co`,
      [BRAZIL_API]: `${server.baseUrl}/br`,
      [AUTH]: 'dGVzdDp0ZXN0',
    };
    const log = await runWorkflow(exported, trigger, host, { variables, workflowId: 'wf-export' });
    return { log, host, requests: server.requests };
  } finally {
    await server.close();
  }
}

const updatesOf = (host: ReturnType<typeof memoryHost>) =>
  host.calls.filter((c) => c.method === 'updateCustomer').map((c) => c.args);
const path = (log: { steps: { id: string; transitionLabel?: string }[] }) =>
  log.steps.map((s) => (s.transitionLabel ? `${s.id} -[${s.transitionLabel}]->` : s.id));

const colombia = suite('runWorkflow: real export, Colombia');

colombia('CO: loading flag, invoice call, success branch, customer updated with the invoice', async () => {
  const { log, host, requests } = await run('CO', () => ({
    body: {
      businessAgreementCode: 'B-77',
      paymentIntentionIdentifier: 'PIN-9',
      expirationDate: '2024-06-01',
      amount: 125000,
    },
  }));
  assert.is(log.status, 'completed', log.error);
  assert.equal(path(log), ['1', 'e_r_w7wx8 -[COLOMBIA]->', 'aN0X9A2Hc -[On Success]->', 'cFiGgpzyt', '8-gu8QS1s']);
  assert.equal(
    requests.map((r) => [r.method, r.url, r.headers.authorization]),
    [['GET', '/co/clients/client-9/invoice/reference/REF-1', 'Basic dGVzdDp0ZXN0']],
  );
  assert.equal(updatesOf(host), [
    [CUSTOMER_ID, { custom: { loadingBool: true } }],
    [
      CUSTOMER_ID,
      {
        custom: {
          generatedTxt: 'Convenio=B-77 \n\nPin=PIN-9\n\nExpiracion=2024-06-01',
          loadingBool: false,
          amountNum: 125000, // a whole-value reference keeps the number
          referenceIdEditableBool: false,
        },
      },
    ],
  ]);
  assert.equal(host.customers[0]!.custom, {
    selectCountryStr: 'CO',
    referenceStr: 'REF-1',
    loadingBool: false,
    generatedTxt: 'Convenio=B-77 \n\nPin=PIN-9\n\nExpiracion=2024-06-01',
    amountNum: 125000,
    referenceIdEditableBool: false,
  });
  const restStep = log.steps.find((s) => s.id === 'aN0X9A2Hc')!;
  assert.equal((restStep.output as { response: { statusCode: number } }).response.statusCode, 200);
});

colombia('CO: an error body with a status above 200 takes "On Error" and shows the message', async () => {
  const { log, host } = await run('CO', () => ({
    status: 422,
    body: { code: 'INVOICE_EXPIRED', message: 'La factura expiró' },
  }));
  assert.is(log.status, 'completed', log.error);
  assert.equal(path(log), ['1', 'e_r_w7wx8 -[COLOMBIA]->', 'aN0X9A2Hc -[On Error]->', 'Pz84VgB5L']);
  assert.equal(updatesOf(host).at(-1), [
    CUSTOMER_ID,
    { custom: { loadingBool: false, generatedTxt: 'La factura expiró', referenceIdEditableBool: false } },
  ]);
});

colombia(
  'CO: an error code with status 200 matches neither branch (the export\'s own "and"), so the run ends',
  async () => {
    const { log, host } = await run('CO', () => ({ status: 200, body: { code: 'SOFT', message: 'm' } }));
    assert.is(log.status, 'completed');
    assert.equal(path(log), ['1', 'e_r_w7wx8 -[COLOMBIA]->', 'aN0X9A2Hc']);
    assert.is(updatesOf(host).length, 1);
  },
);

const brazil = suite('runWorkflow: real export, Brazil and others');

brazil('BR: pix call, success branch through a branch node, link built from a template', async () => {
  const { log, host, requests } = await run('BR', () => ({ body: { pixNumber: 'PX1', amount: '99.90' } }));
  assert.is(log.status, 'completed', log.error);
  assert.equal(path(log), ['1', 'e_r_w7wx8 -[BRAZIL]->', '3VPQulNnp -[On Success]->', 'LZr5H-6oK', 'tLUHR2wAQ']);
  assert.equal(
    requests.map((r) => r.url),
    ['/br/payments/pix/REF-1/invoice'],
  );
  assert.equal(updatesOf(host).at(-1), [
    CUSTOMER_ID,
    {
      custom: {
        generatedTxt: 'https://embedded.addi.com.br/pix-info/?pixNumber=PX1&clientId=client-9',
        loadingBool: false,
        amountNum: '99.90',
        referenceIdEditableBool: false,
      },
    },
  ]);
});

brazil(
  'BR: a 500 without a body code takes "On Success": the export tests dne body.code first, and the first match wins',
  async () => {
    const { log, host } = await run('BR', () => ({ status: 500, body: { message: 'down' } }));
    assert.equal(path(log), ['1', 'e_r_w7wx8 -[BRAZIL]->', '3VPQulNnp -[On Success]->', 'LZr5H-6oK', 'tLUHR2wAQ']);
    assert.is(updatesOf(host).length, 2);
  },
);

brazil('another country: only the loading flag is set, no call is made', async () => {
  const { log, host, requests } = await run('MX', () => ({ status: 500 }));
  assert.is(log.status, 'completed');
  assert.equal(path(log), ['1', 'e_r_w7wx8']);
  assert.equal(requests, []);
  assert.equal(updatesOf(host), [[CUSTOMER_ID, { custom: { loadingBool: true } }]]);
});

colombia.run();
brazil.run();
