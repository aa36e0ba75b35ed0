// One formatting rule for the CLI and the pages (src/util/format.h), over
// the bindings both modules carry (wasm/format_bindings.cpp), so a page
// that loads only the tokenizer module shows numbers the same way.
export function createFormatApi(module) {
  return {
    count: (n) => module.formatCount(n),
    usd: (n) => module.formatUsd(n),
    number: (n, maxDecimals = 2) => module.formatNumber(n, maxDecimals),
    ratio: (n) => module.formatRatio(n),
    percent: (fraction, decimals = 1) => module.formatPercent(fraction, decimals),
    bytes: (n) => module.formatBytes(n),
  };
}
