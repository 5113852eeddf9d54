/**
 * The one registry of claims. Pages (the <Claim> badge), the tests, the coverage count and the
 * live re-run all read it, so they cannot disagree.
 */
import { forwardProcessClaims } from './forward-process.ts';
import { nonMarkovianFamilyClaims } from './non-markovian-family.ts';
import { nStepJumpClaims } from './n-step-jump.ts';
import { samplerFamilyClaims } from './sampler-family.ts';
import { samplerDdpmClaims } from './sampler-ddpm.ts';
import { errataClaims } from './errata.ts';
import { diffusersDdimStepClaims } from './diffusers-ddim-step.ts';
import { ddimPipelineClaims } from './ddim-pipeline.ts';
import { labClaims } from './lab.ts';
import type { ChapterSlug, Claim } from './types.ts';

export const ALL_CLAIMS: readonly Claim[] = [...forwardProcessClaims, ...nonMarkovianFamilyClaims, ...nStepJumpClaims, ...samplerFamilyClaims, ...samplerDdpmClaims, ...errataClaims, ...diffusersDdimStepClaims, ...ddimPipelineClaims, ...labClaims];

const byId = new Map<string, Claim>();
for (const c of ALL_CLAIMS) {
  if (byId.has(c.id)) throw new Error(`duplicate claim id "${c.id}"`);
  byId.set(c.id, c);
}

/** The claim with this id; throws (listing the chapter's ids) if there is none. */
export function getClaim(id: string): Claim {
  const c = byId.get(id);
  if (!c) throw new Error(`Unknown claim "${id}". Registered ids start with: ${[...new Set(ALL_CLAIMS.map((x) => x.id.split('.')[0]))].join(', ')}`);
  return c;
}

export function hasClaim(id: string): boolean {
  return byId.has(id);
}

export function claimsOf(chapter: ChapterSlug): Claim[] {
  return ALL_CLAIMS.filter((c) => c.chapter === chapter);
}
