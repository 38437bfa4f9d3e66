/**
 * Pure. KlassDefinition → two resources, because Kustomer keeps a Klass in two places: the Klass
 * (POST /v1/klasses) and its attribute metadata (PUT /v1/metadata/kobject.<name>).
 */
import type { JsonObject } from '../json.js';
import {
  attributeApiName,
  defaultDisplayName,
  type AttributeDefinition,
  type KlassDefinition,
} from '../model/klass.js';
import type { Loaded, Model } from '../model/project.js';
import type { Resource } from '../resource.js';
import { attributeMetadataType } from './attribute-types.js';
import type { CompileContext } from './context.js';
import { mergeRaw } from './raw.js';

export function compileKlasses(model: Model, ctx: CompileContext): Resource[] {
  return model.klasses.flatMap((loaded) => compileKlass(loaded, ctx));
}

export function compileKlass({ definition: klass, file }: Loaded<KlassDefinition>, ctx: CompileContext): Resource[] {
  const source = ctx.sourceOf(klass.site, file);
  const renamed = klass.renamedFrom ? { renamedFrom: klass.renamedFrom } : {};
  // No displayName is written unless given: app-defined Klasses have none, and Kustomer shows the name.
  const base: JsonObject = {
    name: klass.name,
    ...(klass.displayName === undefined ? {} : { displayName: klass.displayName }),
    status: 'enabled',
  };
  if (klass.icon !== undefined) base.icon = klass.icon;
  if (klass.color !== undefined) base.color = klass.color;
  const body = mergeRaw(base, klass.raw);

  const properties: JsonObject = {};
  for (const [key, attr] of Object.entries(klass.attributes ?? {}))
    properties[attributeApiName(key, attr)] = attributeMetadata(key, attr);

  return [
    { kind: 'kustomer.klass', key: klass.name, body, dependsOn: [], sensitive: [], source, ...renamed },
    {
      kind: 'kustomer.klass-attributes',
      key: klass.name,
      body: { properties },
      dependsOn: [{ kind: 'kustomer.klass', key: klass.name }],
      sensitive: [],
      source,
      ...renamed,
    },
  ];
}

export function attributeMetadata(key: string, attr: AttributeDefinition): JsonObject {
  const out: JsonObject = { type: attributeMetadataType(attr.kind) };
  if (attr.displayName !== null) out.displayName = attr.displayName ?? defaultDisplayName(key);
  if (attr.description !== undefined) out.description = attr.description;
  if (attr.kind === 'dropdown') out.enumeration = [...(attr.options ?? [])];
  if (attr.target !== undefined) out.target = attr.target;
  if (attr.multi !== undefined) out.multi = attr.multi;
  return mergeRaw(out, attr.raw as JsonObject | undefined);
}
