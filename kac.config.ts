// The project's namespace (every resource kac manages is named `regal-...`) and the orgs it syncs:
// the embedded local org by default, then staging and production with keys from the environment.
import { defineConfig, secret } from './compiler/index.js';

export default defineConfig({
  namespace: 'regal',
  environments: {
    local: { kind: 'local' },
    staging: {
      kind: 'kustomer',
      baseUrl: 'https://acme-staging.api.kustomerapp.com',
      apiKey: secret('KUSTOMER_API_KEY_STAGING'),
      // Read-only: Iterable journeys must exist, be enabled and be triggered as the templates say.
      iterable: { region: 'us', apiKey: secret('ITERABLE_API_KEY') },
    },
    production: {
      kind: 'kustomer',
      baseUrl: 'https://acme.api.kustomerapp.com',
      apiKey: secret('KUSTOMER_API_KEY_PRODUCTION'),
      iterable: { region: 'us', apiKey: secret('ITERABLE_API_KEY') },
    },
  },
  daemon: { schedule: '0 * * * *', timezone: 'UTC', environment: 'production' },
});
