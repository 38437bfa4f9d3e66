/* Generated from fields.schema.json by json-schema-to-typescript. Do not edit. */

/**
 * The Iterable fields the journey-webhook templates may merge: user-profile fields, and each custom event's dataFields. A merge field not declared here is a type error and a validation error.
 */
export interface IterableFields {
  profile: IterableProfileFields;
  events: IterableEventFields;
}
/**
 * Iterable user-profile fields.
 */
export interface IterableProfileFields {
  /**
   * Iterable's user identifier (email-based projects).
   */
  email?: string;
  /**
   * Our customer id; Regal's External ID (userId).
   */
  uniqueIdentifier?: string;
  /**
   * E.164 mobile number.
   */
  phoneNumber?: string;
  firstName?: string;
  lastName?: string;
  /**
   * Where the lead came from; sent as the opt-in source.
   */
  leadSource?: string;
  /**
   * Consent to marketing calls.
   */
  voice_optin_subscribed?: boolean;
  /**
   * Consent to marketing texts.
   */
  sms_optin_subscribed?: boolean;
  custom1?: string;
  custom2?: string;
  custom3?: string;
}
/**
 * Custom events by name, each with its dataFields.
 */
export interface IterableEventFields {
  "Application Step 1 Completed"?: ApplicationStep1CompletedFields;
}
export interface ApplicationStep1CompletedFields {
  educationalLevel?: string;
  preferredLocation?: string;
  preferredSubject?: string;
}
