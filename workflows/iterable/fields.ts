// The project's declared Iterable fields: the JSON Schema is the source of truth for validation, the
// interface generated from it (fields.schema.ts) types the templates' merge-field helpers.
import { iterableFields } from '../../compiler/index.js';
import type { IterableFields } from './fields.schema.js';
import schema from './fields.schema.json' with { type: 'json' };

export const fields = iterableFields<IterableFields>(schema);
