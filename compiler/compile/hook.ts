/** Pure. HookDefinition → `kustomer.hook` resource: the body of POST /v1/hooks/<type>. */
import type { HookDefinition } from '../model/hook.js';
import type { Loaded, Model } from '../model/project.js';
import type { Resource } from '../resource.js';
import { withManagedMarker, type CompileContext } from './context.js';

export function compileHooks(model: Model, ctx: CompileContext): Resource[] {
  return model.hooks.map((loaded) => compileHook(loaded, ctx));
}

export function compileHook({ definition: hook, file }: Loaded<HookDefinition>, ctx: CompileContext): Resource {
  return {
    kind: 'kustomer.hook',
    key: hook.name,
    body: { name: hook.name, description: withManagedMarker(hook.description, ctx.namespace), type: hook.type },
    dependsOn: [],
    sensitive: [],
    source: ctx.sourceOf(hook.site, file),
    ...(hook.renamedFrom ? { renamedFrom: hook.renamedFrom } : {}),
  };
}
