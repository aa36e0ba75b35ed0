// Every tool of the site, in the order the navigation shows them. The home
// page and the header are generated from this list at build time, so a
// tool appears everywhere once it is added here.
export const tools = [
  {
    path: 'decide/',
    name: 'Prompt or fine-tune?',
    summary: 'Five questions – is the task settled, how many examples, what should improve, is there an eval set, does the volume pay – and a recommendation.',
    readySelector: '[data-decision-results]:not([hidden])',
  },
  {
    path: 'token-counter/',
    name: 'Token counter',
    summary: 'Exact token counts for every OpenAI encoding, and for Gemini (Gemma 3), Llama 3, Qwen, DeepSeek, Mistral and legacy Claude; each token shown, chat requests counted and priced.',
    readySelector: '[data-results]:not([hidden])',
  },
  {
    path: 'price/',
    name: 'Price calculator',
    summary: 'What a request costs on each model: tokens in and out, cached input and batch, per day and per month, with dated sources.',
    readySelector: '[data-price-results]:not([hidden])',
  },
  {
    path: 'break-even/',
    name: 'Break-even',
    summary: 'When does fine-tuning pay for itself? Training cost against per-request savings, with a verdict.',
  },
  {
    path: 'fine-tuning/',
    name: 'Fine-tuning cost',
    summary: 'Training at OpenAI, Vertex AI and Together AI or on rented GPUs (full, LoRA, QLoRA), the tuned price sheet beside the base, carried into break-even.',
    readySelector: '[data-tuning-results]:not([hidden])',
  },
  {
    path: 'budget/',
    name: 'Prompt token budget',
    summary: 'Will it fit? Each part of a prompt against every model\'s context window: share used, tokens left, what to cut, cost per request.',
    readySelector: '[data-budget-results]:not([hidden])',
  },
  {
    path: 'context-window/',
    name: 'Context window',
    summary: 'What fills the window? The parts of a request stacked inside each model\'s context window, 4K to 2M tokens, linear or log.',
    readySelector: '[data-window-results]:not([hidden])',
  },
  {
    path: 'embedding/',
    name: 'Embedding cost',
    summary: 'What embedding a corpus costs once, a month and in the first year, with re-embedding and queries, and how much its vectors take to store.',
    readySelector: '[data-embedding-results]:not([hidden])',
  },
  {
    path: 'chunking/',
    name: 'RAG chunking',
    summary: 'Token-exact chunks: count by the exact formula, overlap overhead, embedding cost and storage, chunks per request, your document cut and exported.',
    readySelector: '[data-chunk-results]:not([hidden])',
  },
  {
    path: 'json/',
    name: 'JSON formatter',
    summary: 'Format, minify, sort keys or validate JSON and JSONL files of many megabytes, with the line and column of every error.',
    readySelector: '[data-json-results]:not([hidden])',
  },
];
