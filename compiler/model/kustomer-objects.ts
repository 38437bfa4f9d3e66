/**
 * What Kustomer's workflow actions output, as far as workflows reference them. Inferred from the
 * API's resource attributes (docs/reference/kustomer-api.md §2, §3.4): extend here when a workflow
 * needs a field that is not listed.
 */
export interface KustomerCustomer {
  id: string;
  externalId?: string | null;
  name?: string | null;
  displayName?: string;
  emails?: { email: string; type?: string }[];
  phones?: { phone: string; type?: string }[];
  custom?: Record<string, unknown>;
  tags?: string[];
  createdAt?: string;
  updatedAt?: string;
}

export interface KustomerKObject<Custom = Record<string, unknown>> {
  id: string;
  externalId?: string | null;
  title: string;
  description?: string | null;
  data?: unknown;
  custom?: Custom;
  tags?: string[];
  createdAt?: string;
  updatedAt?: string;
}

/** A conversation (`kustomer.conversation.find-by-id` / `.update` output), `custom` typed when known. */
export interface KustomerConversation<Custom = Record<string, any>> {
  id: string;
  customer: string;
  name?: string | null;
  externalId?: string | null;
  status?: string;
  subStatus?: string | null;
  priority?: number;
  custom?: Custom;
  tags?: string[];
  createdAt?: string;
  updatedAt?: string;
}

/** A note on a conversation (`kustomer.note.create` output). */
export interface KustomerNote {
  id: string;
  conversation: string;
  customer: string;
  body: string;
  createdAt?: string;
  updatedAt?: string;
}

/** `kustomer.rest-api.json` output: the parsed body and the response status. */
export interface RestApiResult<Body = any> {
  body: Body;
  response: { statusCode: number; headers?: Record<string, string> };
}

export interface RegexMatchResult {
  match: string | null;
}

/** Step `1` for a Kustomer object event (`kustomer.customer.create` ...): the object itself. */
export interface KustomerObjectEvent {
  id: string;
  customer?: string;
  custom?: Record<string, any>;
  /**
   * What an update changed, per attribute: `{ before, after }`, nested for `custom` (real exports read
   * `changes.attributes.custom.<name>.after`). Inferred and kept loose (`any`), so any such path types.
   */
  changes?: { attributes?: Record<string, any> };
  [field: string]: any;
}
