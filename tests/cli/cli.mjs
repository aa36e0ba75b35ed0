// Runs the native `llmcalc` binary for the CLI tests.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

export const CLI = resolve(process.env.LLMCALC_CLI ?? 'build/native/cli/llmcalc');

/** @returns {{code: number, stdout: string, stderr: string}} */
export function run(args, { input, env, memoryLimitKB } = {}) {
  // A memory limit runs the binary under `ulimit -v` (kilobytes of address space).
  const [file, argv] = memoryLimitKB
    ? ['/bin/sh', ['-c', `ulimit -v ${memoryLimitKB} && exec "$0" "$@"`, CLI, ...args]]
    : [CLI, args];
  const r = spawnSync(file, argv, {
    input,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 256 * 1024 * 1024,
  });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs with --json and parses stdout. */
export function runJson(args, options) {
  const r = run([...args, '--json'], options);
  return { ...r, json: r.stdout.trim() ? JSON.parse(r.stdout) : null };
}
