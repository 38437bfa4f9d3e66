// The ES module half of record-modules.mjs (module hooks run in their own thread).
import { appendFileSync } from 'node:fs';

let log;
export function initialize(data) {
  log = data.log;
}
export async function load(url, context, next) {
  appendFileSync(log, `${url}\n`);
  return next(url, context);
}
