/**
 * The apply prompt. Only ever asked on a TTY; without one (CI) the caller requires --auto-approve.
 * Streams are passed in, so the stage itself does not reach for the process.
 */
import { createInterface } from 'node:readline/promises';

export async function confirmApply(
  question: string,
  input: NodeJS.ReadableStream,
  output: NodeJS.WritableStream,
): Promise<boolean> {
  const rl = createInterface({ input, output });
  try {
    const answer = await rl.question(`${question} Only "yes" is accepted: `);
    return answer.trim().toLowerCase() === 'yes';
  } finally {
    rl.close();
  }
}
