/**
 * What the workflow runtime needs from the local org's store. The store implements it; the runtime
 * never touches HTTP or files. Records are the JSON:API `attributes` plus `id`, as Kustomer's
 * workflow actions output them.
 */
export interface CustomerRecord {
  id: string;
  name?: string | null;
  externalId?: string | null;
  emails: { email: string; type?: string }[];
  phones: { phone: string; type?: string }[];
  custom: Record<string, unknown>;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

export interface KObjectRecord {
  id: string;
  klassName: string;
  customer?: string;
  externalId?: string | null;
  title: string;
  description?: string | null;
  data: unknown;
  custom: Record<string, unknown>;
  tags: string[];
  createdAt: string;
  updatedAt: string;
}

/** Thrown by the host for a request Kustomer would refuse (unknown Klass, wrong attribute type ...). */
export class HostError extends Error {
  constructor(
    message: string,
    readonly status: number = 400,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

export interface RuntimeHost {
  findCustomerByExternalId(externalId: string): CustomerRecord | undefined;
  findCustomerByEmail(email: string): CustomerRecord | undefined;
  findCustomerByPhone(phone: string): CustomerRecord | undefined;
  getCustomer(id: string): CustomerRecord | undefined;
  /** Body as `POST /v1/customers`: `{ name, externalId, emails: [{email}], phones: [{phone}], custom }`. */
  createCustomer(body: Record<string, unknown>): CustomerRecord;
  updateCustomer(id: string, body: Record<string, unknown>): CustomerRecord;
  /** Body as `POST /v1/klasses/{name}` (or `/v1/customers/{id}/klasses/{name}` with `customer`). */
  createKObject(klassName: string, body: Record<string, unknown>): KObjectRecord;
  updateKObject(klassName: string, id: string, body: Record<string, unknown>): KObjectRecord;
  getKObject(klassName: string, id: string): KObjectRecord | undefined;
  findKObjectByExternalId(klassName: string, externalId: string): KObjectRecord | undefined;
  /** The clock, injectable for deterministic tests. */
  now(): Date;
}
