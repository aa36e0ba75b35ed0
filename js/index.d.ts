// Types for the package entry (package.json "exports"). The same API loads
// in browsers, workers and Node 20:
//
//   import { loadLlmcalc } from 'llmcalc';
//   const llm = await loadLlmcalc();
//   llm.breakEven({ training_cost: 1000, base_cost: 0.01, tuned_cost: 0.002, volume: 1e6 });

/** Thrown for invalid input; `field` names the input at fault. */
export class LlmcalcError extends Error {
  field: string;
}

/** Numbers may be given as numbers or as typed text ("1,000"). */
type NumberLike = number | string | null | undefined;

export interface BreakEvenInput {
  training_cost: NumberLike;
  base_cost?: NumberLike;
  base_prompt_tokens?: NumberLike;
  base_output_tokens?: NumberLike;
  base_input_price?: NumberLike;
  base_output_price?: NumberLike;
  tuned_cost?: NumberLike;
  tuned_prompt_tokens?: NumberLike;
  tuned_output_tokens?: NumberLike;
  tuned_input_price?: NumberLike;
  tuned_output_price?: NumberLike;
  /** Total expected requests over the horizon. */
  volume?: NumberLike;
  /** Or: requests per month, over horizon_months (default 12). */
  monthly_volume?: NumberLike;
  horizon_months?: NumberLike;
  tuned_monthly_cost?: NumberLike;
}

export interface BreakEvenResult {
  break_even_requests: number | null;
  ratio: number | null;
  verdict: 'prompt' | 'depends' | 'fine-tune' | 'never';
  explanation: string;
  notes: string[];
  training_cost: number;
  base_cost_per_request: number;
  tuned_cost_per_request: number;
  saving_per_request: number;
  tuned_monthly_cost: number;
  volume: number | null;
  monthly_volume: number | null;
  horizon_months: number | null;
  months_to_break_even: number | null;
  net_savings: number | null;
  series: { requests: number; months: number | null; base_cost: number; tuned_cost: number }[];
}

/** Prices per 1M tokens; null: the model does not offer it. */
export interface ModelPrices {
  input: number | null;
  cache_read: number | null;
  cache_write_5m: number | null;
  cache_write_1h: number | null;
  output: number | null;
  reasoning: number | null;
}

/** One model of the catalog, with the prices in force at the listing's date. */
export interface CatalogModel {
  id: string;
  provider: string;
  name: string;
  kind: 'chat' | 'reasoning' | 'embedding' | 'audio' | 'image' | 'fine-tuned' | 'moderation';
  /** Other names that resolve to this entry (dated snapshots, -latest …). */
  aliases: string[];
  context_window: number | null;
  max_output_tokens: number | null;
  embedding_dimensions: number | null;
  /** Encoding id for the token counter, or null when none is local. */
  tokenizer: string | null;
  deprecated: boolean;
  shutdown_date: string | null;
  /** Base prices (below any long-context tier). */
  prices: ModelPrices;
  /** "standard", "from 2025-06-10" or "00:30-16:30 UTC". */
  price_period: string;
  long_context_tiers: boolean;
  price_changes: boolean;
  /** Provider's batch multiplier, null when batch is not offered. */
  batch_multiplier: number | null;
  /** Hand-kept fine-tuning prices with their source, or null. */
  fine_tuning: Record<string, unknown> | null;
  source: string;
  as_of: string;
}

export interface CatalogInfo {
  /** Age of the package prices (YYYY-MM-DD). */
  asOf: string;
  /** When catalog.json was generated. */
  generated: string;
  sources: { name: string; version?: string; license: string; url?: string; as_of: string; covers: string }[];
  providers: { id: string; name: string; source: string; as_of: string; batch_multiplier: number | null }[];
  models: CatalogModel[];
}

export interface PriceInput {
  /** Id, alias or "provider:id", any case; dated snapshots resolve too. */
  model: string;
  /** All input tokens: cached and cache writes are part of this count. */
  input: NumberLike;
  /** All output tokens: reasoning is part of this count. */
  output: NumberLike;
  cached?: NumberLike;
  cache_write_5m?: NumberLike;
  cache_write_1h?: NumberLike;
  reasoning?: NumberLike;
  batch?: boolean;
  /** YYYY-MM-DD or an ISO time; default now. Selects the price in force. */
  date?: string;
}

export interface PriceLine {
  kind: 'input' | 'cache_read' | 'cache_write_5m' | 'cache_write_1h' | 'output' | 'reasoning';
  tokens: number;
  /** After the batch multiplier and any long-context tier. */
  price_per_million: number;
  cost_usd: number;
}

export interface PriceResult {
  cost_usd: number;
  lines: PriceLine[];
  model: { id: string; provider: string; name: string; resolved_from: string };
  as_of: string;
  source: string;
  price_period: string;
  date: string;
  batch: boolean;
  batch_multiplier: number;
  long_context: boolean;
}

export interface Llmcalc {
  breakEven(input: BreakEvenInput): BreakEvenResult;
  /** Fetches the model and price catalog once (a separate data file). */
  loadCatalog(): Promise<CatalogInfo>;
  /** The full catalog entry (all dated price sets); throws LlmcalcError (field 'model') naming the closest ids. */
  findModel(id: string): Record<string, unknown> & { id: string; provider: string; aliases: string[] };
  /** The catalog listing, optionally for one provider or at a date. */
  listModels(input?: { provider?: string; date?: string }): Omit<CatalogInfo, 'asOf'> & { as_of: string };
  /** Cost of one request's usage, itemized; needs loadCatalog() first. */
  price(input: PriceInput): PriceResult;
  /** Numbers for people, by the same rule as the CLI (src/util/format.h). */
  format: {
    count(n: number): string;
    usd(n: number): string;
    number(n: number, maxDecimals?: number): string;
    ratio(n: number): string;
    percent(fraction: number, decimals?: number): string;
  };
}

/** Loads the wasm core once and resolves to the shared API object. */
export function loadLlmcalc(): Promise<Llmcalc>;
