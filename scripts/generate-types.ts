/** `npm run generate`: regenerates the checked-in payload types from their JSON Schemas. */
import { fileURLToPath } from 'node:url';
import { writePayloadTypes } from '../compiler/codegen/generate-types.js';

const root = fileURLToPath(new URL('..', import.meta.url));
for (const path of await writePayloadTypes(root)) process.stdout.write(`generated ${path}\n`);
