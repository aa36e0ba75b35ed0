// Tokenizer API over the wasm adapters in wasm/tokenizer_bindings.cpp.
// Text goes in as UTF-8 written straight into wasm memory
// (TextEncoder.encodeInto), ids come out as one Uint32Array copy: no
// per-token objects, and count() builds no array at all.
import { LlmcalcError, callJson, need, toCoreJson } from './api.js';
import { createFormatApi } from './format.js';

const encoder = new TextEncoder();
// Invalid sequences become U+FFFD, like tiktoken's errors="replace"; a
// leading U+FEFF is text, not a byte-order mark to drop, or decode(encode(x))
// would lose it.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

const ALLOW_ALL = 1;
const OTHERS_AS_TEXT = 2;

function fail(json) {
  const reply = JSON.parse(json);
  throw new LlmcalcError(reply.error.message, reply.error.field || '');
}

/** tiktoken's options: allowedSpecial 'all' | names; disallowedSpecial 'all' | [] (= ordinary text). */
function policy(opts) {
  let flags = 0;
  let allowed = '';
  if (opts?.allowedSpecial === 'all') flags |= ALLOW_ALL;
  else if (opts?.allowedSpecial) allowed = [...opts.allowedSpecial].join('\n');
  const dis = opts?.disallowedSpecial;
  if (dis !== undefined && dis !== 'all') {
    if (!Array.isArray(dis) && !(dis instanceof Set)) {
      throw new LlmcalcError("disallowedSpecial must be 'all' or an empty list.", 'disallowedSpecial');
    }
    if ([...dis].length > 0) {
      throw new LlmcalcError(
        "disallowedSpecial supports 'all' (the default: special-token text is an error) or [] (it is ordinary text).",
        'disallowedSpecial',
      );
    }
    flags |= OTHERS_AS_TEXT;
  }
  return [flags, allowed];
}

// Input views up to this size are kept between calls (the core frees only
// buffers over 16 MiB, wasm/input_buffer.h), so that a short text costs no
// call to size the buffer.
const KEEP_VIEW = 1 << 20;
const NO_OPTIONS = [0, ''];

class Encoding {
  #h;
  #view = null; // the input buffer's view while it stays valid
  #allowed = ''; // the allowed special tokens the handle holds
  #used = false;
  constructor(handle) {
    this.#h = handle;
    this.name = handle.name();
    this.vocabSize = handle.vocabSize();
    // Once idle, count a made-up text on a scratch copy, so that the first
    // real count runs optimized code, not V8's baseline code
    // (src/tokenizer/warm_up.h). Not when a call came first: it warms the
    // code itself. unref(): a Node program that is done does not wait.
    // The result is ignored: the warm-up is only for speed, and anything
    // wrong would show in a real call.
    const timer = setTimeout(() => {
      if (!this.#used) handle.warmUp();
    }, 0);
    timer?.unref?.();
  }

  // Sizes the core's input buffer; a view of it may be kept until the next
  // resize, which may move it. Memory growth detaches it (length 0).
  #inputView(n) {
    const view = need(this.#h.inputView(n), 'text');
    this.#view = view.length <= KEEP_VIEW ? view : null;
    return view;
  }

  /**
   * Writes `text` as UTF-8 into wasm memory; returns its byte length. Room
   * for one byte per UTF-16 unit first (exact for ASCII), then at most 3 for
   * each unit not yet written, so 100 MB of English takes 100 MB here, not
   * the 300 MB of sizing for the worst case up front.
   */
  #put(text) {
    if (typeof text !== 'string') throw new LlmcalcError('The text must be a string.', 'text');
    let view = this.#view;
    if (!view || view.length === 0 || view.length < text.length) view = this.#inputView(Math.max(text.length, 256));
    let { read, written } = encoder.encodeInto(text, view);
    if (read < text.length) {
      // inputView() keeps what is written when it grows the buffer.
      view = this.#inputView(written + (text.length - read) * 3);
      written += encoder.encodeInto(text.slice(read), view.subarray(written)).written;
    }
    return written;
  }

  #run(method, text, opts) {
    this.#used = true;
    const len = this.#put(text);
    const [flags, allowed] = opts ? policy(opts) : NO_OPTIONS;
    if (allowed !== this.#allowed) {
      this.#h.allowSpecial(allowed);
      this.#allowed = allowed;
    }
    const n = this.#h[method](len, flags);
    if (n < 0) fail(this.#h.error());
    return n;
  }

  count(text, opts) {
    return this.#run('count', text, opts);
  }

  /** A copy of the result, after which a huge one is freed in wasm memory. */
  #take(view) {
    const copy = view.slice();
    this.#h.release();
    return copy;
  }

  encode(text, opts) {
    this.#run('encode', text, opts);
    return this.#take(this.#h.resultView());
  }

  spans(text, opts) {
    const n = this.#run('spans', text, opts);
    const all = this.#take(this.#h.resultView());
    const col = (k) => all.subarray(k * n, (k + 1) * n);
    return { ids: col(0), byteStart: col(1), byteEnd: col(2), utf16Start: col(3), utf16End: col(4) };
  }

  decodeBytes(ids) {
    const n = ids.length;
    need(this.#h.idsInput(n), 'ids').set(ids);
    if (this.#h.decode(n) < 0) fail(this.#h.error());
    return this.#take(this.#h.bytesView());
  }

  decode(ids) {
    return decoder.decode(this.decodeBytes(ids));
  }

  /** Chat request through this encoding: {messages, tools?}, optional model for its constants. */
  countChat(request, model = '') {
    const reply = JSON.parse(this.#h.countChat(model, toCoreJson(request)));
    if (reply && reply.error) throw new LlmcalcError(reply.error.message, reply.error.field || '');
    return reply;
  }
}

export function createTokenizerApi(module, loadAsset) {
  const all = JSON.parse(module.encodingsList());
  // OpenAI's encodings; the other families (Llama 3, Qwen, DeepSeek,
  // Mistral, Gemma, legacy Claude) load the same way but are listed apart,
  // so that a page counting with every encoding does not fetch their
  // multi-megabyte vocabularies.
  const encodings = all.filter((e) => e.family === 'OpenAI');
  const otherEncodings = all.filter((e) => e.family !== 'OpenAI');
  const loading = new Map();

  function encodingForModel(model) {
    const reply = JSON.parse(module.encodingForModel(toCoreJson({ model: String(model ?? '') })));
    if (reply.error) throw new LlmcalcError(reply.error.message, 'model');
    return reply.encoding;
  }

  /** Loads an encoding once; its vocabulary file is fetched once per page. */
  function loadEncoding(name) {
    if (!loading.has(name)) {
      const info = all.find((e) => e.name === name);
      if (!info) {
        const known = all.map((e) => e.name).join(', ');
        return Promise.reject(new LlmcalcError(`Unknown encoding '${name}'. Known encodings: ${known}.`, 'encoding'));
      }
      const promise = (async () => {
        if (!module.hasVocabulary(info.vocabulary)) {
          const file = await loadAsset(`vocab/${info.vocabulary}.bin`);
          // One bulk copy into wasm memory, or in Node a read straight into
          // it (js/node_assets.js); the core reads that buffer in place.
          const into = need(module.vocabInput(file.readInto ? file.size : file.length), 'encoding');
          if (file.readInto) file.readInto(into);
          else into.set(file);
        }
        const handle = module.loadEncodingHandle(name);
        if (!handle.ok()) fail(handle.error());
        return new Encoding(handle);
      })();
      promise.catch(() => loading.delete(name)); // allow a retry after a failed fetch
      loading.set(name, promise);
    }
    return loading.get(name);
  }

  /** {model | encoding, messages, tools?} → {tokens, estimate, ...}; loads the vocabulary if needed. */
  async function countChat(request) {
    const { model, encoding, ...rest } = request ?? {};
    const name = encoding ?? (model ? encodingForModel(model) : 'o200k_base');
    const enc = await loadEncoding(name);
    return enc.countChat(rest, model ?? '');
  }

  /**
   * Token-exact chunks of `text` (src/chunking/chunking.h): windows of `size`
   * tokens stepping by size - overlap. Returns the core's JSON (chunks = the
   * count, tokens, ranges with token start/end and UTF-8 byte_start/byte_end)
   * plus `texts` unless {texts: false}. Tokenizer options (allowedSpecial …)
   * apply as in encode(). The core keeps chunk edges only, never a span per
   * token, so memory follows the text and the chunk count.
   */
  async function chunkText(encodingName, text, options = {}) {
    const { size, overlap = 0, texts = true, ...tokenizerOptions } = options ?? {};
    const enc = await loadEncoding(encodingName);
    if (typeof text !== 'string') throw new LlmcalcError('The text must be a string.', 'text');
    const [flags, allowed] = policy(tokenizerOptions);
    const bytes = encoder.encode(text); // kept here: each chunk's text is decoded from it once
    need(module.chunkTextInput(bytes.length), 'text').set(bytes);
    const settings = JSON.stringify({ size, overlap, encoding: enc.name });
    const reply = JSON.parse(module.chunkText(settings, bytes.length, flags, allowed));
    if (reply.error) throw new LlmcalcError(reply.error.message, reply.error.field || '');
    if (texts) reply.texts = reply.ranges.map((r) => decoder.decode(bytes.subarray(r.byte_start, r.byte_end)));
    return reply;
  }

  /** The arithmetic alone: {document_tokens, size, overlap} → {chunks, embedded_tokens, overlap_overhead, …}. */
  function chunkPlan(input) {
    return callJson(module.chunkPlan, input);
  }

  return { encodings, otherEncodings, loadEncoding, encodingForModel, countChat, chunkText, chunkPlan };
}

/**
 * The "llmcalc/tokenizer" API on the tokenizer-only module: counting, and
 * the number format so a page can show a count before the full core loads.
 */
export function createTokenizerOnlyApi(module, loadAsset) {
  const { encodings, otherEncodings, loadEncoding, encodingForModel, countChat } = createTokenizerApi(module, loadAsset);
  return { encodings, otherEncodings, loadEncoding, encodingForModel, countChat, format: createFormatApi(module) };
}
