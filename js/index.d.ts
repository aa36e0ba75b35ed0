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

export interface Llmcalc {
  breakEven(input: BreakEvenInput): BreakEvenResult;
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
