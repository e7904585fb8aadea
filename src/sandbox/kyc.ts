/**
 * KYC: verification links, the details the identity provider returns, and the sandbox's own page
 * behind each link, where a click stands in for the user showing an ID and the provider's decision.
 */
import { API_ERRORS } from '../api/errors';
import { KYC_APPROVED_RESULT, kycLinkRequestSchema } from '../api/schemas';
import { isoTime, type SandboxContext } from './context';
import { notifyKyc } from './events';
import { fail } from './failure';
import type { KycIdentity, KycSessionRecord, UserRecord } from './store';

/** The sandbox's own routes (outside the API): the page a KYC link opens. */
export const SANDBOX_PATHS = {
  kycPage: (sessionId: string) => `/kyc-verification/${encodeURIComponent(sessionId)}`,
} as const;

/** What the page decides: the user passes, or is refused. */
export type KycDecision = 'approve' | 'reject';

/** Assumed: the identity a user is given when verified without one of their own (users created through `POST /users`). */
export const DEFAULT_IDENTITY: KycIdentity = {
  firstName: 'Alex',
  middleName: null,
  lastName: 'Rivera',
  secondLastName: null,
  birthDate: '1991-06-15',
  idType: 'NATIONAL_ID',
  idNumber: 'RIAX910615HDFVLX04',
  nationality: 'MX',
  address: { streetLine1: 'Av. Insurgentes Sur 1602', city: 'Ciudad de México', postalCode: '03940', country: 'MX' },
};

/**
 * `POST /users/{id}/kyc/verification-link`: a new session, its page at the sandbox's public URL.
 * Assumed: answered 201 (it creates a session); a user whose KYC had not started is now
 * IN_PROGRESS (event CREATED_KYC).
 */
export const createKycLink = (ctx: SandboxContext, user: UserRecord, body: unknown, requestOrigin: string) => {
  const parsed = kycLinkRequestSchema.safeParse(body);
  if (!parsed.success) fail(API_ERRORS.invalidUserInput);
  const session: KycSessionRecord = {
    id: ctx.ids.uuid('kyc-session'),
    userId: user.id,
    country: parsed.data.country,
    redirectUri: parsed.data.partnerRedirectUri ?? null,
    createdAt: isoTime(ctx.now()),
  };
  ctx.store.kycSessions.set(session.id, session);
  user.kycSessionId = session.id;
  if (user.kycStatus === 'NOT_STARTED') {
    user.kycStatus = 'IN_PROGRESS';
    notifyKyc(ctx, user);
  }
  return { kycLink: `${ctx.settings.publicUrl ?? requestOrigin}${SANDBOX_PATHS.kycPage(session.id)}` };
};

/** Assumed: the provider's `verificationResult` for each KYC status (only APPROVED is the contract's). */
const VERIFICATION_RESULTS = {
  IN_PROGRESS: 'PENDING',
  VERIFIED: KYC_APPROVED_RESULT,
  REJECTED: 'DECLINED',
  REVIEW_NEEDED: 'REVIEW',
} as const;

/** Media lives at a host that never resolves: the sandbox keeps no images. */
const mediaUrl = (sessionId: string, file: string) => `https://kyc-media.sandbox.invalid/${sessionId}/${file}`;

/**
 * `GET /kyc/details?userId=`: the identity provider's whole result, in its own shape (assumed
 * field values where the docs name only the fields). A user whose KYC has not started has none:
 * empty `data`.
 */
export const kycDetails = (ctx: SandboxContext, user: UserRecord) => {
  const session = user.kycSessionId === null ? undefined : ctx.store.kycSessions.get(user.kycSessionId);
  if (user.kycStatus === 'NOT_STARTED' || session === undefined) return {};
  const id = user.identity;
  const decided = user.kycStatus !== 'IN_PROGRESS';
  return {
    aipriseSummary: { verificationResult: VERIFICATION_RESULTS[user.kycStatus] },
    idInfo: id && {
      firstName: id.firstName,
      middleName: id.middleName,
      lastName: id.lastName,
      secondLastName: id.secondLastName,
      fullName: [id.firstName, id.middleName, id.lastName, id.secondLastName].filter(Boolean).join(' '),
      birthDate: id.birthDate,
      idType: id.idType,
      idNumber: id.idNumber,
      nationality: id.nationality,
      issuingCountry: session.country,
      address: id.address,
    },
    amlInfo: decided ? { result: user.kycStatus === 'REJECTED' ? 'HIT' : 'CLEAR', hits: [] } : null,
    faceMatchInfo: decided ? { result: user.kycStatus === 'REJECTED' ? 'NO_MATCH' : 'MATCH', score: user.kycStatus === 'REJECTED' ? 0.21 : 0.97 } : null,
    fraudInsights: decided ? { riskLevel: user.kycStatus === 'REJECTED' ? 'HIGH' : 'LOW', signals: [] } : null,
    media: id && {
      idFrontImageUrl: mediaUrl(session.id, 'id-front.jpg'),
      idBackImageUrl: mediaUrl(session.id, 'id-back.jpg'),
      selfieImageUrl: mediaUrl(session.id, 'selfie.jpg'),
    },
    clientReferenceId: user.externalUserId,
    createdAt: session.createdAt,
    verificationSessionId: session.id,
  };
};

/**
 * The provider's decision on a user: VERIFIED (may transact) or REJECTED, with its KYC event. A
 * user without a session gets one, so the details show where the decision came from.
 */
export const decideKyc = (ctx: SandboxContext, user: UserRecord, decision: KycDecision, identity?: KycIdentity) => {
  if (user.kycSessionId === null) {
    const session: KycSessionRecord = { id: ctx.ids.uuid('kyc-session'), userId: user.id, country: 'MX', redirectUri: null, createdAt: isoTime(ctx.now()) };
    ctx.store.kycSessions.set(session.id, session);
    user.kycSessionId = session.id;
  }
  user.identity = identity ?? user.identity ?? DEFAULT_IDENTITY;
  const status = decision === 'approve' ? 'VERIFIED' : 'REJECTED';
  if (user.kycStatus === status) return;
  user.kycStatus = status;
  notifyKyc(ctx, user);
};

const page = (title: string, body: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:3rem auto;padding:0 1rem;line-height:1.5}
button{font:inherit;padding:.6rem 1.2rem;margin-right:.5rem;border-radius:.4rem;border:1px solid #444;cursor:pointer}
button[value=approve]{background:#0b6b3a;color:#fff;border-color:#0b6b3a}</style></head>
<body><main>${body}</main></body></html>`;

/** The page a KYC link opens (GET): the choice, posted back to the same address. */
export const kycPage = (found: boolean) =>
  found
    ? page(
        'Sandbox identity check',
        `<h1>Sandbox identity check</h1>
<p>This page stands in for the identity provider. No document is asked for: choose the outcome.</p>
<form method="post"><button name="decision" value="approve">Verify me</button><button name="decision" value="reject">Reject me</button></form>`,
      )
    : page('Link not found', '<h1>Link not found</h1><p>This verification link is not one of this sandbox’s.</p>');

/** The page after a decision, when the partner gave no address to return to. */
export const kycDonePage = (decision: KycDecision) =>
  decision === 'approve'
    ? page('Identity verified', '<h1>Identity verified</h1><p>You can close this page and go back.</p>')
    : page('Identity rejected', '<h1>Identity rejected</h1><p>You can close this page and go back.</p>');
