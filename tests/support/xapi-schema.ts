// A JSON Schema of an xAPI 1.0.3 statement (https://github.com/adlnet/xAPI-Spec/blob/master/xAPI-Data.md,
// section 2.4), for the parts this app sends and an LRS adds (stored, authority, version), with
// ajv. Written from the specification; no package on npm ships a maintained one. It refuses what
// the spec's MUSTs refuse for these parts: an Agent with no or two identifiers, a non-IRI id, an
// unknown property, a scaled score outside -1…1, a bad language tag, duration or UUID, a voiding
// statement whose object is not a StatementRef.
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>"{}|\\^`]+$/;
// RFC 5646 language tags as xAPI language maps use them (zh-CN, en-US, und…).
const LANGUAGE_TAG = "^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$";

const DURATION = "^P(?=\\d|T\\d)(\\d+Y)?(\\d+M)?(\\d+D)?(T(?=\\d)(\\d+H)?(\\d+M)?(\\d+(\\.\\d+)?S)?)?$|^P\\d+W$";
const languageMap = { type: "object", minProperties: 1, propertyNames: { pattern: LANGUAGE_TAG }, additionalProperties: { type: "string" } };
const extensions = { type: "object", propertyNames: { format: "iri" } };
const iri = { type: "string", format: "iri" };
const uuid = { type: "string", format: "uuid" };

const agent = {
  type: "object",
  properties: {
    objectType: { const: "Agent" },
    name: { type: "string" },
    mbox: { type: "string", pattern: "^mailto:[^@\\s]+@[^@\\s]+$" },
    mbox_sha1sum: { type: "string", pattern: "^[0-9a-f]{40}$" },
    openid: { type: "string", format: "uri" },
    account: {
      type: "object",
      required: ["homePage", "name"],
      properties: { homePage: iri, name: { type: "string", minLength: 1 } },
      additionalProperties: false,
    },
  },
  // Exactly one inverse functional identifier.
  oneOf: [{ required: ["mbox"] }, { required: ["mbox_sha1sum"] }, { required: ["openid"] }, { required: ["account"] }],
  additionalProperties: false,
};

const activity = {
  type: "object",
  required: ["id"],
  properties: {
    objectType: { const: "Activity" },
    id: iri,
    definition: {
      type: "object",
      properties: { name: languageMap, description: languageMap, type: iri, moreInfo: iri, extensions },
      additionalProperties: false,
    },
  },
  additionalProperties: false,
};

const statementRef = {
  type: "object",
  required: ["objectType", "id"],
  properties: { objectType: { const: "StatementRef" }, id: uuid },
  additionalProperties: false,
};

const activityList = { oneOf: [activity, { type: "array", items: activity }] };

export const statementSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["actor", "verb", "object"],
  properties: {
    id: uuid,
    actor: agent,
    verb: { type: "object", required: ["id"], properties: { id: iri, display: languageMap }, additionalProperties: false },
    object: { oneOf: [activity, statementRef] },
    result: {
      type: "object",
      properties: {
        score: {
          type: "object",
          properties: { scaled: { type: "number", minimum: -1, maximum: 1 }, raw: { type: "number" }, min: { type: "number" }, max: { type: "number" } },
          additionalProperties: false,
        },
        success: { type: "boolean" },
        completion: { type: "boolean" },
        response: { type: "string" },
        // ISO 8601 durations with fractional seconds, as xAPI allows (ajv-formats' `duration` does not).
        duration: { type: "string", pattern: DURATION },
        extensions,
      },
      additionalProperties: false,
    },
    context: {
      type: "object",
      properties: {
        registration: uuid,
        instructor: agent,
        contextActivities: {
          type: "object",
          properties: { parent: activityList, grouping: activityList, category: activityList, other: activityList },
          additionalProperties: false,
        },
        revision: { type: "string" },
        platform: { type: "string" },
        language: { type: "string", pattern: LANGUAGE_TAG },
        statement: statementRef,
        extensions,
      },
      additionalProperties: false,
    },
    timestamp: { type: "string", format: "date-time" },
    stored: { type: "string", format: "date-time" },
    authority: agent,
    version: { type: "string", pattern: "^1\\.0(\\.\\d+)?$" },
  },
  // A voiding statement's object is the StatementRef it voids.
  if: { properties: { verb: { properties: { id: { const: "http://adlnet.gov/expapi/verbs/voided" } } } } },
  then: { properties: { object: statementRef } },
  additionalProperties: false,
} as const;

/** The compiled validator (ajv with the formats package; `iri` as xAPI means it). */
export function statementValidator(): ValidateFunction {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
  addFormats(ajv);
  ajv.addFormat("iri", IRI);
  return ajv.compile(statementSchema);
}
