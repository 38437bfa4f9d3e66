/*
 * GENERATED from contact-created.schema.json by `npm run generate` (compiler/codegen/generate-types.ts).
 * Do not edit: edit the schema and regenerate; a test fails while this file is stale.
 *
 * Objects whose fields the schema lists are closed here (no index signature) although the schema
 * accepts unknown fields: a workflow may only reference a documented field, so a typo in a payload
 * path is a compile error. To use a new field, add it to the schema first.
 */

/**
 * Regal `contact.created`: a contact was created in Regal (regal-iterable.md §1.3; not in the seed guide). Accepts both envelopes Regal is known to send to a Kustomer hook: the Kustomer shape (`event`, `externalId`) and the Reporting-Webhook shape (`name`, `userId`, `eventId`); which one an account gets is not documented (regal-iterable.md §1.3). Unknown fields are allowed: Regal adds fields without notice.
 */
export interface RegalContactCreated {
  /**
   * The event name (Kustomer envelope).
   */
  event?: 'contact.created';
  /**
   * The event name (Reporting-Webhook envelope).
   */
  name?: 'contact.created';
  /**
   * The contact's External ID in Regal (Kustomer envelope).
   */
  externalId?: string;
  /**
   * The contact's External ID in Regal (Reporting-Webhook envelope).
   */
  userId?: string;
  /**
   * Unique per event (Reporting-Webhook envelope only): the best key to recognise a re-sent event.
   */
  eventId?: string;
  /**
   * When the event happened: a string of unix seconds, e.g. "1636644608".
   */
  originalTimestamp?: string;
  /**
   * The sender, e.g. "Regal Voice" (Reporting-Webhook envelope).
   */
  eventSource?: string;
  traits?: RegalTraits;
  properties: RegalContactCreatedProperties;
}
/**
 * The contact's identifiers at the time of the event.
 */
export interface RegalTraits {
  /**
   * The contact's email; null or absent when Regal has none.
   */
  email?: string | null;
  /**
   * The contact's phone in E.164, e.g. "+19545552399".
   */
  phone?: string | null;
}
/**
 * The event's properties (seed guide 000 and regal-iterable.md §1.2-1.3). Any custom contact attribute may also appear here.
 */
export interface RegalContactCreatedProperties {
  /**
   * The contact's phone.
   */
  contactPhone?: string | null;
  /**
   * The contact's email.
   */
  email?: string | null;
  /**
   * The contact's first name (camelCase, unlike the other events).
   */
  firstName?: string | null;
  /**
   * The contact's last name.
   */
  lastName?: string | null;
}

/** The JSON Schema this file was generated from (its shape): `payloadOf<T>(payloadSchema)` checks references against it. */
export const payloadSchema = {
  "type": "object",
  "required": [
    "properties"
  ],
  "anyOf": [
    {
      "required": [
        "event"
      ]
    },
    {
      "required": [
        "name"
      ]
    }
  ],
  "properties": {
    "event": {
      "const": "contact.created"
    },
    "name": {
      "const": "contact.created"
    },
    "externalId": {
      "type": "string"
    },
    "userId": {
      "type": "string"
    },
    "eventId": {
      "type": "string"
    },
    "originalTimestamp": {
      "type": "string"
    },
    "eventSource": {
      "type": "string"
    },
    "traits": {
      "type": "object",
      "properties": {
        "email": {
          "type": [
            "string",
            "null"
          ]
        },
        "phone": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "additionalProperties": true
    },
    "properties": {
      "type": "object",
      "properties": {
        "contactPhone": {
          "type": [
            "string",
            "null"
          ]
        },
        "email": {
          "type": [
            "string",
            "null"
          ]
        },
        "firstName": {
          "type": [
            "string",
            "null"
          ]
        },
        "lastName": {
          "type": [
            "string",
            "null"
          ]
        }
      },
      "additionalProperties": true
    }
  },
  "additionalProperties": true
};
