/** The username and password fields of the credential commands: one validator and one OpenAPI description each. */
import { applyDecorators } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { IsPassword, IsUsername } from '../validation/domain-rule.decorator';

export const UsernameField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ example: 'alice', description: "1–32 characters of A-Za-z0-9._~!$&'()*+,;=-, unique (case-insensitive) in the list" }),
    IsUsername(),
  );

export const PasswordField = (): PropertyDecorator =>
  applyDecorators(
    ApiProperty({ format: 'password', writeOnly: true, minLength: 12, maxLength: 128, description: 'an upper-case letter, a lower-case letter and a digit; never stored, logged or returned' }),
    IsPassword(),
  );
