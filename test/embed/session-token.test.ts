// @vitest-environment node
/**
 * The README's session token for embeds framed cross-site, run as documented: the proxy's
 * `resolveUserId` gets the user only from a token signed with the secret and not yet expired.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { configProblems } from '../../src/embed/schemas';
import { readmeEmbedTokens, type EmbedTokens } from './readme';

const SECRET = 'a test secret of thirty-two bytes or more, never a real one';
const bearer = (token: string) => new Request('https://pay.shop.example/offramp/api/partner/v2/quotes', { headers: { authorization: `Bearer ${token}` } });

describe("the README's embed session token", () => {
  let tokens: EmbedTokens;
  let otherSecretTokens: EmbedTokens;
  beforeAll(async () => {
    tokens = await readmeEmbedTokens(SECRET);
    otherSecretTokens = await readmeEmbedTokens('another secret, of another partner, also long enough');
  });

  it('names the user it was issued for, and fits the embed as a session token', async () => {
    const token = await tokens.issueEmbedToken('user-42');
    expect(await tokens.userFromEmbedToken(bearer(token))).toBe('user-42');
    expect(configProblems({ proxyUrl: 'https://pay.shop.example/offramp', sessionToken: token })).toEqual([]);
  });

  it('names nobody once expired, or when signed with another secret', async () => {
    expect(await tokens.userFromEmbedToken(bearer(await tokens.issueEmbedToken('user-42', -1)))).toBeUndefined();
    expect(await tokens.userFromEmbedToken(bearer(await otherSecretTokens.issueEmbedToken('user-42')))).toBeUndefined();
  });

  it('names nobody when the token was changed', async () => {
    const [body, signature] = (await tokens.issueEmbedToken('user-42')).split('.') as [string, string];
    const otherBody = (await tokens.issueEmbedToken('user-43')).split('.')[0]!;
    const flipped = `${signature.slice(0, -2)}${signature.at(-2) === 'A' ? 'B' : 'A'}${signature.at(-1)}`;
    for (const token of [`${otherBody}.${signature}`, `${body}.${flipped}`, body, `${body}.`, `.${signature}`, `${body}.${signature}.x`]) {
      expect(await tokens.userFromEmbedToken(bearer(token)), token).toBeUndefined();
    }
  });

  it('names nobody without a bearer token', async () => {
    const token = await tokens.issueEmbedToken('user-42');
    expect(await tokens.userFromEmbedToken(new Request('https://pay.shop.example/'))).toBeUndefined();
    expect(await tokens.userFromEmbedToken(new Request('https://pay.shop.example/', { headers: { authorization: `Basic ${token}` } }))).toBeUndefined();
    expect(await tokens.userFromEmbedToken(new Request('https://pay.shop.example/', { headers: { cookie: `token=${token}` } }))).toBeUndefined();
  });
});
