/**
 * The proxy's own KYC answer (`PROXY_PATHS.kycStatus`): a projection, never the API's details. The
 * widget reads it as soon as the user reaches for it, so it is checked here without a schema
 * library: the reading waits for no zod download.
 */
import { TEXT_LIMITS } from './contract';

export interface KycStatusAnswer {
  verified: boolean;
  firstName?: string;
  lastName?: string;
}

const NAMES = ['firstName', 'lastName'] as const;

/** The answer's fields, unknown ones dropped; undefined when it is not of this shape. */
export const readKycStatus = (value: unknown): KycStatusAnswer | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  if (typeof record.verified !== 'boolean') return undefined;
  const answer: KycStatusAnswer = { verified: record.verified };
  for (const name of NAMES) {
    const text = record[name];
    if (text === undefined) continue;
    if (typeof text !== 'string' || text.length > TEXT_LIMITS.name) return undefined;
    answer[name] = text;
  }
  return answer;
};
