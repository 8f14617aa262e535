/**
 * The console's REST client is typed from config-service's OpenAPI document: this fails when the
 * committed `src/api/schema.d.ts` no longer matches it. `UPDATE_API_TYPES=1` rewrites the file instead.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderApiTypes, SCHEMA_FILE } from '../scripts/openapi-types';

describe('the console API types', () => {
  it('match the OpenAPI document config-service serves today', async () => {
    const current = await renderApiTypes();
    if (process.env.UPDATE_API_TYPES === '1') writeFileSync(SCHEMA_FILE, current);
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    expect(committed).toBe(current);
  });
});
