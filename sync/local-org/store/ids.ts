/** Ids shaped like Kustomer's: 24-hex Mongo ObjectIds (timestamp, random, counter). */
import { randomBytes } from 'node:crypto';

const processRandom = randomBytes(5).toString('hex');
let counter = randomBytes(3).readUIntBE(0, 3);

export function objectId(now: Date = new Date()): string {
  counter = (counter + 1) % 0xffffff;
  const seconds = Math.floor(now.getTime() / 1000)
    .toString(16)
    .padStart(8, '0');
  return `${seconds}${processRandom}${counter.toString(16).padStart(6, '0')}`;
}

export function isObjectId(value: string): boolean {
  return /^[0-9a-f]{24}$/.test(value);
}

/** A random secret-like value (hook hashes, outbound webhook tokens, the emulator's API token). */
export function randomToken(bytes = 24): string {
  return randomBytes(bytes).toString('hex');
}
