/**
 * Request of credential.import (issue 14): up to MAX_IMPORT_LINES credentials for one list. Each line
 * is checked here like credential.add's fields (a bad one is named `credentials[<index>].<field>`);
 * usernames against each other and the list, and the list's limit, are the decider's.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, ValidateIf, ValidateNested } from 'class-validator';
import { MAX_IMPORT_LINES, type ImportCredentialLine, type ImportCredentialsRequest } from '@sipauth/contracts';
import { checkMd5Ha1, checkPassword } from '@sipauth/domain';
import { DomainRule, IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';
import { UsernameField } from './credential-fields.dto';

/** One credential: a password, or an MD5 HA1 (then it answers MD5 challenges only). */
export class ImportCredentialLineDto implements ImportCredentialLine {
  @UsernameField()
  username!: string;

  @ApiPropertyOptional({ format: 'password', writeOnly: true, minLength: 12, maxLength: 128, description: 'As for credential.add; give a password or an ha1, not both' })
  @ValidateIf((line: ImportCredentialLineDto) => line.password !== undefined || line.ha1 === undefined)
  @DomainRule((v, f) => checkPassword(v, f))
  password?: string;

  @ApiPropertyOptional({
    pattern: '^[0-9a-fA-F]{32}$', writeOnly: true,
    description: "MD5(username:realm:password) in hex (Kamailio's subscriber.ha1): the credential then answers MD5 challenges only",
  })
  @ValidateIf((line: ImportCredentialLineDto) => line.ha1 !== undefined)
  @DomainRule((v, f, line) => (line.password !== undefined ? { field: f, message: 'must not be given together with a password' } : checkMd5Ha1(v, f)))
  ha1?: string;
}

export class ImportCredentialsDto extends AccountCommandDto implements ImportCredentialsRequest {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;

  @ApiProperty({ example: 'sipauth.local', description: "The realm the HA1s were computed under: must be the service's SIPAUTH_REALM" })
  @IsString({ message: 'must be a string' })
  @Length(1, 253, { message: 'must be 1 to 253 characters long' })
  realm!: string;

  @ApiProperty({ type: [ImportCredentialLineDto], minItems: 1, maxItems: MAX_IMPORT_LINES })
  @IsArray({ message: 'must be an array of credentials' })
  @ArrayMinSize(1, { message: `must hold 1 to ${MAX_IMPORT_LINES} credentials` })
  @ArrayMaxSize(MAX_IMPORT_LINES, { message: `must hold 1 to ${MAX_IMPORT_LINES} credentials` })
  @ValidateNested({ each: true })
  @Type(() => ImportCredentialLineDto)
  credentials!: ImportCredentialLineDto[];
}
