// llmcalc json: the native CLI on every kind of bad input the formatter
// must survive (issue #7). Big inputs are generated into a temp folder.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CLI = process.env.LLMCALC_CLI ?? 'build/native/cli/llmcalc';
const dir = mkdtempSync(join(tmpdir(), 'llmcalc-json-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name, content) {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function run(args, input) {
  const r = spawnSync(CLI, ['json', ...args], { input, maxBuffer: 1 << 30, encoding: 'utf8' });
  if (r.error) throw r.error;
  return r;
}

test('pretty-prints by default, keeping numbers exactly as written', () => {
  const r = run([file('a.json', '{"b":[1.10,1e400,12345678901234567890123],"a":{}}')]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '{\n  "b": [\n    1.10,\n    1e400,\n    12345678901234567890123\n  ],\n  "a": {}\n}\n');
});

test('minify, sort keys, tab and stdin', () => {
  const r = run(['--minify', '--sort-keys', '-'], '{ "b" : 1, "a" : [ 2 ] }');
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '{"a":[2],"b":1}\n');
  assert.equal(run(['--indent', 'tab', '-'], '[1]').stdout, '[\n\t1\n]\n');
  assert.equal(run(['--indent=0', '-'], '[1]').stdout, '[\n1\n]\n');
});

test('usage errors exit 2', () => {
  for (const args of [['--indent', '9', '-'], ['--indent', '2', '--minify', '-'], [], ['a', 'b'], ['--bogus', '-']]) {
    assert.equal(run(args, '').status, 2, args.join(' '));
  }
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /usage: llmcalc json/);
});

test('an unreadable file is exit 1 with the reason', () => {
  const r = run([join(dir, 'missing.json')]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /cannot open .*missing\.json/);
});

test('empty input and whitespace only are errors at a position', () => {
  const empty = file('empty.json', '');
  let r = run([empty]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `${empty}:1:1: the input is empty\n`);
  assert.equal(r.stdout, '');
  const ws = file('ws.json', ' \n\t\n');
  r = run([ws]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `${ws}:3:1: the input contains only whitespace\n`);
});

test('a binary file is refused without a crash', () => {
  const bytes = Buffer.alloc(4096);
  for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 131) & 0xff;
  const r = run([file('bin.json', bytes)]);
  assert.equal(r.status, 1);
  assert.match(r.stderr, /bin\.json:1:1: unexpected character U\+0000/);
});

test('invalid UTF-8 is reported at the first bad byte', () => {
  const bad = file('utf8.json', Buffer.concat([Buffer.from('{\n  "k": "é'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]));
  const r = run([bad]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr, `${bad}:2:10: invalid UTF-8 (byte 0xC3)\n`);
});

test('JSON nested 100,000 deep is a clear error, not a stack overflow', () => {
  const deep = file('deep.json', '['.repeat(100000) + ']'.repeat(100000));
  for (const extra of [[], ['--sort-keys'], ['--jsonl']]) {
    const r = run([...extra, deep]);
    assert.equal(r.status, 1, extra.join(' '));
    assert.equal(r.stderr.trim().split('\n')[0], `${deep}:1:1001: nested too deeply (limit 1000)`);
  }
});

test('BOM is accepted, stripped and noted; CRLF is accepted', () => {
  const bom = file('bom.json', '\ufeff{\r\n  "a": 1\r\n}\r\n');
  const r = run(['--minify', bom]);
  assert.equal(r.status, 0);
  assert.equal(r.stdout, '{"a":1}\n');
  assert.match(r.stderr, /byte order mark was removed/);
});

test('JSONL: every bad line is listed with its line number, blank lines are fine', () => {
  const jsonl = file('a.jsonl', '{"a": 1}\r\n\n[1,\n{"b":2}\n{"c": tru}\n');
  const r = run(['--jsonl', jsonl]);
  assert.equal(r.status, 1);
  assert.deepEqual(r.stderr.trim().split('\n'), [
    `${jsonl}:3:4: unexpected end of input: unclosed array`,
    `${jsonl}:5:7: unexpected word 'tru': JSON has only true, false, null, numbers and "strings"`,
    `${jsonl}: 2 of 4 lines are invalid`,
  ]);
  const ok = run(['--jsonl', '--sort-keys', '-'], '{"b":1,"a":2}\n\n[ 3 ]\n');
  assert.equal(ok.status, 0);
  assert.equal(ok.stdout, '{"a":2,"b":1}\n[3]\n');
});

test('a pretty-printed JSON document given as JSONL fails line by line', () => {
  const r = run(['--jsonl', file('doc.json', '{\n  "a": 1\n}\n')]);
  assert.equal(r.status, 1);
  assert.equal(r.stderr.trim().split('\n').length, 4);
});

test('a single 50 MB line formats in bounded time', () => {
  const item = '{"id":12345,"text":"abcdefghijklmnopqrstuvwxyz","v":1.50},';
  const n = Math.ceil((50 * 1024 * 1024) / item.length);
  const big = file('big.json', '[' + item.repeat(n) + '0]');
  const start = process.hrtime.bigint();
  const r = spawnSync(CLI, ['json', '--minify', big], { maxBuffer: 1 << 30 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  assert.equal(r.status, 0, String(r.stderr));
  assert.equal(r.stdout.length, n * item.length + 4); // "[", "0]", newline
  assert.ok(seconds < 20, `took ${seconds} s`);
});
