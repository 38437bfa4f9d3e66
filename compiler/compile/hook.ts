/** Pure. HookDefinition → `kustomer.hook` resource: the body of POST /v1/hooks/<type>. */
import type { HookDefinition } from '../model/hook.js';
import type { Loaded, Model } from '../model/project.js';
import type { Resource } from '../resource.js';
import { compiledDescription, type CompileContext } from './context.js';
import { mergeRaw } from './raw.js';

export function compileHooks(model: Model, ctx: CompileContext): Resource[] {
  return model.hooks.map((loaded) => compileHook(loaded, ctx));
}

export function compileHook({ definition: hook, file }: Loaded<HookDefinition>, ctx: CompileContext): Resource {
  return {
    kind: 'kustomer.hook',
    key: hook.name,
    body: mergeRaw(
      withoutUndefined({
        name: hook.name,
        description: compiledDescription(hook.description, ctx.namespace, hook.managedMarker),
        type: hook.type,
      }),
      hook.raw,
    ),
    dependsOn: [],
    sensitive: [],
    source: ctx.sourceOf(hook.site, file),
    ...(hook.renamedFrom ? { renamedFrom: hook.renamedFrom } : {}),
  };
}

function withoutUndefined(body: { [key: string]: string | undefined }): { [key: string]: string } {
  return Object.fromEntries(Object.entries(body).filter((e): e is [string, string] => e[1] !== undefined));
}
