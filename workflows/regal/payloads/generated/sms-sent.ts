/*
 * GENERATED from sms-sent.schema.json by `npm run generate` (compiler/codegen/generate-types.ts).
 * Do not edit: edit the schema and regenerate; a test fails while this file is stale.
 *
 * Objects whose fields the schema lists are closed here (no index signature) although the schema
 * accepts unknown fields: a workflow may only reference a documented field, so a typo in a payload
 * path is a compile error. To use a new field, add it to the schema first.
 */

/**
 * Regal `sms.sent`: an SMS was sent to the contact, by an automated campaign (agent fields null, campaign fields set) or by an agent (campaign fields null). Accepts both envelopes Regal is known to send to a Kustomer hook: the Kustomer shape (`event`, `externalId`) and the Reporting-Webhook shape (`name`, `userId`, `eventId`); which one an account gets is not documented (regal-iterable.md §1.3). Unknown fields are allowed: Regal adds fields without notice.
 */
export interface RegalSmsSent {
  /**
   * The event name (Kustomer envelope).
   */
  event?: 'sms.sent';
  /**
   * The event name (Reporting-Webhook envelope).
   */
  name?: 'sms.sent';
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
  properties: RegalSmsSentProperties;
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
 * The event's properties (seed guide 000 and regal-iterable.md §1.2-1.3).
 */
export interface RegalSmsSentProperties {
  /**
   * The agent's full name; null for automated messages.
   */
  agent_fullname?: string | null;
  /**
   * The agent's id (an email in the docs); null for automated messages.
   */
  agent_id?: string | null;
  /**
   * The campaign's short numeric id. Loose: Regal's docs show it both as a string and as an integer.
   */
  campaign_friendly_id?: string | number | null;
  /**
   * The campaign's id; null for agent messages.
   */
  campaign_id?: string | null;
  /**
   * The campaign's name.
   */
  campaign_name?: string | null;
  /**
   * The contact's phone.
   */
  contact_phone?: string;
  /**
   * The message text. About 0.05% of automated sms.sent events arrive without it (regal-iterable.md §1.2).
   */
  content?: string;
  /**
   * Always "outbound" for sms.sent.
   */
  direction?: 'inbound' | 'outbound';
  /**
   * The sender's number.
   */
  from_number?: string;
  /**
   * The journey's short numeric id. Loose: Regal's docs show it both as a string and as an integer.
   */
  journey_friendly_id?: string | number | null;
  /**
   * The journey's name.
   */
  journey_name?: string | null;
  /**
   * The journey that produced the task, if any.
   */
  journey_uuid?: string | null;
  /**
   * An attached media URL; null when none.
   */
  media_url?: string | null;
  /**
   * The Regal number used.
   */
  regal_voice_phone?: string;
  /**
   * The agent conversation this message belongs to; null for automated messages.
   */
  sms_conversation_id?: string | null;
  /**
   * Regal's message id, unique per message (Reporting-Webhook docs; absent from the Kustomer guide's examples).
   */
  sms_message_id?: string;
  /**
   * The recipient's number.
   */
  to_number?: string;
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
      "const": "sms.sent"
    },
    "name": {
      "const": "sms.sent"
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
        "agent_fullname": {
          "type": [
            "string",
            "null"
          ]
        },
        "agent_id": {
          "type": [
            "string",
            "null"
          ]
        },
        "campaign_friendly_id": {
          "type": [
            "string",
            "integer",
            "null"
          ]
        },
        "campaign_id": {
          "type": [
            "string",
            "null"
          ]
        },
        "campaign_name": {
          "type": [
            "string",
            "null"
          ]
        },
        "contact_phone": {
          "type": "string"
        },
        "content": {
          "type": "string"
        },
        "direction": {
          "type": "string",
          "enum": [
            "inbound",
            "outbound"
          ]
        },
        "from_number": {
          "type": "string"
        },
        "journey_friendly_id": {
          "type": [
            "string",
            "integer",
            "null"
          ]
        },
        "journey_name": {
          "type": [
            "string",
            "null"
          ]
        },
        "journey_uuid": {
          "type": [
            "string",
            "null"
          ]
        },
        "media_url": {
          "type": [
            "string",
            "null"
          ]
        },
        "regal_voice_phone": {
          "type": "string"
        },
        "sms_conversation_id": {
          "type": [
            "string",
            "null"
          ]
        },
        "sms_message_id": {
          "type": "string"
        },
        "to_number": {
          "type": "string"
        }
      },
      "additionalProperties": true
    }
  },
  "additionalProperties": true
};
