/*
 * GENERATED from call-completed.schema.json by `npm run generate` (compiler/codegen/generate-types.ts).
 * Do not edit: edit the schema and regenerate; a test fails while this file is stale.
 *
 * Objects whose fields the schema lists are closed here (no index signature) although the schema
 * accepts unknown fields: a workflow may only reference a documented field, so a typo in a payload
 * path is a compile error. To use a new field, add it to the schema first.
 */

/**
 * Regal `call.completed`: an inbound or outbound call was completed (dispositioned) by an agent, including calls that were not answered. Accepts both envelopes Regal is known to send to a Kustomer hook: the Kustomer shape (`event`, `externalId`) and the Reporting-Webhook shape (`name`, `userId`, `eventId`); which one an account gets is not documented (regal-iterable.md §1.3). Unknown fields are allowed: Regal adds fields without notice.
 */
export interface RegalCallCompleted {
  /**
   * The event name (Kustomer envelope).
   */
  event?: 'call.completed';
  /**
   * The event name (Reporting-Webhook envelope).
   */
  name?: 'call.completed';
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
  properties: RegalCallCompletedProperties;
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
export interface RegalCallCompletedProperties {
  /**
   * The agent's email.
   */
  agent_email?: string | null;
  /**
   * The agent's first name.
   */
  agent_firstname?: string | null;
  /**
   * The agent's full name.
   */
  agent_fullname?: string | null;
  /**
   * The agent's id in Regal (an email address in the docs' examples).
   */
  agent_id?: string | null;
  /**
   * Regal's call id ("WT..."), unique per call.
   */
  call_id?: string;
  /**
   * The campaign's short numeric id. Loose: Regal's docs show it both as a string and as an integer.
   */
  campaign_friendly_id?: string | number | null;
  /**
   * The campaign's name.
   */
  campaign_name?: string | null;
  /**
   * When the agent completed (dispositioned) the task: unix seconds.
   */
  completed_at?: number | null;
  /**
   * The contact's phone.
   */
  contact_phone?: string | null;
  /**
   * Whether the contact and the agent actually talked.
   */
  conversation_happened?: boolean | null;
  /**
   * Who started the call.
   */
  direction?: 'INBOUND' | 'OUTBOUND';
  /**
   * The outcome the agent chose, e.g. "Converted During Convo".
   */
  disposition?: string | null;
  /**
   * When the call or conversation ended: unix seconds.
   */
  ended_at?: number | null;
  /**
   * Talk plus wrap-up, in seconds.
   */
  handle_time?: number | null;
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
   * The agent's notes.
   */
  notes?: string | null;
  /**
   * Objections the agent recorded; item shape not documented.
   */
  objections?: unknown[] | null;
  /**
   * The Regal number used.
   */
  regal_voice_phone?: string | null;
  /**
   * The Regal number's internal name.
   */
  regal_voice_phone_internal_name?: string | null;
  /**
   * When the task started: unix seconds.
   */
  started_at?: number | null;
  /**
   * Tags the agent applied, e.g. ["Discount Applied", "Happy"].
   */
  tags?: string[] | null;
  /**
   * Seconds spent talking.
   */
  talk_time?: number | null;
  /**
   * The task type, e.g. "Outbound Call", "Scheduled Callback", "Inbound SMS".
   */
  type?: string | null;
  /**
   * Seconds spent in wrap-up; null when there was none (the docs show null).
   */
  wrapup_time?: number | null;
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
      "const": "call.completed"
    },
    "name": {
      "const": "call.completed"
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
        "agent_email": {
          "type": [
            "string",
            "null"
          ]
        },
        "agent_firstname": {
          "type": [
            "string",
            "null"
          ]
        },
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
        "call_id": {
          "type": "string"
        },
        "campaign_friendly_id": {
          "type": [
            "string",
            "integer",
            "null"
          ]
        },
        "campaign_name": {
          "type": [
            "string",
            "null"
          ]
        },
        "completed_at": {
          "type": [
            "number",
            "null"
          ]
        },
        "contact_phone": {
          "type": [
            "string",
            "null"
          ]
        },
        "conversation_happened": {
          "type": [
            "boolean",
            "null"
          ]
        },
        "direction": {
          "type": "string",
          "enum": [
            "INBOUND",
            "OUTBOUND"
          ]
        },
        "disposition": {
          "type": [
            "string",
            "null"
          ]
        },
        "ended_at": {
          "type": [
            "number",
            "null"
          ]
        },
        "handle_time": {
          "type": [
            "number",
            "null"
          ]
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
        "notes": {
          "type": [
            "string",
            "null"
          ]
        },
        "objections": {
          "type": [
            "array",
            "null"
          ]
        },
        "regal_voice_phone": {
          "type": [
            "string",
            "null"
          ]
        },
        "regal_voice_phone_internal_name": {
          "type": [
            "string",
            "null"
          ]
        },
        "started_at": {
          "type": [
            "number",
            "null"
          ]
        },
        "tags": {
          "type": [
            "array",
            "null"
          ],
          "items": {
            "type": "string"
          }
        },
        "talk_time": {
          "type": [
            "number",
            "null"
          ]
        },
        "type": {
          "type": [
            "string",
            "null"
          ]
        },
        "wrapup_time": {
          "type": [
            "number",
            "null"
          ]
        }
      },
      "additionalProperties": true
    }
  },
  "additionalProperties": true
};
