/** Hook rules beyond names: the hook type is one Kustomer creates through the API kac uses. */
import type { Diagnostic } from '../diagnostics.js';
import type { Model } from '../model/project.js';
import { diagnostic, type ValidationContext } from './context.js';

const HOOK_TYPES = ['web', 'form'];

export function validateHooks(model: Model, ctx: ValidationContext): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { definition: hook, file } of model.hooks) {
    if (!HOOK_TYPES.includes(hook.type)) {
      out.push(
        diagnostic(
          'hook/invalid-type',
          'error',
          `hook "${hook.name}" has type ${JSON.stringify(hook.type)}; kac manages "web" and "form" hooks.`,
          ctx.atText(hook.site, file, String(hook.type)),
          'leave `type` out for a web hook',
        ),
      );
    }
  }
  return out;
}
