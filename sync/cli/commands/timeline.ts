/**
 * `kac timeline [customer] [--env E] [--json]`: a customer's KObjects in time order with their
 * attributes. The customer is named by id, external id, email or phone; without one, the customer
 * with the newest card. Modules load only when the command runs.
 */
import { ExitError } from '../../errors.js';
import type { RegisterCommand } from './index.js';

interface TimelineOptions {
  env?: string;
  json?: boolean;
}

export const registerTimeline: RegisterCommand = (program, io) => {
  program
    .command('timeline')
    .description("print a customer's timeline: their KObjects in time order, with attributes")
    .argument('[customer]', 'customer id, external id, email or phone (default: the customer with the newest card)')
    .option('--env <name>', 'environment from kac.config.ts (default: defaultEnvironment, else local)')
    .option('--json', 'print the customer and cards as JSON')
    .action(async (query: string | undefined, o: TimelineOptions) => {
      const { withOrg } = await import('../../inspect/open-org.js');
      const t = await import('../../inspect/timeline.js');
      await withOrg(
        { root: io.cwd, ...(o.env ? { envName: o.env } : {}), env: io.env, logger: io.logger },
        async (org) => {
          const client = org.env.client;
          const klasses = await t.readKlasses(client);
          let customer: import('../../inspect/timeline.js').CustomerSummary | undefined;
          if (query !== undefined) {
            customer = (await t.findCustomer(client, query))?.customer;
            if (!customer)
              throw new ExitError(
                `no customer matches "${query}" in ${org.env.name}`,
                1,
                `tried: ${t.lookupOrder(query.trim()).join(', ')} (a name is not a lookup key; use an email, phone or external id)`,
              );
          } else {
            if (org.env.kind !== 'local' && !/^http:\/\/127\.0\.0\.1[:/]/.test(org.env.baseUrl))
              throw new ExitError('name a customer: kac timeline <id | external id | email | phone>', 1);
            customer = (await t.customersWithCards(client, klasses))[0];
            if (!customer)
              throw new ExitError(
                `no customer in ${org.env.name} has a KObject yet`,
                1,
                'post an event to a hook: `kac hooks` prints a ready curl line',
              );
          }
          const cards = await t.readTimeline(client, customer.id, klasses);
          io.out(o.json ? JSON.stringify({ customer, cards }, null, 2) : t.renderTimeline(customer, cards));
        },
      );
    });
};
