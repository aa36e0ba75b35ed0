// Builds data/catalog/catalog.json: the model and price catalog the core
// loads (src/catalog/). Prices, tiers, dated price changes and context
// windows come from the pinned npm package @pydantic/genai-prices (MIT),
// read through its own API; what no package carries (batch discounts,
// fine-tuning prices, embedding dimensions, max output tokens, tokenizers,
// shutdown dates) comes from the hand-kept files in overrides/, each entry
// with a source URL and an as-of date.
//
//   node data/catalog/generate.mjs            rewrite catalog.json (today's date)
//   node data/catalog/generate.mjs --check    exit 1 if catalog.json is stale
//
// The output is one JSON object with one provider or model per line, so a
// price change shows as a one-line diff.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { calcPrice, waitForUpdate } from '@pydantic/genai-prices';
import { LIMITS_AS_OF, LIMITS_PACKAGE, loadModelLimits } from './model_limits.mjs';

const here = new URL('./', import.meta.url);
const root = new URL('../../', import.meta.url);
export const CATALOG_PATH = fileURLToPath(new URL('catalog.json', here));

const PACKAGE = '@pydantic/genai-prices';
const PINNED_VERSION = '0.1.8';
// Release date of the pinned package on npm (`npm view @pydantic/genai-prices@0.1.8 time`):
// the age of every price that comes from it.
const PACKAGE_AS_OF = '2026-09-23';
const OVERRIDES = ['providers', 'batch', 'fine_tuning', 'embeddings', 'limits', 'tokenizers', 'lifecycle'];

// genai-prices price keys the cost engine understands, and their names in
// the catalog. Other keys (web searches, audio, images) are dropped: the
// calculator prices text tokens only.
const PRICE_KEYS = {
  input_mtok: 'input',
  output_mtok: 'output',
  cache_read_mtok: 'cache_read',
  cache_write_mtok: 'cache_write_5m',
  cache_write_1h_mtok: 'cache_write_1h',
  output_reasoning_mtok: 'reasoning',
  requests_kcount: 'request_per_1k',
};

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');
const readJson = (url) => JSON.parse(readFileSync(url, 'utf8'));

function packageFiles() {
  const entry = new URL(import.meta.resolve(PACKAGE));  // .../dist/index.js
  const pkgJson = new URL('../package.json', entry);
  const version = readJson(pkgJson).version;
  if (version !== PINNED_VERSION) {
    throw new Error(`${PACKAGE} is ${version}, the catalog is pinned to ${PINNED_VERSION}`);
  }
  return { entry, version };
}

function loadOverrides() {
  const out = {};
  for (const name of OVERRIDES) out[name] = readJson(new URL(`overrides/${name}.json`, here));
  return out;
}

// Every hand-kept entry must say where it comes from and how old it is.
function requireSourced(entry, where) {
  if (typeof entry.source !== 'string' || !/^https:\/\//.test(entry.source)) {
    throw new Error(`${where}: missing source URL`);
  }
  if (typeof entry.as_of !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(entry.as_of)) {
    throw new Error(`${where}: missing as_of date (YYYY-MM-DD)`);
  }
}

function matchStrings(match, out = []) {
  if ('or' in match) match.or.forEach((m) => matchStrings(m, out));
  else if ('and' in match) return out;  // a conjunction names no id by itself
  else for (const k of ['equals', 'starts_with', 'contains']) if (k in match) out.push(match[k]);
  return out;
}

// genai-prices matches model names by rules (prefix, substring, regex).
// The catalog lists explicit aliases instead: every literal in the rules
// that genai-prices itself resolves to this model at this provider.
function aliasesOf(provider, model) {
  const seen = new Set([model.id.toLowerCase()]);
  const aliases = [];
  for (const candidate of matchStrings(model.match)) {
    const alias = candidate.toLowerCase().trim();
    if (seen.has(alias) || alias.length < 2) continue;
    seen.add(alias);
    let result = null;
    try {
      result = calcPrice({ input_tokens: 1000, output_tokens: 1000 }, alias, { providerId: provider.id });
    } catch {
      continue;
    }
    if (result?.model.id === model.id) aliases.push(alias);
  }
  return aliases.sort();
}

function kindOf(id) {
  const s = id.toLowerCase();
  if (s.startsWith('ft:') || s.includes('.ft-')) return 'fine-tuned';
  if (s.includes('embed')) return 'embedding';
  if (/moderation|guard/.test(s)) return 'moderation';
  if (/audio|realtime|tts|transcribe|voxtral|live/.test(s)) return 'audio';
  if (/image/.test(s)) return 'image';
  if (/^o\d|reason|thinking|(^|[-/])r1|qwq|magistral|^gpt-5|^gpt-6|gpt-oss|^grok-[34]|deepseek-v4|kimi-k[23]/.test(s) &&
      !/non-reasoning/.test(s)) {
    return 'reasoning';
  }
  return 'chat';
}

function tokenizerOf(rules, providerId, id) {
  for (const r of rules) {
    if (r.provider && r.provider !== providerId) continue;
    if (new RegExp(r.pattern, 'i').test(id)) return r.tokenizer;
  }
  return null;
}

// "00:30:00Z" / "09:00:00+08:00" -> "HH:MM:SS" in UTC.
function utcTime(text) {
  const m = /^(\d{2}):(\d{2}):(\d{2})(Z|([+-])(\d{2}):(\d{2}))$/.exec(text);
  if (!m) throw new Error(`unsupported time of day ${text}`);
  let s = Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]);
  if (m[4] !== 'Z') s -= (m[5] === '+' ? 1 : -1) * (Number(m[6]) * 3600 + Number(m[7]) * 60);
  s = ((s % 86400) + 86400) % 86400;
  const pad = (n) => String(n).padStart(2, '0');
  return `${pad(Math.floor(s / 3600))}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

function convertPrices(prices) {
  const out = {};
  for (const [key, value] of Object.entries(prices)) {
    const name = PRICE_KEYS[key];
    if (!name || value === undefined) continue;
    if (typeof value === 'number') out[name] = value;
    else out[name] = { base: value.base, tiers: [...value.tiers].sort((a, b) => a.start - b.start).map((t) => ({ start: t.start, price: t.price })) };
  }
  return out;
}

// genai-prices keeps either one price set or a list whose entries carry a
// constraint (a start date or a UTC time-of-day window); the last matching
// entry wins and the first is the fallback. The catalog keeps that order.
function priceSets(model) {
  const list = Array.isArray(model.prices) ? model.prices : [{ prices: model.prices }];
  return list.map((entry) => {
    const c = entry.constraint;
    let when = null;
    if (c?.type === 'start_date' || (c && 'start_date' in c)) when = { from: c.start_date };
    else if (c) when = { utc_start: utcTime(c.start_time), utc_end: utcTime(c.end_time) };
    return { when, ...convertPrices(entry.prices) };
  });
}

const hasTokenPrice = (sets) => sets.some((s) => 'input' in s || 'output' in s);

export async function buildCatalog({ generated }) {
  const { entry, version } = packageFiles();
  const overrides = loadOverrides();
  const data = await waitForUpdate();  // the bundled provider data
  const limits = await loadModelLimits();  // models.dev: fills limits genai-prices lacks
  const providersWanted = overrides.providers.include;

  for (const [id, b] of Object.entries(overrides.batch)) if (!id.startsWith('_')) requireSourced(b, `batch.json ${id}`);
  for (const name of ['embeddings', 'limits', 'lifecycle']) {
    for (const [id, e] of Object.entries(overrides[name])) if (!id.startsWith('_')) requireSourced(e, `${name}.json ${id}`);
  }
  for (const [id, ft] of Object.entries(overrides.fine_tuning)) if (!id.startsWith('_')) requireSourced(ft, `fine_tuning.json ${id}`);
  for (const r of overrides.tokenizers.rules) requireSourced({ ...r, as_of: overrides.tokenizers.as_of }, `tokenizers.json ${r.pattern}`);

  const providers = [];
  const models = [];
  const skipped = [];
  for (const pid of providersWanted) {
    const p = data.find((x) => x.id === pid);
    if (!p) throw new Error(`provider ${pid} is not in ${PACKAGE}@${version}`);
    const batch = overrides.batch[pid];
    const ft = overrides.fine_tuning[pid];
    providers.push({
      id: p.id,
      name: p.name,
      source: p.pricing_urls?.[0] ?? null,
      as_of: PACKAGE_AS_OF,
      batch: batch ? { multiplier: batch.multiplier, confirmed: batch.confirmed, source: batch.source, as_of: batch.as_of } : null,
      ...(ft?.size_tiers ? { fine_tuning: { size_tiers: ft.size_tiers, note: ft.note, confirmed: ft.confirmed ?? true, source: ft.source, as_of: ft.as_of } } : {}),
    });
    for (const m of p.models) {
      const prices = priceSets(m);
      if (!hasTokenPrice(prices)) {
        skipped.push(`${pid}:${m.id}`);
        continue;
      }
      const key = `${pid}:${m.id}`;
      const life = overrides.lifecycle[key];
      const embed = overrides.embeddings[key];
      const hand = overrides.limits[key];
      const tuned = ft?.models?.find((x) => x.model === m.id);
      const aliases = aliasesOf(p, m);
      const dev = limits.find(pid, [m.id, ...aliases]);
      const contextWindow = m.context_window ?? hand?.context_window ?? dev?.context_window ?? null;
      const maxOutput = hand?.max_output_tokens ?? dev?.max_output_tokens ?? null;
      // Which limits came from models.dev, so a reader can weigh them.
      const fromModelsDev = [
        ...(!m.context_window && !hand?.context_window && dev?.context_window ? ['context_window'] : []),
        ...(!hand?.max_output_tokens && dev?.max_output_tokens ? ['max_output_tokens'] : []),
      ];
      const entryOut = {
        id: m.id,
        provider: pid,
        name: m.name ?? m.id,
        kind: kindOf(m.id),
        aliases,
        context_window: contextWindow,
        max_output_tokens: maxOutput,
        ...(fromModelsDev.length ? { limits_from_models_dev: fromModelsDev } : {}),
        embedding_dimensions: embed?.dimensions ?? null,
        tokenizer: tokenizerOf(overrides.tokenizers.rules, pid, m.id),
        deprecated: Boolean(m.deprecated || life),
        deprecation_date: life?.deprecated ?? null,
        shutdown_date: life?.shutdown ?? null,
        prices,
        source: p.pricing_urls?.[0] ?? null,
        as_of: PACKAGE_AS_OF,
      };
      if (tuned) {
        const { model: _model, ...rest } = tuned;
        entryOut.fine_tuning = {
          ...rest,
          ...(ft.new_jobs_until ? { new_jobs_until: ft.new_jobs_until, wind_down_source: ft.wind_down_source } : {}),
          confirmed: ft.confirmed ?? true,
          source: ft.source,
          as_of: ft.as_of,
        };
      }
      const extra = [life, embed, hand].filter(Boolean);
      if (extra.length) entryOut.hand_kept_sources = [...new Set(extra.map((e) => e.source))];
      models.push(entryOut);
    }
  }
  // Hand-kept entries must point at models that exist.
  const known = new Set(models.map((m) => `${m.provider}:${m.id}`));
  for (const name of ['embeddings', 'limits', 'lifecycle']) {
    for (const key of Object.keys(overrides[name])) {
      if (!key.startsWith('_') && !known.has(key)) throw new Error(`${name}.json: unknown model ${key}`);
    }
  }
  for (const [pid, ft] of Object.entries(overrides.fine_tuning)) {
    for (const t of ft.models ?? []) {
      if (!known.has(`${pid}:${t.model}`)) throw new Error(`fine_tuning.json: unknown model ${pid}:${t.model}`);
    }
  }

  const inputs = [
    { name: `${PACKAGE}@${version}`, file: 'dist/index.js', sha256: sha256(readFileSync(entry)) },
    { name: `${LIMITS_PACKAGE}@${limits.version}`, file: 'dist/providers/*.js (the providers used)', sha256: limits.sha256 },
    ...OVERRIDES.map((name) => ({
      name: `data/catalog/overrides/${name}.json`,
      sha256: sha256(readFileSync(new URL(`overrides/${name}.json`, here))),
    })),
  ];
  return {
    catalog: 'llmcalc model and price catalog',
    format: 1,
    generator: 'data/catalog/generate.mjs',
    generated,
    inputs,
    as_of: PACKAGE_AS_OF,
    sources: [
      { name: PACKAGE, version, license: 'MIT', url: 'https://github.com/pydantic/genai-prices', as_of: PACKAGE_AS_OF, covers: 'prices, price changes, long-context tiers, context windows, model match rules' },
      { name: `models.dev via ${LIMITS_PACKAGE}`, version: limits.version, license: 'MIT', url: 'https://models.dev/', as_of: LIMITS_AS_OF, covers: 'context windows and max output tokens where the other sources have none (listed per model in limits_from_models_dev)' },
      { name: 'data/catalog/overrides', license: 'MIT', path: 'data/catalog/overrides', as_of: overrides.providers.as_of, covers: 'batch discounts, fine-tuning prices, embedding dimensions, max output tokens, tokenizers, deprecation and shutdown dates (each entry names its source)' },
    ],
    units: 'USD per 1M tokens; request_per_1k: USD per 1,000 requests',
    skipped_without_token_prices: skipped,
    providers,
    models,
  };
}

// Stable, diffable text: metadata pretty-printed, one provider/model per line.
export function serialize(catalog) {
  const { providers, models, ...meta } = catalog;
  const head = JSON.stringify(meta, null, 2).replace(/\n}$/, '');
  const list = (items) => items.map((x) => `    ${JSON.stringify(x)}`).join(',\n');
  return `${head},\n  "providers": [\n${list(providers)}\n  ],\n  "models": [\n${list(models)}\n  ]\n}\n`;
}

async function main() {
  const check = process.argv.includes('--check');
  const today = new Date().toISOString().slice(0, 10);
  if (check) {
    const committed = readFileSync(CATALOG_PATH, 'utf8');
    const fresh = serialize(await buildCatalog({ generated: JSON.parse(committed).generated }));
    if (fresh !== committed) {
      console.error('data/catalog/catalog.json is stale: run node data/catalog/generate.mjs');
      process.exit(1);
    }
    return;
  }
  const catalog = await buildCatalog({ generated: today });
  const text = serialize(catalog);
  writeFileSync(CATALOG_PATH, text);
  const providers = new Set(catalog.models.map((m) => m.provider)).size;
  console.log(`catalog.json: ${providers} providers, ${catalog.models.length} models, ${text.length} bytes ` +
    `(${catalog.skipped_without_token_prices.length} skipped without token prices); root ${fileURLToPath(root)}`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
