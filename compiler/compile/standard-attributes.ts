/**
 * Pure. Every `defineAttributes(object, …)` → one `kustomer.standard-attributes` resource keyed by the
 * object name, whose body is the `PUT /v1/metadata/<object>` body holding only kac's own attributes.
 * (Apply merges it into the live metadata; see the provider.)
 */
import type { JsonObject } from '../json.js';
import { attributeApiName } from '../model/klass.js';
import type { Model } from '../model/project.js';
import type { Resource, ResourceRef } from '../resource.js';
import type { CompileContext } from './context.js';
import { attributeMetadata } from './klass.js';

export function compileStandardAttributes(model: Model, ctx: CompileContext): Resource[] {
  const klasses = new Set(model.klasses.map((k) => k.definition.name));
  return (model.standardAttributes ?? []).map(({ definition, file }) => {
    const properties: JsonObject = {};
    const dependsOn = new Map<string, ResourceRef>();
    for (const [key, attr] of Object.entries(definition.attributes)) {
      properties[attributeApiName(key, attr)] = attributeMetadata(key, attr);
      // Kustomer checks that a reference's target exists: a Klass of this project is created first.
      const target = attr.target?.startsWith('kobject.') ? attr.target.slice('kobject.'.length) : undefined;
      if (target !== undefined && klasses.has(target)) dependsOn.set(target, { kind: 'kustomer.klass', key: target });
    }
    return {
      kind: 'kustomer.standard-attributes',
      key: definition.object,
      body: { properties },
      dependsOn: [...dependsOn.values()].sort((a, b) => (a.key < b.key ? -1 : 1)),
      sensitive: [],
      source: ctx.sourceOf(definition.site, file),
    };
  });
}
