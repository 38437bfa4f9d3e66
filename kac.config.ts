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
    },
    production: {
      kind: 'kustomer',
      baseUrl: 'https://acme.api.kustomerapp.com',
      apiKey: secret('KUSTOMER_API_KEY_PRODUCTION'),
    },
  },
  daemon: { schedule: '0 * * * *', timezone: 'UTC', environment: 'production' },
});
