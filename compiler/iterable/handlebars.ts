/** Handlebars, loaded on first use (a CommonJS package): a project without Iterable templates never pays for it. */
import { createRequire } from 'node:module';
import type HandlebarsModule from 'handlebars';

const requireFromHere = createRequire(import.meta.url);
let loaded: typeof HandlebarsModule | undefined;

export function handlebars(): typeof HandlebarsModule {
  loaded ??= requireFromHere('handlebars') as typeof HandlebarsModule;
  return loaded;
}
