// JSON Schema (draft-07) for what Open Badges 3.0 requires of an OpenBadgeCredential, written from
// the spec's data model (1EdTech OB 3.0.3, §B "Data Models": AchievementCredential, Profile,
// AchievementSubject, Achievement, Criteria, IdentityObject, CredentialStatus) over VC 2.0.
// Only required fields and their types; OB allows more properties everywhere.
const uri = { type: "string", format: "uri" } as const;
const typeIncluding = (name: string) => ({
  oneOf: [
    { const: name },
    { type: "array", items: { type: "string" }, contains: { const: name } },
  ],
});

export const openBadgeCredentialSchema = {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  required: ["@context", "id", "type", "name", "issuer", "validFrom", "credentialSubject"],
  properties: {
    "@context": {
      type: "array",
      minItems: 2,
      items: [{ const: "https://www.w3.org/ns/credentials/v2" }],
      contains: { type: "string", pattern: "^https://purl\\.imsglobal\\.org/spec/ob/v3p0/context(-3\\.0\\.\\d+)?\\.json$" },
    },
    id: uri,
    type: { type: "array", allOf: [{ contains: { const: "VerifiableCredential" } }, { contains: { const: "OpenBadgeCredential" } }] },
    name: { type: "string", minLength: 1 },
    issuer: {
      type: "object",
      required: ["id", "type"],
      properties: { id: uri, type: typeIncluding("Profile"), name: { type: "string" }, url: uri },
    },
    validFrom: { type: "string", format: "date-time" },
    validUntil: { type: "string", format: "date-time" },
    credentialSubject: {
      type: "object",
      required: ["type", "achievement"],
      anyOf: [{ required: ["id"] }, { required: ["identifier"] }],
      properties: {
        id: uri,
        type: typeIncluding("AchievementSubject"),
        identifier: {
          type: "array",
          minItems: 1,
          items: {
            type: "object",
            required: ["type", "hashed", "identityHash", "identityType"],
            properties: {
              type: { const: "IdentityObject" },
              hashed: { type: "boolean" },
              identityHash: { type: "string", pattern: "^(sha256\\$[0-9a-f]{64}|[^$]+)$" },
              identityType: { type: "string" },
              salt: { type: "string" },
            },
          },
        },
        achievement: {
          type: "object",
          required: ["id", "type", "criteria", "description", "name"],
          properties: {
            id: uri,
            type: typeIncluding("Achievement"),
            name: { type: "string", minLength: 1 },
            description: { type: "string", minLength: 1 },
            criteria: { type: "object", anyOf: [{ required: ["id"] }, { required: ["narrative"] }], properties: { id: uri, narrative: { type: "string", minLength: 1 } } },
          },
        },
      },
    },
    credentialStatus: { type: "object", required: ["id", "type"], properties: { id: uri, type: { type: "string" } } },
  },
} as const;
