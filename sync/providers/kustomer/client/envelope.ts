/**
 * Kustomer's JSON:API-like envelopes as zod schemas, and the one error for a response of an
 * unexpected shape: it names the endpoint and the field (`data[3].attributes.name`).
 */
import { z } from 'zod';
import { formatJsonPath, type JsonPath } from '../../../../compiler/json.js';
import { ApiError } from '../../../errors.js';

/** One Kustomer object with its envelope taken off: the `attributes` validated by the caller's schema. */
export interface KustomerObject<T> {
  id: string;
  type: string;
  attributes: T;
  relationships?: Record<string, unknown>;
}

export function resourceSchema<T>(attributes: z.ZodType<T>) {
  return z.object({
    id: z.string(),
    type: z.string(),
    attributes,
    relationships: z.record(z.string(), z.unknown()).optional(),
  });
}

export function singleSchema<T>(attributes: z.ZodType<T>) {
  return z.object({ data: resourceSchema(attributes) });
}

export function pageSchema<T>(attributes: z.ZodType<T>) {
  return z.object({
    data: z.array(resourceSchema(attributes)),
    links: z.object({ next: z.string().nullish() }).partial().nullish(),
    meta: z.record(z.string(), z.unknown()).nullish(),
  });
}

/** Parses `value` with `schema`, or throws an ApiError naming the endpoint and the first bad fields. */
export function parseResponse<S extends z.ZodType>(
  schema: S,
  value: unknown,
  method: string,
  path: string,
  status: number,
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 3).map((issue) => {
    const field =
      formatJsonPath(issue.path.filter((k): k is string | number => typeof k !== 'symbol') as JsonPath) || '(body)';
    return `${field}: ${issue.message}`;
  });
  const more = result.error.issues.length > 3 ? ` (and ${result.error.issues.length - 3} more)` : '';
  return throwShape(method, path, status, `${problems.join('; ')}${more}`);
}

function throwShape(method: string, path: string, status: number, detail: string): never {
  throw new ApiError(
    { system: 'kustomer', method, path, status },
    `kustomer: ${method} ${path} returned a response of an unexpected shape: ${detail}`,
  );
}

export function unwrap<T>(resource: z.output<ReturnType<typeof resourceSchema<T>>>): KustomerObject<T> {
  return {
    id: resource.id,
    type: resource.type,
    attributes: resource.attributes as T,
    ...(resource.relationships ? { relationships: resource.relationships } : {}),
  };
}
