// JSON formatter and fine-tuning dataset checker over the wasm adapters in
// wasm/json_tools_bindings.cpp. Text goes in as UTF-8 bytes (strings are
// encoded with TextEncoder, so lone surrogates become U+FFFD rather than
// invalid UTF-8); the formatter's output comes back as bytes and is decoded
// here, which is faster than a JSON-escaped string for large files.
import { LlmcalcError, need } from './api.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

function unwrap(text) {
  const reply = JSON.parse(text);
  if (reply && typeof reply === 'object' && 'error' in reply && !Array.isArray(reply)) {
    throw new LlmcalcError(reply.error.message, reply.error.field || '');
  }
  return reply;
}

const FEED_PIECE = 8 << 20;

const bytesOf = (input) => (typeof input === 'string' ? encoder.encode(input) : input);

// camelCase JS options -> the core's snake_case keys; undefined keys drop out.
function datasetOptions(o = {}) {
  return JSON.stringify({
    epochs: o.epochs,
    token_limit: o.tokenLimit,
    training_price_per_million: o.trainingPricePerMillion,
    max_line_bytes: o.maxLineBytes,
    max_errors: o.maxErrors,
    histogram_bins: o.histogramBins,
  });
}

// Token counting for the analyzer: `encoding` is an Encoding from
// loadEncoding() (which loads its vocabulary) or its name, once loaded.
function countWith(handle, { encoding, model = '' }) {
  const name = typeof encoding === 'string' ? encoding : encoding?.name;
  if (typeof name !== 'string') return JSON.stringify({ error: { field: 'encoding', message: 'The encoding must be an Encoding from loadEncoding() or its name.' } });
  return handle.countWith(name, String(model));
}

export function createJsonToolsApi(module) {
  return {
    /** Formats or validates JSON / JSONL; see index.d.ts. */
    formatJson(text, { indent, minify, sortKeys, jsonl } = {}) {
      const options = JSON.stringify({ indent, minify, sort_keys: sortKeys, jsonl });
      const bytes = bytesOf(text);
      need(module.formatInput(bytes.length), 'text').set(bytes);
      const reply = module.formatJson(bytes.length, options);
      const report = unwrap(reply.report);
      return { output: decoder.decode(reply.output), ...report };
    },

    /** A streaming dataset check: feed(Uint8Array) chunks, then finish(). */
    createDatasetAnalyzer(options = {}) {
      const handle = new module.DatasetAnalyzer(datasetOptions(options));
      const error = handle.error() || (options.encoding ? countWith(handle, options) : '');
      if (error) {
        handle.delete();
        unwrap(error);
      }
      let open = true;
      const live = () => {
        if (!open) throw new LlmcalcError('The dataset analyzer is already finished or cancelled.');
      };
      const close = () => {
        open = false;
        handle.delete();
      };
      return {
        feed(chunk) {
          live();
          const bytes = bytesOf(chunk);
          // In pieces, so a huge chunk never needs a huge buffer in wasm memory.
          for (let at = 0; at < bytes.length; at += FEED_PIECE) {
            const piece = bytes.subarray(at, at + FEED_PIECE);
            need(handle.chunkView(piece.length), 'file').set(piece);
            const error = handle.feed(piece.length);
            if (error) unwrap(error);
          }
        },
        finish() {
          live();
          try {
            return unwrap(handle.finish());
          } finally {
            close();
          }
        },
        /** Frees the analyzer; a result is not produced. */
        cancel() {
          if (open) close();
        },
        get bytesFed() {
          return open ? handle.bytesFed() : 0;
        },
        get linesRead() {
          return open ? handle.linesRead() : 0;
        },
      };
    },
  };
}
