/** OpenAPI decorators shared by the REST controllers. */
import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiResponse } from '@nestjs/swagger';

const ERROR_SHAPE = 'Body `{ok:false,error:{code,message,details?}}`.';

/** Authentication and the error statuses every route shares. */
export function ApiAccountRoute(): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiBearerAuth(),
    ApiResponse({ status: 400, description: `VALIDATION_FAILED: details name every bad field. ${ERROR_SHAPE}` }),
    ApiResponse({ status: 401, description: `UNAUTHORIZED: missing or unknown bearer token. ${ERROR_SHAPE}` }),
    ApiResponse({ status: 403, description: `UNAUTHORIZED: the token does not cover this account. ${ERROR_SHAPE}` }),
    ApiResponse({ status: 404, description: `NOT_FOUND: no such resource in this account. ${ERROR_SHAPE}` }),
    ApiResponse({ status: 500, description: `INTERNAL. ${ERROR_SHAPE}` }),
  );
}

/** Commands: success body and the optional idempotency header. */
export function ApiCommand(status: 200 | 201, description: string): MethodDecorator {
  return applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'requestId: a retry with the same key returns the first reply and writes nothing' }),
    ApiResponse({ status, description: `${description} Body \`{ok:true,data:{…, position}}\`; position is the event store position of the change.` }),
    ApiResponse({ status: 409, description: `CONFLICT. ${ERROR_SHAPE}` }),
  );
}
