// Issue #10's bad-input matrix for the CLI (docs/bad-input.md): every
// number option of every command gets the same bad values, and every
// command that reads text gets the same bad files. Each case must give its
// documented exit code and a sentence on stderr, never a crash, a hang or
// "nan"/"inf" in what is printed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { CLI, run, runJson } from './cli.mjs';

const dir = mkdtempSync(join(tmpdir(), 'llmcalc-bad-input-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const valid = new URL('../fixtures/dataset/valid.jsonl', import.meta.url).pathname;
const readme = new URL('../../README.md', import.meta.url).pathname;

// What each bad value must say (stderr's first line); zero is per option.
const EXPECTED = {
  '': /is empty/,
  '  ': /is empty/,
  '-5': /cannot be negative|at least|greater than 0|more than 0|between/,
  NaN: /"NaN" is not a number/,
  Infinity: /"Infinity" is not a number/,
  '1e308': /out of range|at most|between/,
  abc: /"abc" is not a number/,
};
const ZERO_OK = true;

// command: [valid argv, {option: zero's outcome}]; an option in the valid
// argv has its value replaced, any other is added.
const COMMANDS = [
  ['break-even', ['--training-cost', '1000', '--base-cost', '0.01', '--tuned-cost', '0.002', '--volume', '1e6'],
    { '--training-cost': ZERO_OK, '--base-cost': ZERO_OK, '--tuned-cost': ZERO_OK, '--volume': /greater than 0/, '--monthly-cost': ZERO_OK }],
  ['break-even', ['--training-cost', '90', '--base-cost', '0.01', '--tuned-cost', '0.002', '--monthly-volume', '1000'],
    { '--monthly-volume': /greater than 0/, '--months': /greater than 0/ }],
  ['break-even', ['--training-cost', '90', '--base-prompt-tokens', '3000', '--base-output-tokens', '300', '--base-input-price', '0.15',
    '--base-output-price', '0.6', '--tuned-prompt-tokens', '500', '--tuned-output-tokens', '300', '--tuned-input-price', '0.3', '--tuned-output-price', '1.2'],
  Object.fromEntries(['base', 'tuned'].flatMap((p) => ['prompt-tokens', 'output-tokens', 'input-price', 'output-price'].map((k) => [`--${p}-${k}`, ZERO_OK])))],
  ['price', ['--model', 'gpt-4o', '--input', '1000', '--output', '100'],
    { '--input': ZERO_OK, '--output': ZERO_OK, '--cached': ZERO_OK, '--reasoning': ZERO_OK }],
  ['price', ['--model', 'claude-sonnet-4-5', '--input', '1000', '--output', '100'], { '--cache-write-5m': ZERO_OK, '--cache-write-1h': ZERO_OK }],
  ['dataset', [valid, '--model', 'gpt-4o-mini-2024-07-18'], { '--epochs': /at least 1/, '--token-limit': /at least 1/, '--training-price': ZERO_OK }],
  ['chunk', [readme, '--size', '512'], { '--size': /at least 1/, '--overlap': ZERO_OK }],
  ['embedding', ['--model', 'text-embedding-3-small', '--documents', '100', '--average-tokens', '500', '--queries-per-month', '10', '--query-tokens', '5'],
    { '--documents': ZERO_OK, '--average-tokens': /at least 1/, '--vectors': /at least 1/, '--reembeds-per-month': ZERO_OK,
      '--queries-per-month': ZERO_OK, '--query-tokens': /at least 1/, '--dimensions': /at least 1/ }],
  ['embedding', ['--model', 'text-embedding-3-small', '--tokens', '1000', '--vectors', '10'], { '--tokens': /cannot exceed the corpus tokens/ }],
  ['budget', ['--model', 'gpt-4o', '--user', '100'],
    { ...Object.fromEntries(['system', 'tools', 'examples', 'history', 'context', 'user', 'output'].map((s) => [`--${s}`, ZERO_OK])), '--window': /greater than 0/ }],
  ['training', ['--examples', '100', '--tokens-per-example', '1000', '--params-b', '8'],
    { '--examples': /at least 1/, '--tokens-per-example': /at least 1/, '--epochs': /between 1 and 100/, '--params-b': /more than 0/,
      '--trainable-fraction': /more than 0/, '--validation-tokens': ZERO_OK, '--evaluations': ZERO_OK, '--rft-hours': /more than 0/,
      '--prompt-tokens': ZERO_OK, '--output-tokens': ZERO_OK, '--gpu-tflops': /more than 0/, '--utilization': /more than 0/,
      '--gpu-hourly': /more than 0/, '--gpu-memory': /more than 0/ }],
  ['training', ['--examples', '100', '--dataset-tokens', '100000'], { '--dataset-tokens': /between 1 and/ }],
];

function withValue(argv, option, value) {
  const out = [...argv];
  const i = out.indexOf(option);
  if (i >= 0) out[i + 1] = value;
  else out.push(option, value);
  return out;
}

// Quoted input is the user's own text; outside it, no number may read nan or inf.
const unquoted = (s) => s.replace(/"[^"]*"/g, '""');

// About 450 runs: four at a time, as each mostly waits on process start.
async function runAll(jobs, limit = 4) {
  const results = new Array(jobs.length);
  let next = 0;
  const worker = async () => {
    while (next < jobs.length) {
      const i = next++;
      results[i] = await runAsync(jobs[i]);
    }
  };
  await Promise.all(Array.from({ length: limit }, worker));
  return results;
}

function runAsync(args) {
  return new Promise((resolve, reject) => {
    execFile(CLI, args, { encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') reject(error);
      else resolve({ code: error ? error.code : 0, signal: error?.signal ?? null, stdout, stderr });
    });
  });
}

test('every number option: empty, blank, negative, zero, NaN, Infinity, 1e308 and text', async () => {
  const cases = [];
  for (const [command, argv, options] of COMMANDS) {
    assert.equal(run([command, ...argv]).code, 0, `${command} ${argv.join(' ')} must be valid`);
    for (const [option, zero] of Object.entries(options)) {
      for (const [value, message] of [...Object.entries(EXPECTED), ['0', zero]]) {
        cases.push({ args: [command, ...withValue(argv, option, value)], what: `${command} ${option} ${JSON.stringify(value)}`, message });
      }
    }
  }
  const results = await runAll(cases.map((c) => c.args));
  cases.forEach(({ what, message }, i) => {
    const r = results[i];
    if (message === ZERO_OK) {
      assert.equal(r.code, 0, `${what}: ${r.stderr}`);
    } else {
      assert.equal(r.code, 1, `${what}: exit ${r.code}, ${r.stderr}`);
      assert.match(r.stderr, /^llmcalc: [A-Z-].*\.\n$/, what);
      assert.match(r.stderr, message, what);
    }
    assert.doesNotMatch(unquoted(r.stdout + r.stderr), /\bnan\b|\binf\b|undefined/i, what);
  });
  assert.ok(cases.length > 400, `${cases.length} cases`);
});

test('--json puts the same error in an object naming the field', () => {
  for (const [command, argv] of [['price', ['--model', 'gpt-4o', '--input', '', '--output', '1']],
    ['budget', ['--model', 'gpt-4o', '--user', ' ']], ['training', ['--examples', '10', '--tokens-per-example', '5', '--epochs', '']]]) {
    const r = runJson([command, ...argv]);
    assert.equal(r.code, 1, command);
    assert.match(r.json.error.message, /^The value of --\S+ is empty\.$/, command);
    assert.ok(r.json.error.field, command);
  }
});

test('invalid UTF-8 in a text option is named back, replaced, not a crash', () => {
  const r = run(['price', '--model', Buffer.from([0x67, 0xff, 0xfe]).toString('latin1'), '--input', '1', '--output', '1']);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /^llmcalc: Unknown model "g/);
});

// Files every text-reading command is given (docs/bad-input.md, "Text and files").
const FILES = {
  empty: '',
  blank: ' \n\t \r\n',
  invalidUtf8: Buffer.from([0x61, 0x62, 0xff, 0xfe, 0xc3, 0x28]),
  bom: '\ufeffhello world\n',
  crlf: 'hello\r\nworld\r\n',
  deep: '['.repeat(1_000_000) + ']'.repeat(1_000_000),
};
const path = (name) => join(dir, name);
const SENTENCE = 'The quick brown fox jumps over the lazy dog. ';
const BIG_REPEATS = Math.ceil((100 << 20) / SENTENCE.length); // 100 MiB

before(() => {
  for (const [name, content] of Object.entries(FILES)) writeFileSync(path(name), content);
  writeFileSync(path('chat-bom-crlf.json'), '\ufeff{"messages": [{"role": "user", "content": "hi"}]}\r\n');
  writeFileSync(path('dataset-deep.jsonl'), `{"messages":${FILES.deep}}\n`);
  writeFileSync(path('big'), SENTENCE.repeat(BIG_REPEATS));
});

// [argv with FILE, {case: [exit code, stdout/stderr pattern]}]
const TEXT_COMMANDS = [
  [['count', 'FILE', '--json'], {
    empty: [0, /"tokens": 0/], blank: [0, /"tokens": [1-9]/], invalidUtf8: [0, /"tokens": 5/], bom: [0, /"tokens": 4/],
    crlf: [0, /"tokens": 4/], deep: [0, /"tokens": 1000000/] }],
  [['count', '--chat', 'FILE'], {
    empty: [1, /is not a JSON chat request/], blank: [1, /is not a JSON chat request/], invalidUtf8: [1, /is not a JSON chat request/],
    bom: [1, /is not a JSON chat request/], crlf: [1, /is not a JSON chat request/], deep: [1, /messages\[0\] must be an object with role and content/] }],
  [['json', 'FILE'], {
    empty: [1, /:1:1: the input is empty/], blank: [1, /:3:1: the input contains only whitespace/], invalidUtf8: [1, /:1:1: unexpected word/],
    bom: [1, /a UTF-8 byte order mark was removed/], crlf: [1, /:1:1: unexpected word 'hello'/], deep: [1, /:1:1001: nested too deeply \(limit 1000\)/] }],
  [['dataset', 'FILE', '--model', 'gpt-4o-mini-2024-07-18'], {
    empty: [1, /empty_file: The file is empty\./], blank: [1, /empty_file: The file has only blank lines/], invalidUtf8: [1, /:1:3: invalid_utf8/],
    bom: [1, /json_syntax/], crlf: [1, /:2:1: json_syntax/], deep: [1, /json_syntax|nested_too_deep/] }],
  [['chunk', 'FILE', '--size', '4'], {
    empty: [1, /is empty: there is nothing to chunk/], blank: [0, /^1 chunk/], invalidUtf8: [0, /^2 chunks/], bom: [0, /^1 chunk/],
    crlf: [0, /^1 chunk/], deep: [0, /^250,000 chunks/] }],
  [['embedding', '--model', 'text-embedding-3-small', 'FILE'], {
    empty: [1, /is empty: an embedding input needs at least one token/], blank: [0, /Corpus: 2 tokens/],
    invalidUtf8: [1, /is not UTF-8 text \(byte 0xFF at offset 2\)/], bom: [0, /Corpus: 4 tokens/], crlf: [0, /Corpus: 4 tokens/], deep: [0, /Corpus: 1,000,001 tokens/] }],
  [['budget', '--model', 'gpt-4o', '--user', '@FILE'], {
    empty: [0, /User message\s+0 /], blank: [0, /User message\s+[1-9]/], invalidUtf8: [0, /User message\s+5 /], bom: [0, /User message\s+4 /],
    crlf: [0, /User message\s+4 /], deep: [0, /User message\s+1,000,000 /] }],
];

test('text inputs: empty, blank, invalid UTF-8, BOM, CRLF and 1,000,000-deep nesting', () => {
  for (const [argv, cases] of TEXT_COMMANDS) {
    for (const [name, [code, pattern]] of Object.entries(cases)) {
      const r = run(argv.map((a) => a.replace('FILE', path(name))));
      const what = `${argv.join(' ')} on ${name}`;
      assert.equal(r.code, code, `${what}: ${r.stderr}`);
      assert.match(r.stdout + r.stderr, pattern, `${what}: ${r.stdout.slice(0, 200)} ${r.stderr.slice(0, 200)}`);
    }
  }
  // A BOM and CRLF in a chat request are fine: it is JSON.
  assert.match(run(['count', '--chat', path('chat-bom-crlf.json')]).stdout, /^8 tokens \(estimate\)/);
  // A dataset line nested 1,000,000 deep is that line's error only.
  assert.match(run(['dataset', path('dataset-deep.jsonl'), '--model', 'gpt-4o-mini-2024-07-18']).stdout, /:1:1012: nested_too_deep/);
});

test('100 MB of text: counted, chunked, formatted, checked and budgeted (embedding shares the count: docs/bad-input.md)', () => {
  const tokens = 10 * BIG_REPEATS + 1; // 10 tokens a sentence, and the last space
  const count = runJson(['count', path('big')]);
  assert.equal(count.code, 0, count.stderr);
  assert.equal(count.json.tokens, tokens);
  // Chunk edges only, never a span per token: 400 MB of address space is
  // enough for 100 MB of text (23 million spans alone would be 450 MB more).
  const chunks = runJson(['chunk', path('big'), '--size', '512', '--overlap', '64'], { memoryLimitKB: 400_000 });
  assert.equal(chunks.code, 0, chunks.stderr);
  assert.equal(chunks.json.chunks, 1 + Math.ceil((tokens - 512) / 448));
  assert.deepEqual([chunks.json.ranges.at(-1).end, chunks.json.ranges.at(-1).byte_end], [tokens, SENTENCE.length * BIG_REPEATS]);
  assert.match(run(['json', path('big')]).stderr, /:1:1: unexpected word 'The'/);
  assert.match(run(['dataset', path('big'), '--model', 'gpt-4o-mini-2024-07-18']).stdout, /json_syntax|line_too_long/);
  const budget = runJson(['budget', '--model', 'gpt-4o', '--context', `@${path('big')}`]);
  assert.equal(budget.json.models[0].sections.find((x) => x.id === 'context').tokens, tokens);
  // Text columns stay apart when a share passes 10,000 %.
  assert.match(run(['budget', '--model', 'gpt-4o', '--context', String(tokens)]).stdout, /Retrieved context +23,301,691 18,204\.4%/);
});
