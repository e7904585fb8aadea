// @vitest-environment node
/**
 * The proxy's own KYC status route, over real HTTP, against a stub of `GET /kyc/details`: the
 * session user's `{ verified, firstName?, lastName? }`, and nothing else of the identity provider's
 * result.
 */
import { describe, expect, it } from 'vitest';
import { API_PATHS, HEADERS, PROXY_PATHS } from '../../src/api/contract';
import { API_ERRORS, errorBody } from '../../src/api/errors';
import { kycStatusSchema, successEnvelope } from '../../src/api/schemas';
import { createOffRampProxy } from '../../src/proxy';
import { createSandbox, SANDBOX_FIXTURES as F } from '../../src/sandbox';
import { recordingApi, servers } from './helpers';

const serve = servers();

const ID_NUMBER = 'GARA850101MDFRRN09';
const BIRTH_DATE = '1985-01-01';
const IMAGE_URL = 'https://kyc.example/media/front-0b1c.jpg';

/** The shape the API's OpenAPI description gives: the identity provider's whole result. */
const details = (verificationResult: string) => ({
  status: 'ok',
  data: {
    aipriseSummary: { verificationResult },
    idInfo: {
      firstName: 'Ana',
      middleName: 'Lucía',
      lastName: 'García',
      secondLastName: 'Ruiz',
      fullName: 'Ana Lucía García Ruiz',
      birthDate: BIRTH_DATE,
      idType: 'NATIONAL_ID',
      idNumber: ID_NUMBER,
      nationality: 'MX',
      address: { street: 'Av. Reforma 1', city: 'CDMX' },
    },
    amlInfo: { hits: [] },
    faceMatchInfo: { score: 0.98 },
    fraudInsights: { riskLevel: 'LOW' },
    media: { idFront: IMAGE_URL, selfie: 'https://kyc.example/media/selfie-0b1c.jpg' },
    clientReferenceId: F.verifiedUserId,
    createdAt: '2026-11-01T10:00:00.000Z',
    verificationSessionId: F.verifiedKycSessionId,
  },
});

const setUp = async (status: number, answer: unknown, basePath = '') => {
  const api = recordingApi(status, answer);
  const { url: upstream } = await serve(api.handler);
  const proxy = createOffRampProxy({
    upstream,
    apiKey: F.apiKey,
    basePath,
    resolveUserId: (request) => (request.headers.get('cookie') === 'session=ana' ? F.verifiedUserId : undefined),
    logger: () => {},
  });
  const { url } = await serve(proxy);
  const ask = (query = '', signedIn = true) =>
    fetch(`${url}${basePath}${PROXY_PATHS.kycStatus}${query}`, { headers: signedIn ? { cookie: 'session=ana' } : {} });
  return { received: api.received, ask };
};

const kycAnswer = successEnvelope(kycStatusSchema);

describe('GET {basePath}/widget/kyc-status', () => {
  it("answers the session user's status and names from the API's details, whatever user the browser names", async () => {
    const { received, ask } = await setUp(200, details('APPROVED'), '/offramp');
    const answer = await ask(`?userId=${F.otherUserId}`);
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(body).toEqual({ success: true, data: { verified: true, firstName: 'Ana', lastName: 'García' } });
    expect(kycAnswer.safeParse(body).success).toBe(true);
    expect(received).toHaveLength(1);
    expect(received[0]!.method).toBe('GET');
    expect(received[0]!.url.pathname).toBe(API_PATHS.kycDetails);
    expect([...received[0]!.url.searchParams]).toEqual([['userId', F.verifiedUserId]]);
    expect(received[0]!.headers.get(HEADERS.apiKey)).toBe(F.apiKey);
  });

  it('passes nothing else of the details: no ID number, birth date, image URL or any other field', async () => {
    const { ask } = await setUp(200, details('APPROVED'));
    const text = await (await ask()).text();
    for (const secret of [ID_NUMBER, BIRTH_DATE, IMAGE_URL, 'selfie', 'Lucía', 'fraud', F.verifiedKycSessionId]) expect(text).not.toContain(secret);
    expect(Object.keys(JSON.parse(text).data).sort()).toEqual(['firstName', 'lastName', 'verified']);
  });

  it.each([
    ['a result other than APPROVED', 200, details('DECLINED')],
    ['empty details', 200, { status: 'ok', data: {} }],
    ['no details at all', 200, { status: 'ok', data: null }],
    ['a 404', 404, errorBody(API_ERRORS.notFound)],
  ])('answers not verified for %s', async (_case, status, answer) => {
    const { ask } = await setUp(status, answer);
    const response = await ask();
    expect(response.status).toBe(200);
    const { data } = await response.json();
    expect(data.verified).toBe(false);
    expect(JSON.stringify(data)).not.toContain(ID_NUMBER);
  });

  it("passes the API's own error rows, and asks nothing without a signed-in user", async () => {
    const { received, ask } = await setUp(401, errorBody(API_ERRORS.apiKeyUnknown));
    const refused = await ask();
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(errorBody(API_ERRORS.apiKeyUnknown));
    const anonymous = await ask('', false);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual(errorBody(API_ERRORS.signInRequired));
    expect(received).toHaveLength(1);
  });
});

describe('the KYC status in front of the sandbox, over HTTP', () => {
  it('is verified for the verified user and not for the one still in review, with no ID number in either answer', async () => {
    const sandbox = createSandbox({ seed: 'kyc-status' });
    const { url: upstream } = await serve(sandbox);
    const proxy = createOffRampProxy({ upstream, apiKey: F.apiKey, resolveUserId: (request) => request.headers.get('x-test-user') ?? undefined, logger: () => {} });
    const { url } = await serve(proxy);
    const ask = async (userId: string) => {
      const answer = await fetch(`${url}${PROXY_PATHS.kycStatus}`, { headers: { 'x-test-user': userId } });
      expect(answer.status).toBe(200);
      return answer.text();
    };
    const [verified, inReview] = await Promise.all([ask(F.verifiedUserId), ask(F.unverifiedUserId)]);
    expect(JSON.parse(verified).data).toMatchObject({ verified: true, firstName: expect.any(String), lastName: expect.any(String) });
    expect(JSON.parse(inReview).data.verified).toBe(false);
    for (const text of [verified, inReview]) {
      expect(Object.keys(JSON.parse(text).data).every((key) => ['verified', 'firstName', 'lastName'].includes(key))).toBe(true);
      expect(text).not.toMatch(/idNumber|birthDate|https?:/);
    }
  });
});
