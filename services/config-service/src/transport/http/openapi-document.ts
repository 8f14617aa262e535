/**
 * The OpenAPI document of the REST API, built from the controllers' decorators. The bearer token is an
 * opaque token (no `bearerFormat`: it is not a JWT). Used by bootstrap (served at /docs and /docs-json,
 * and the table of paths behind 405) and by anything that needs the document without a server.
 */
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';

const DESCRIPTION = [
  'Credential lists, IP access control lists and trunks of an Elastic SIP Trunking platform (SPEC §9 conventions).',
  'Resources come back as plain JSON objects. A create answers 201 with `Location`; other writes 204. Every write returns its',
  'event-store position in `Sipauth-Position`; a read may send it back in `Sipauth-Min-Position` to wait until the read models have it.',
  'Lists page with `pageSize`/`pageToken` and `Link: <…>; rel="next"`. Errors are RFC 9457 `application/problem+json` with',
  '`type`, `title`, `status`, `detail`, `code` and `errors` [{field, message}]. A method a path lacks is 405 with `Allow`.',
].join(' ');

export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('sipauth config-service')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An opaque API token from CONFIG_API_TOKENS (`name:token=accounts`).' })
    .build());
  const bearer = document.components?.securitySchemes?.bearer as { bearerFormat?: string } | undefined;
  if (bearer) delete bearer.bearerFormat;
  return document;
}
