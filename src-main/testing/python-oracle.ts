/**
 * Run a Python oracle script over a batch of inputs (differential tests against pypa/packaging
 * and other reference tools).
 *
 * Protocol: the script reads one JSON array from stdin and writes one JSON array of the same
 * length to stdout (one answer per input). Batching keeps Python's start-up cost to one per test.
 */
import { spawn } from 'node:child_process';

export interface OracleOptions {
  readonly python?: string;
  readonly timeoutMs?: number;
  readonly args?: readonly string[];
}

export async function runPythonBatch<I, O>(script: string, inputs: readonly I[], opts: OracleOptions = {}): Promise<O[]> {
  const python = opts.python ?? process.env.PACKWRIGHT_PYTHON ?? 'python3';
  const child = spawn(python, [script, ...(opts.args ?? [])], { stdio: ['pipe', 'pipe', 'pipe'] });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on('data', (b: Buffer) => out.push(b));
  child.stderr.on('data', (b: Buffer) => err.push(b));
  const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 300_000);
  const done = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  child.stdin.end(JSON.stringify(inputs));
  const code = await done.finally(() => clearTimeout(timer));
  if (code !== 0) {
    throw new Error(`${python} ${script} exited with ${code}: ${Buffer.concat(err).toString().slice(-2000)}`);
  }
  const answers = JSON.parse(Buffer.concat(out).toString('utf8')) as O[];
  if (!Array.isArray(answers) || answers.length !== inputs.length) {
    throw new Error(`${script} answered ${Array.isArray(answers) ? answers.length : typeof answers} results for ${inputs.length} inputs`);
  }
  return answers;
}
