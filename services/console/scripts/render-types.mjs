// Renders an OpenAPI document (JSON file, argv[2]) into TypeScript types on stdout with
// openapi-typescript. A separate process because openapi-typescript's dependencies are ES modules,
// which jest's module loader cannot require.
import { readFileSync } from 'node:fs';
import openapiTS, { astToString } from 'openapi-typescript';

const document = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const ast = await openapiTS(document, { alphabetize: true });
process.stdout.write(astToString(ast));
