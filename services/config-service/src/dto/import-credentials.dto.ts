/**
 * Request of credential.import (issue 14): up to MAX_IMPORT_LINES credentials for one list. Each line
 * is checked here like credential.add's fields (a bad one is named `credentials[<index>].<field>`);
 * usernames against each other and the list, and the list's limit, are the decider's.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, Length, ValidateIf, ValidateNested } from 'class-validator';
import { isJsonObject, MAX_IMPORT_LINES, type ImportCredentialLine, type ImportCredentialsRequest } from '@sipauth/contracts';
import { checkMd5Ha1, checkPassword, checkUsername } from '@sipauth/domain';
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

const LINE_FIELDS: ReadonlySet<string> = new Set(['username', 'password', 'ha1']);

/**
 * True only when `line` passes every rule of {@link ImportCredentialLineDto}, checked with the same
 * domain functions: an object of a valid username and either a valid password or a valid MD5 HA1,
 * nothing else. Anything else (a problem, null, a field both given or unknown) gives false, never an
 * answer: the full DTO validation then names the problem.
 */
export function isProvenValidLine(line: unknown): boolean {
  if (!isJsonObject(line) || Object.getPrototypeOf(line) !== Object.prototype) return false;
  for (const field of Object.keys(line)) if (!LINE_FIELDS.has(field)) return false;
  if (checkUsername(line.username) !== undefined) return false;
  if (line.password !== undefined) return line.ha1 === undefined && typeof line.password === 'string' && checkPassword(line.password) === undefined;
  return typeof line.ha1 === 'string' && checkMd5Ha1(line.ha1) === undefined;
}

/** Every rule of the request but its lines': what class-validator still checks when the lines are proven valid. */
export class ImportCredentialsHeadDto extends AccountCommandDto {
  @ApiProperty({ example: 'CL0123456789abcdef0123456789abcdef' })
  @IsResourceId('CL')
  credentialListId!: string;

  @ApiProperty({ example: 'sipauth.local', description: "The realm the HA1s were computed under: must be the service's SIPAUTH_REALM" })
  @IsString({ message: 'must be a string' })
  @Length(1, 253, { message: 'must be 1 to 253 characters long' })
  realm!: string;
}

export class ImportCredentialsDto extends ImportCredentialsHeadDto implements ImportCredentialsRequest {
  /**
   * Issue 14: class-transformer and class-validator cost ~25–70 µs per line (more than sealing its three
   * HA1s), so when every line is proven valid by {@link isProvenValidLine} and the array's size fits,
   * only the head goes through class-validator and the lines are taken as parsed. Any other request is
   * validated whole, exactly as before, so every refusal is still reported by line.
   */
  static readonly bulkField = {
    field: 'credentials',
    head: ImportCredentialsHeadDto,
    provenValid: (value: unknown): boolean =>
      Array.isArray(value) && value.length >= 1 && value.length <= MAX_IMPORT_LINES && value.every(isProvenValidLine),
  };

  @ApiProperty({ type: [ImportCredentialLineDto], minItems: 1, maxItems: MAX_IMPORT_LINES })
  @IsArray({ message: 'must be an array of credentials' })
  @ArrayMinSize(1, { message: `must hold 1 to ${MAX_IMPORT_LINES} credentials` })
  @ArrayMaxSize(MAX_IMPORT_LINES, { message: `must hold 1 to ${MAX_IMPORT_LINES} credentials` })
  @ValidateNested({ each: true })
  @Type(() => ImportCredentialLineDto)
  credentials!: ImportCredentialLineDto[];
}
