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
  /** False when that multiplier is from a secondary source, still to be checked; null without batch. */
  batch_confirmed: boolean | null;
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
  providers: { id: string; name: string; source: string; as_of: string; batch_multiplier: number | null; batch_confirmed: boolean | null; batch_source: string | null }[];
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
  /** With batch: the page the multiplier comes from, and false when it is unconfirmed; else null. */
  batch_source: string | null;
  batch_confirmed: boolean | null;
  long_context: boolean;
}

export type EmbeddingPrecision = 'float32' | 'float16' | 'int8' | 'binary';

/**
 * The corpus is either `corpus_tokens` or `documents` × `average_tokens`
 * (not both). Numbers may be typed text ("1,000").
 */
export interface EmbeddingInput {
  /** An embedding model: id, alias or "provider:id". Other kinds throw (field 'model'). */
  model: string;
  /** The corpus as a token count (e.g. counted from text). */
  corpus_tokens?: NumberLike;
  /** Documents in the corpus; the default number of vectors. */
  documents?: NumberLike;
  /** Average tokens per document (≥ 1); the product is rounded to whole tokens. */
  average_tokens?: NumberLike;
  /** Vectors stored (chunks, when chunked); default documents; required with corpus_tokens alone. */
  vectors?: NumberLike;
  /** Full re-embeddings of the corpus a month; 1/3 = quarterly; default 0. */
  reembeds_per_month?: NumberLike;
  queries_per_month?: NumberLike;
  /** Average tokens per query; required when queries_per_month > 0. */
  query_tokens?: NumberLike;
  /** Vector length, 1 to 65,536; default the model's own (required when the catalog has none). */
  dimensions?: NumberLike;
  /** Default 'float32'. */
  precision?: EmbeddingPrecision;
  /** The provider's batch price for the corpus and re-embeddings (queries stay standard). */
  batch?: boolean;
  /** YYYY-MM-DD or an ISO time; default now. Selects the price in force. */
  date?: string;
  /** The encoding the corpus was counted with; decides tokens_exact. */
  counted_with?: EncodingName;
}

/** Costs in USD; storage in bytes (raw vectors, no index overhead). */
export interface EmbeddingResult {
  model: { id: string; provider: string; name: string; resolved_from: string };
  /** Corpus and re-embeddings, after the batch multiplier. */
  price_per_million: number;
  /** Queries: the standard price. */
  query_price_per_million: number;
  batch: boolean;
  batch_multiplier: number;
  price_period: string;
  date: string;
  source: string;
  as_of: string;
  long_context: boolean;
  corpus_tokens: number;
  documents: number | null;
  average_tokens: number | null;
  vectors: number;
  tokens_per_vector: number;
  counted_with: EncodingName | null;
  /** null: the corpus was given as numbers; false: counted with another tokenizer than the model's (an estimate). */
  tokens_exact: boolean | null;
  one_time_cost: number;
  reembeds_per_month: number;
  monthly_reembed_tokens: number;
  monthly_reembed_cost: number;
  queries_per_month: number;
  query_tokens: number;
  monthly_query_tokens: number;
  monthly_query_cost: number;
  monthly_cost: number;
  /** one_time_cost + 12 × monthly_cost */
  first_year_cost: number;
  dimensions: number;
  /** The catalog's embedding_dimensions, null when it has none. */
  native_dimensions: number | null;
  precision: EmbeddingPrecision;
  bytes_per_vector: number;
  storage_bytes: number;
  /** Plain sentences: estimates, other dimensions, input limits, what storage leaves out. */
  notes: string[];
}

/** Options of formatJson. Without indent or minify: 2-space pretty print. */
export interface FormatJsonOptions {
  /** 0-8 spaces per level (0 breaks lines without indenting) or 'tab'. */
  indent?: number | 'tab';
  /** No whitespace at all (the default in jsonl mode without indent). */
  minify?: boolean;
  /** Order object keys by code point, recursively (stable for duplicates). */
  sortKeys?: boolean;
  /** One JSON value per line, each checked on its own; blank lines allowed. */
  jsonl?: boolean;
}

/** Lines are 1-based; columns are 1-based UTF-16 code units (String indices + 1). */
export interface JsonPositionError {
  line: number;
  column: number;
  /** Byte offset in the UTF-8 input (after a BOM). */
  offset: number;
  message: string;
}

export interface FormatJsonResult {
  /** The formatted text; '' when a (non-jsonl) document is invalid. In jsonl
   * mode invalid lines are copied unchanged and blank lines dropped. */
  output: string;
  valid: boolean;
  /** The first 1,000 errors; error_count counts all. */
  errors: JsonPositionError[];
  error_count: number;
  /** A UTF-8 byte order mark was removed. */
  bom: boolean;
  crlf: boolean;
  /** jsonl mode: non-blank lines, valid ones, blank lines. */
  records: number;
  valid_records: number;
  blank_lines: number;
}

export interface DatasetAnalyzerOptions {
  /** Epochs to bill; default OpenAI's rule from the number of valid examples. */
  epochs?: number;
  /** Tokens per example that are trained on (default 16,385). */
  tokenLimit?: number;
  /** USD per 1M training tokens; with a token counter gives training_cost_usd. */
  trainingPricePerMillion?: number;
  /** Longer lines are reported as line_too_long (default 16 MiB). */
  maxLineBytes?: number;
  /** Errors kept in the result (default 1,000); error_counts counts all. */
  maxErrors?: number;
  histogramBins?: number;
  /** Counts each valid example's tokens (chat overhead included) with this encoding: an Encoding from loadEncoding(), or its name once loaded. Without it, tokens is null. */
  encoding?: Encoding | string;
  /** The model being tuned, for the chat-counting constants (gpt-3.5-turbo-0301 differs). */
  model?: string;
}

export type DatasetErrorType =
  | 'data_type' | 'missing_messages_list' | 'message_missing_key' | 'message_unrecognized_key'
  | 'unrecognized_role' | 'missing_content' | 'example_missing_assistant_message'
  | 'json_syntax' | 'invalid_utf8' | 'nested_too_deep' | 'line_too_long'
  | 'empty_file' | 'binary_file' | 'not_jsonl';

export interface DatasetResult {
  ok: boolean;
  /** Non-blank lines. */
  examples: number;
  valid_examples: number;
  lines: number;
  blank_lines: number;
  bytes: number;
  bom: boolean;
  crlf: boolean;
  cancelled: boolean;
  errors: { line: number; column: number; type: DatasetErrorType; message: string }[];
  error_count: number;
  error_counts: Partial<Record<DatasetErrorType, number>>;
  errors_truncated: boolean;
  /** uncounted_example: the token counter failed on it; it is left out of the token numbers. */
  warnings: { type: 'missing_system_message' | 'missing_user_message' | 'uncounted_example'; count: number; lines: number[] }[];
  epochs: number | null;
  epochs_source: 'default' | 'given';
  token_limit: number;
  /** null without a token counter (options.encoding). */
  tokens: {
    examples: number; min: number | null; max: number | null; mean: number | null;
    median: number | null; p10: number | null; p90: number | null; total: number;
    /** Tokens trained on in one epoch: each example capped at token_limit. */
    trained_per_epoch: number;
    over_limit: number; histogram: { from: number; to: number; count: number }[];
  } | null;
  billed_tokens: number | null;
  training_price_per_million: number | null;
  training_cost_usd: number | null;
}

export interface DatasetAnalyzer {
  /** Feed the file in chunks of any size (1-4 MB is a good size). */
  feed(chunk: Uint8Array | string): void;
  /** Ends the analysis and frees it; call once. */
  finish(): DatasetResult;
  /** Frees the analyzer without a result. */
  cancel(): void;
  /** Progress: bytes and lines seen so far. */
  readonly bytesFed: number;
  readonly linesRead: number;
}

export interface Llmcalc {
  breakEven(input: BreakEvenInput): BreakEvenResult;
  /** Formats or validates JSON (or JSONL); numbers keep their exact text. */
  formatJson(text: string | Uint8Array, options?: FormatJsonOptions): FormatJsonResult;
  /** A streaming check of a chat fine-tuning file (JSONL). */
  createDatasetAnalyzer(options?: DatasetAnalyzerOptions): DatasetAnalyzer;
  /** Fetches the model and price catalog once (a separate data file). */
  loadCatalog(): Promise<CatalogInfo>;
  /** The full catalog entry (all dated price sets); throws LlmcalcError (field 'model') naming the closest ids. */
  findModel(id: string): Record<string, unknown> & {
    id: string;
    provider: string;
    aliases: string[];
    /** The encoding llmcalc counts this model's text with; exact only for OpenAI encodings. */
    counting: { encoding: EncodingName; exact: boolean; note: string };
    /** The provider's batch multiplier and whether it is confirmed; null without batch. */
    batch_multiplier: number | null;
    batch_confirmed: boolean | null;
  };
  /** The catalog listing, optionally for one provider or at a date. */
  listModels(input?: { provider?: string; date?: string }): Omit<CatalogInfo, 'asOf'> & { as_of: string };
  /** Cost of one request's usage, itemized; needs loadCatalog() first. */
  price(input: PriceInput): PriceResult;
  /** One-time, monthly and first-year cost of embedding a corpus, and its vector storage; needs loadCatalog() first. */
  embeddingCost(input: EmbeddingInput): EmbeddingResult;
  /** Numbers for people, by the same rule as the CLI (src/util/format.h). */
  format: {
    count(n: number): string;
    usd(n: number): string;
    number(n: number, maxDecimals?: number): string;
    ratio(n: number): string;
    percent(fraction: number, decimals?: number): string;
    /** Decimal units: "512 bytes", "6.14 KB", "61.4 MB". */
    bytes(n: number): string;
  };
}

/** Loads the wasm core once and resolves to the shared API object. */
export function loadLlmcalc(): Promise<Llmcalc>;

// --- Tokenizer (src/tokenizer/, js/tokenizer.js) -------------------------
//   const enc = await llm.loadEncoding('o200k_base');
//   enc.count('Hello world'); // 2 – exactly as OpenAI's tiktoken

export type EncodingName =
  | 'r50k_base' | 'p50k_base' | 'p50k_edit' | 'cl100k_base' | 'o200k_base' | 'o200k_harmony'
  // Exact non-OpenAI tokenizers (issue #4); their added tokens marked special
  // follow the same policy, the others always encode as their id.
  | 'llama3' | 'qwen2_5' | 'qwen3' | 'deepseek_v3' | 'mistral_nemo' | 'gemma3' | 'claude_legacy';

/**
 * tiktoken's special-token policy. By default special-token text in the input
 * ("<|endoftext|>") throws LlmcalcError (field 'text') naming the token.
 */
export interface SpecialTokenOptions {
  /** Encode these (or 'all') as their special ids. */
  allowedSpecial?: 'all' | string[] | Set<string>;
  /** 'all' (default): other special-token text is an error; []: it is ordinary text. */
  disallowedSpecial?: 'all' | [] | Set<never>;
}

/** Token ids with their byte range in the UTF-8 input and UTF-16 range in the string. */
export interface TokenSpans {
  ids: Uint32Array;
  byteStart: Uint32Array;
  byteEnd: Uint32Array;
  /** A character split between tokens belongs to the token with its first byte; the others get an empty range. */
  utf16Start: Uint32Array;
  utf16End: Uint32Array;
}

export interface Encoding {
  readonly name: EncodingName;
  /** tiktoken's n_vocab: highest token id + 1. */
  readonly vocabSize: number;
  /** Number of tokens; builds no array. */
  count(text: string, options?: SpecialTokenOptions): number;
  encode(text: string, options?: SpecialTokenOptions): Uint32Array;
  /** Text of the tokens; bytes that are not valid UTF-8 become U+FFFD. */
  decode(ids: ArrayLike<number>): string;
  decodeBytes(ids: ArrayLike<number>): Uint8Array;
  spans(text: string, options?: SpecialTokenOptions): TokenSpans;
}

export interface ChatMessage {
  role: string;
  content: string | null | Array<{ type: string; text?: string; [key: string]: unknown }>;
  name?: string;
  [key: string]: unknown;
}

export interface ChatTool {
  type?: 'function';
  function?: { name: string; description?: string; parameters?: Record<string, unknown> };
  [key: string]: unknown;
}

export interface CountChatInput {
  /** Either a model (its encoding and constants) or an encoding; default o200k_base. */
  model?: string;
  encoding?: EncodingName;
  messages: ChatMessage[];
  tools?: ChatTool[];
}

/** OpenAI cookbook method; OpenAI calls it an estimate, so `estimate` is true. */
export interface CountChatResult {
  tokens: number;
  estimate: true;
  encoding: EncodingName;
  model: string | null;
  messages_tokens: number;
  tools_tokens: number;
  /** Tokens of each message, framing included. */
  messages: number[];
  /** What could not be counted locally (images, files, nested tool parameters). */
  notes: string[];
}

export interface Llmcalc {
  /** The OpenAI encodings this build knows, with their vocabulary sizes. */
  readonly encodings: { name: EncodingName; vocabulary: string; vocabSize: number; specialTokens: number; family: string }[];
  /**
   * The other exact tokenizers (issue #4): llama3, qwen2_5, qwen3, deepseek_v3,
   * mistral_nemo, gemma3, claude_legacy (Claude 2 / Instant only). loadEncoding()
   * takes them like the OpenAI ones; they are listed apart so that pages
   * counting with every encoding do not download their vocabularies (2-4 MB).
   */
  readonly otherEncodings: { name: EncodingName; vocabulary: string; vocabSize: number; specialTokens: number; family: string }[];
  /** Loads an encoding once (its vocabulary file is fetched once per page). */
  loadEncoding(name: EncodingName): Promise<Encoding>;
  /** 'gpt-4o-2024-08-06' → 'o200k_base'; unknown models throw (field 'model') naming the closest ids. */
  encodingForModel(model: string): EncodingName;
  /** Loads the encoding if needed, hence a Promise. */
  countChat(input: CountChatInput): Promise<CountChatResult>;
}

/** Token-exact RAG chunking (src/chunking/chunking.h). Sizes may be numbers or typed text. */
export interface ChunkPlanInput {
  document_tokens: NumberLike;
  /** Tokens per chunk, a whole number ≥ 1. */
  size: NumberLike;
  /** Tokens shared by neighbouring chunks, 0 (default) to size − 1. */
  overlap?: NumberLike;
}

/** Chunks = 1 if D ≤ S, else 1 + ceil((D − S) / (S − O)); 0 for an empty document. */
export interface ChunkPlanResult {
  chunks: number;
  document_tokens: number;
  size: number;
  overlap: number;
  /** Sum of the chunk lengths: D + (chunks − 1) · O. */
  embedded_tokens: number;
  /** embedded_tokens ÷ D − 1 (0 when D = 0). */
  overlap_overhead: number;
  /** Only with context_window: floor((window − reserved) ÷ size) whole chunks fit. */
  retrieval?: { context_window: number; reserved_tokens: number; budget_tokens: number; chunks_fit: number; unused_tokens: number };
}

export interface ChunkTextOptions extends SpecialTokenOptions {
  size: NumberLike;
  overlap?: NumberLike;
  /** Include each chunk's text (default true). */
  texts?: boolean;
}

/** One chunk: tokens [start, end) and UTF-8 bytes [byte_start, byte_end) of the text. */
export interface ChunkRange {
  index: number;
  start: number;
  end: number;
  byte_start: number;
  byte_end: number;
  /** A token edge fell inside a character; the byte edge moved to the next character boundary. */
  split_character: boolean;
}

export interface ChunkTextResult extends Omit<ChunkPlanResult, 'document_tokens'> {
  tokens: number;
  encoding: EncodingName;
  ranges: ChunkRange[];
  /** Whole-character substrings, one per range (absent with texts: false). */
  texts?: string[];
}

export interface Llmcalc {
  /** Encodes once (loading the encoding if needed) and cuts windows of `size` tokens stepping by size − overlap. */
  chunkText(encoding: EncodingName, text: string, options: ChunkTextOptions): Promise<ChunkTextResult>;
  /** The chunk-count arithmetic alone; throws LlmcalcError naming the field. */
  chunkPlan(input: ChunkPlanInput): ChunkPlanResult;
}

/** The sections of one request (src/budget/budget.h); missing ones are 0. */
export type BudgetSectionId = 'system' | 'tools' | 'examples' | 'history' | 'context' | 'user' | 'output';
export type BudgetSections = Partial<Record<BudgetSectionId, NumberLike>>;

export interface BudgetInput {
  /** Token counts shared by every model ("output" is the output reserve). */
  sections?: BudgetSections;
  /** Up to 12: catalog ids, ids with their own counts, or windows of one's own. */
  models: (string | { model: string; sections?: BudgetSections } | { name?: string; context_window: NumberLike; max_output_tokens?: NumberLike })[];
  /** Prices in force at this date; default now. */
  date?: string;
}

export interface BudgetModelResult {
  /** null for a window of one's own. */
  model: { id: string; provider: string; name: string } | null;
  name: string;
  context_window: number | null;
  max_output_tokens: number | null;
  /** How text is counted for this model; null for a window of one's own. */
  counting: { encoding: EncodingName; exact: boolean; note: string } | null;
  sections: { id: BudgetSectionId; label: string; tokens: number; share: number | null }[];
  input_tokens: number;
  output_reserve: number;
  total_tokens: number;
  /** total ÷ window (above 1 when over); null when the window is unknown. */
  share: number | null;
  tokens_left: number | null;
  fits: boolean | null;
  overflow_tokens: number;
  /** The section to cut when over: `enough` says whether removing it alone would do. */
  cut: { section: BudgetSectionId; label: string; tokens: number; enough: boolean } | null;
  output_over_limit: boolean;
  warnings: string[];
  /** Input sections at the input price, the reserve at the output price; null when not offered. */
  cost_usd: number | null;
  cost_note: string | null;
  price_source: string | null;
  as_of: string | null;
}

export interface BudgetResult {
  sections: { id: BudgetSectionId; label: string }[];
  models: BudgetModelResult[];
  date: string | null;
}

export interface Llmcalc {
  /** The prompt token budget per model; catalog ids need loadCatalog() first. */
  budget(input: BudgetInput): BudgetResult;
}

export interface TrainingInput {
  examples: NumberLike;
  /** Average tokens per example; or dataset_tokens (per epoch), not both. */
  tokens_per_example?: NumberLike;
  dataset_tokens?: NumberLike;
  /** Default: OpenAI's rule from the example count. */
  epochs?: NumberLike;
  /** Billions of parameters: Together AI's brackets and the self-hosted estimate. */
  params_billions?: NumberLike;
  /** LoRA's trainable share of the parameters, default 0.01. */
  trainable_fraction?: NumberLike;
  validation_tokens?: NumberLike;
  evaluations?: NumberLike;
  /** Hours of reinforcement fine-tuning, priced per hour. */
  rft_hours?: NumberLike;
  /** The price sheet's request size. */
  prompt_tokens?: NumberLike;
  output_tokens?: NumberLike;
  /** Default: an H100 SXM, 989 TFLOPS at 40 %, $2.50 an hour, 80 GB. */
  gpu?: { name?: string; tflops?: NumberLike; utilization?: NumberLike; hourly_usd?: NumberLike; memory_gb?: NumberLike };
  date?: string;
}

export interface TrainingPrices {
  input: number | null;
  cached: number | null;
  output: number | null;
}

export interface HostedTrainingQuote {
  provider: string;
  /** Catalog id; null for Together AI's size brackets. */
  model: string | null;
  label: string;
  method: 'supervised' | 'reinforcement' | 'lora' | 'full';
  price_per_million: number | null;
  price_per_hour: number | null;
  billed_tokens: number;
  /** null: priced per hour and no hours given — never $0. */
  cost_usd: number | null;
  base: TrainingPrices | null;
  tuned: TrainingPrices | null;
  per_request: { base: number | null; tuned: number | null } | null;
  new_jobs_until: string | null;
  /** False after the provider's last day for new jobs. */
  available: boolean;
  source: string;
  as_of: string;
  /** False: from secondary sources, to be confirmed. */
  confirmed: boolean;
}

export interface TrainingResult {
  dataset: { examples: number; tokens_per_epoch: number; epochs: number; default_epochs: boolean; training_tokens: number; validation_tokens: number; evaluations: number };
  hosted: HostedTrainingQuote[];
  self_hosted: {
    params_billions: number;
    trainable_fraction: number;
    gpu: { name: string; tflops: number; utilization: number; hourly_usd: number; memory_gb: number };
    methods: { method: 'full' | 'lora' | 'qlora'; flops: number; gpu_hours: number; cost_usd: number; memory_gb: number; gpus: number; formula: string }[];
  } | null;
  date: string;
  notes: string[];
}

export interface Llmcalc {
  /** Fine-tuning cost at hosted providers and on rented GPUs; needs loadCatalog() first. */
  trainingCost(input: TrainingInput): TrainingResult;
}

export interface DecisionInput {
  task_changing: boolean;
  good_examples: NumberLike;
  goal: 'style' | 'knowledge' | 'reasoning';
  has_eval_set: boolean;
  /** Expected requests over the horizon. */
  requests?: NumberLike;
  /** From the break-even calculator. */
  break_even_requests?: NumberLike;
}

export interface DecisionResult {
  recommendation: 'prompt' | 'few-shot' | 'rag' | 'stronger-model' | 'build-eval' | 'fine-tune' | 'depends' | 'need-volume';
  headline: string;
  /** requests ÷ break-even, when both are known. */
  ratio: number | null;
  /** The questions asked, in order, up to the one that settled it. */
  steps: { question: string; answer: string; outcome: string; reason: string }[];
}

export interface Llmcalc {
  /** "Prompt or fine-tune?": the rules of src/decision/decision.h. */
  decide(input: DecisionInput): DecisionResult;
}
