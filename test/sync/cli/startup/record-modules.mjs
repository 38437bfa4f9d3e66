// Loaded with `node --import` in the start-up test: records every module the process loads, ES
// modules through a load hook (it runs in the hooks thread) and CommonJS ones (ts-morph is required
// lazily) through Module._load, one URL or path per line in KAC_MODULE_LOG.
import { appendFileSync } from 'node:fs';
import Module, { register } from 'node:module';

const log = process.env.KAC_MODULE_LOG;
register(new URL('./record-hooks.mjs', import.meta.url), { data: { log } });
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.call(this, request, parent, isMain);
  try {
    appendFileSync(log, `${Module._resolveFilename(request, parent, isMain)}\n`);
  } catch {
    appendFileSync(log, `${request}\n`);
  }
  return loaded;
};
