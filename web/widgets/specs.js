// The five embeddable widgets and their attributes, in one place: the
// widgets read their starting values from here, the tool pages' Embed
// dialog writes snippets from it, the iframe page (embed/) turns its query
// string into these attributes, and the README documents the same list (a
// browser test checks that it does). Each attribute is named after the
// tool page's form field (training_cost → training-cost), so a page's
// current settings map onto a snippet field by field.
//
// Kept out of the loader (llmcalc-widgets.js), which must stay small.

/** Attributes every widget takes. */
export const COMMON_ATTRIBUTES = [
  { name: 'compact', doc: 'Present (no value needed): fewer fields and results, for a narrow column.' },
  { name: 'theme', default: 'light', doc: '`light`, `dark`, or `auto` (follows the reader\'s system setting).' },
];

export const WIDGETS = [
  {
    tool: 'token-counter',
    tag: 'llmcalc-token-counter',
    title: 'Token counter',
    page: 'token-counter/',
    height: 470,
    attributes: [
      { name: 'model', default: 'gpt-4o', doc: 'An OpenAI model id, or `encoding:o200k_base` (any encoding) to count without a model.' },
      { name: 'text', default: 'Paste your prompt here. Tokens are the units models read and bill: about ¾ of an English word each.', doc: 'The text shown at first; readers can edit it.' },
    ],
  },
  {
    tool: 'price',
    tag: 'llmcalc-price',
    title: 'LLM price calculator',
    page: 'price/',
    height: 560,
    attributes: [
      { name: 'model', default: 'gpt-4o-mini', doc: 'Model id, alias or `provider:id` from the catalog (e.g. `claude-sonnet-4-5`, `openai:gpt-4.1`).' },
      { name: 'input', default: '3,000', doc: 'Input tokens per request (cached tokens are part of it).' },
      { name: 'output', default: '500', doc: 'Output tokens per request (reasoning included).' },
      { name: 'cached', default: '0', doc: 'Cached input, in the unit of `cached-unit`.' },
      { name: 'cached-unit', default: 'percent', doc: '`percent` (of input) or `tokens`.' },
      { name: 'requests', default: '1,000', doc: 'Requests, per `per`.' },
      { name: 'per', default: 'day', doc: '`day` or `month`.' },
      { name: 'batch', default: '0', doc: '`1`: the provider\'s batch price.' },
    ],
  },
  {
    tool: 'break-even',
    tag: 'llmcalc-break-even',
    title: 'Fine-tuning break-even',
    page: 'break-even/',
    height: 720,
    attributes: [
      { name: 'training-cost', default: '90', doc: 'One-time training cost in USD.' },
      { name: 'tuned-monthly-cost', default: '0', doc: 'Recurring USD a month of the tuned path (hosting, upkeep).' },
      { name: 'base-mode', default: 'tokens', doc: 'Prompt-only path as `tokens` (tokens and prices) or `cost` (per request).' },
      { name: 'base-prompt-tokens', default: '3000', doc: 'Prompt-only path: prompt tokens per request.' },
      { name: 'base-output-tokens', default: '300', doc: 'Prompt-only path: output tokens per request.' },
      { name: 'base-input-price', default: '0.15', doc: 'Prompt-only path: USD per 1M input tokens.' },
      { name: 'base-output-price', default: '0.60', doc: 'Prompt-only path: USD per 1M output tokens.' },
      { name: 'base-cost', default: '0.00063', doc: 'Prompt-only path: USD per request (with `base-mode="cost"`).' },
      { name: 'tuned-mode', default: 'tokens', doc: 'Fine-tuned path as `tokens` or `cost`.' },
      { name: 'tuned-prompt-tokens', default: '500', doc: 'Fine-tuned path: prompt tokens per request.' },
      { name: 'tuned-output-tokens', default: '300', doc: 'Fine-tuned path: output tokens per request.' },
      { name: 'tuned-input-price', default: '0.30', doc: 'Fine-tuned path: USD per 1M input tokens.' },
      { name: 'tuned-output-price', default: '1.20', doc: 'Fine-tuned path: USD per 1M output tokens.' },
      { name: 'tuned-cost', default: '0.00051', doc: 'Fine-tuned path: USD per request (with `tuned-mode="cost"`).' },
      { name: 'monthly-volume', default: '100,000', doc: 'Requests per month; empty for the break-even point alone.' },
      { name: 'horizon-months', default: '12', doc: 'How many months the tuned model serves.' },
    ],
  },
  {
    tool: 'context-window',
    tag: 'llmcalc-context-window',
    title: 'Context window',
    page: 'context-window/',
    height: 760,
    attributes: [
      { name: 'models', default: 'openai:gpt-4o,anthropic:claude-sonnet-4-5,google:gemini-2.5-flash', doc: 'Comma-separated `provider:id` entries and `window:N` windows of your own (up to 8).' },
      { name: 'system', default: '800', doc: 'System prompt tokens.' },
      { name: 'tools', default: '1,200', doc: 'Tool definition tokens.' },
      { name: 'examples', default: '2,000', doc: 'Few-shot example tokens.' },
      { name: 'history', default: '6,000', doc: 'Conversation history tokens.' },
      { name: 'context', default: '24,000', doc: 'Retrieved context tokens.' },
      { name: 'user', default: '300', doc: 'User message tokens.' },
      { name: 'output', default: '4,000', doc: 'Output reserve: room kept for the reply.' },
      { name: 'scale', default: 'share', doc: '`share` (each bar its own window), `linear` or `log`.' },
    ],
  },
  {
    tool: 'fine-tuning',
    tag: 'llmcalc-fine-tuning',
    title: 'Fine-tuning cost',
    page: 'fine-tuning/',
    height: 760,
    attributes: [
      { name: 'examples', default: '500', doc: 'Training examples.' },
      { name: 'tokens-per-example', default: '1,000', doc: 'Average tokens per example, chat overhead included.' },
      { name: 'epochs', default: '', doc: 'Epochs; empty for OpenAI\'s default rule.' },
      { name: 'prompt-tokens', default: '3,000', doc: 'Prompt tokens of one request, for the tuned price sheet.' },
      { name: 'output-tokens', default: '300', doc: 'Output tokens of one request.' },
      { name: 'params-billions', default: '8', doc: 'Open-weight model size in billions of parameters; empty to skip the GPU estimate.' },
      { name: 'gpu-preset', default: 'h100', doc: '`h100`, `a100`, `l40s` or `rtx4090`: fills the GPU\'s speed, price and memory.' },
      { name: 'gpu-hourly-usd', default: '', doc: 'USD per GPU-hour; empty for the preset\'s.' },
      { name: 'utilization', default: '0.4', doc: 'Share of peak throughput reached (0 to 1).' },
      { name: 'trainable-fraction', default: '0.01', doc: 'LoRA\'s trainable share of the parameters.' },
    ],
  },
];

export const widgetFor = (tool) => WIDGETS.find((w) => w.tool === tool);

/** The form field an attribute sets: its name with underscores. */
export const fieldName = (attribute) => attribute.replace(/-/g, '_');
