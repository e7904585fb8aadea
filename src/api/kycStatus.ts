/**
 * The proxy's own KYC answer (`PROXY_PATHS.kycStatus`): a projection, never the API's details. The
 * widget reads it as soon as the user reaches for it, so it is checked here without a schema
 * library: the reading waits for no zod download.
 */
import { TEXT_LIMITS } from './contract';
import { readFields, type FieldKind } from './fields';

export interface KycStatusAnswer {
  verified: boolean;
  firstName?: string;
  lastName?: string;
}

const KYC_STATUS_FIELDS = { verified: 'boolean', firstName: 'string?', lastName: 'string?' } as const satisfies Record<keyof KycStatusAnswer, FieldKind>;

/** The answer's fields, unknown ones dropped; undefined when it is not of this shape. */
export const readKycStatus = (value: unknown): KycStatusAnswer | undefined => {
  const answer = readFields(value, KYC_STATUS_FIELDS) as KycStatusAnswer | undefined;
  return answer && [answer.firstName, answer.lastName].every((name) => (name?.length ?? 0) <= TEXT_LIMITS.name) ? answer : undefined;
};
