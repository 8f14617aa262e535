/**
 * Response bodies of the REST API, for the OpenAPI document only (the values are built by the query
 * and command use cases; the REST tests check real responses against these schemas). They mirror the
 * views of libs/contracts config.ts, without the NATS envelope and without `position`, which travels
 * in the Sipauth-Position header.
 */
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DIGEST_ALGORITHMS, EXPLAIN_STEPS } from '@sipauth/contracts';
import { PROBLEM_CODES } from './problem';

const ID = { type: String, pattern: '^[A-Z]{2}[0-9a-f]{32}$' } as const;
const TIME = { type: String, format: 'date-time' } as const;

export class FieldError {
  @ApiProperty({ description: 'The field, header or parameter at fault (`(body)` for the body as a whole).', example: 'friendlyName' }) field!: string;
  @ApiProperty({ description: 'What is wrong with it; never echoes the value.', example: 'must be 1 to 64 characters long' }) message!: string;
}

export class ProblemBody {
  @ApiProperty({ description: 'urn:sipauth:problem:<code in kebab case> (documented in the repository).', example: 'urn:sipauth:problem:validation-failed' }) type!: string;
  @ApiProperty({ example: 'Invalid request' }) title!: string;
  @ApiProperty({ type: Number, example: 400 }) status!: number;
  @ApiProperty({ example: 'invalid friendlyName' }) detail!: string;
  @ApiProperty({ enum: PROBLEM_CODES, enumName: 'ProblemCode' }) code!: string;
  @ApiProperty({ type: [FieldError], description: 'Every bad field (VALIDATION_FAILED), each blocking trunk (CONFLICT); empty when none.' }) errors!: FieldError[];
}

export class CredentialListView {
  @ApiProperty(ID) credentialListId!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() friendlyName!: string;
  @ApiProperty({ type: Number, minimum: 0 }) credentialCount!: number;
  @ApiProperty({ type: [String] }) assignedTrunkIds!: string[];
  @ApiProperty(TIME) createdAt!: string;
  @ApiProperty(TIME) updatedAt!: string;
}

export class CredentialSummary {
  @ApiProperty(ID) credentialId!: string;
  @ApiProperty() username!: string;
  @ApiProperty(TIME) createdAt!: string;
  @ApiPropertyOptional({ ...TIME, description: 'Until when the replaced password still authenticates (only while an overlap runs).' }) previousPasswordValidUntil?: string;
}

export class CredentialView extends CredentialSummary {
  @ApiProperty(ID) credentialListId!: string;
}

export class CredentialListDetail extends CredentialListView {
  @ApiProperty({ type: [CredentialSummary], description: 'Every credential, oldest first (usernames only, never secrets); page them with GET …/credentials.' }) credentials!: CredentialSummary[];
}

export class IpAddressView {
  @ApiProperty(ID) ipAddressId!: string;
  @ApiProperty(ID) ipAccessControlListId!: string;
  @ApiProperty() friendlyName!: string;
  @ApiProperty({ description: 'The normalised network address.' }) ipAddress!: string;
  @ApiProperty({ type: Number }) cidrPrefixLength!: number;
  @ApiProperty(TIME) createdAt!: string;
}

export class IpAddressSummary {
  @ApiProperty(ID) ipAddressId!: string;
  @ApiProperty() friendlyName!: string;
  @ApiProperty() ipAddress!: string;
  @ApiProperty({ type: Number }) cidrPrefixLength!: number;
  @ApiProperty(TIME) createdAt!: string;
}

export class IpAclView {
  @ApiProperty(ID) ipAccessControlListId!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() friendlyName!: string;
  @ApiProperty({ type: Number, minimum: 0 }) ipAddressCount!: number;
  @ApiProperty({ type: [String] }) assignedTrunkIds!: string[];
  @ApiProperty(TIME) createdAt!: string;
  @ApiProperty(TIME) updatedAt!: string;
}

export class IpAclDetail extends IpAclView {
  @ApiProperty({ type: [IpAddressSummary], description: 'Every address, oldest first; page them with GET …/ip-addresses.' }) ipAddresses!: IpAddressSummary[];
}

export class LockoutPolicyView {
  @ApiProperty() enabled!: boolean;
  @ApiProperty({ type: Number }) maxFailures!: number;
  @ApiProperty({ type: Number }) windowSeconds!: number;
  @ApiProperty({ type: Number }) lockoutSeconds!: number;
}

export class TrunkView {
  @ApiProperty(ID) trunkId!: string;
  @ApiProperty() accountId!: string;
  @ApiProperty() friendlyName!: string;
  @ApiProperty() domainName!: string;
  @ApiProperty({ type: [String] }) credentialListIds!: string[];
  @ApiProperty({ type: [String] }) ipAccessControlListIds!: string[];
  @ApiProperty({ enum: DIGEST_ALGORITHMS, isArray: true, description: 'The effective offered order, most preferred first.' }) digestAlgorithms!: string[];
  @ApiProperty({ type: LockoutPolicyView, description: 'The effective lockout policy.' }) lockoutPolicy!: LockoutPolicyView;
  @ApiProperty(TIME) createdAt!: string;
  @ApiProperty(TIME) updatedAt!: string;
}

const NEXT = { description: 'The token of the next page (also in the Link header); absent on the last page.' };
export class CredentialListPage {
  @ApiProperty({ type: [CredentialListView] }) credentialLists!: CredentialListView[];
  @ApiPropertyOptional(NEXT) nextPageToken?: string;
}
export class CredentialPage {
  @ApiProperty({ type: [CredentialView] }) credentials!: CredentialView[];
  @ApiPropertyOptional(NEXT) nextPageToken?: string;
}
export class IpAclPage {
  @ApiProperty({ type: [IpAclView] }) ipAccessControlLists!: IpAclView[];
  @ApiPropertyOptional(NEXT) nextPageToken?: string;
}
export class IpAddressPage {
  @ApiProperty({ type: [IpAddressView] }) ipAddresses!: IpAddressView[];
  @ApiPropertyOptional(NEXT) nextPageToken?: string;
}
export class TrunkPage {
  @ApiProperty({ type: [TrunkView] }) trunks!: TrunkView[];
  @ApiPropertyOptional(NEXT) nextPageToken?: string;
}

export class CredentialListCreated {
  @ApiProperty(ID) credentialListId!: string;
  @ApiProperty(ID) credentialId!: string;
}
export class CredentialAdded { @ApiProperty(ID) credentialId!: string }
export class ImportedCredentialView {
  @ApiProperty({ description: "The line's place in the request's credentials" }) index!: number;
  @ApiProperty(ID) credentialId!: string;
  @ApiProperty() username!: string;
  @ApiPropertyOptional({ enum: [true], description: 'Imported from an MD5 HA1: answers MD5 challenges only' }) md5Only?: boolean;
}
export class CredentialsImportedView {
  @ApiProperty(ID) credentialListId!: string;
  @ApiProperty({ type: [ImportedCredentialView] }) credentials!: ImportedCredentialView[];
  @ApiProperty({ description: 'Credentials that answer MD5 challenges only: every trunk using the list should offer ["MD5"]' }) md5OnlyCount!: number;
}
export class IpAclCreated { @ApiProperty(ID) ipAccessControlListId!: string }
export class IpAddressAdded { @ApiProperty(ID) ipAddressId!: string }
export class TrunkCreated { @ApiProperty(ID) trunkId!: string }

export class ExplainStepView {
  @ApiProperty({ enum: EXPLAIN_STEPS }) step!: string;
  @ApiProperty({ description: 'One word a program can test (found, allowed, offered, verified, …).' }) outcome!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'What a person reads: the matching range, the challenges, the computed response, the reason.' }) detail!: Record<string, unknown>;
}
export class TestCallResult {
  @ApiProperty({ enum: ['allow', 'challenge', 'deny'] }) decision!: string;
  @ApiProperty({ type: Number, enum: [200, 403, 404, 407] }) status!: number;
  @ApiProperty() reason!: string;
  @ApiProperty({ type: [ExplainStepView] }) steps!: ExplainStepView[];
}

export class LockoutView {
  @ApiProperty(ID) trunkId!: string;
  @ApiProperty() sourceIp!: string;
  @ApiProperty(TIME) lockedAt!: string;
  @ApiProperty(TIME) expiresAt!: string;
  @ApiProperty({ type: Number }) failures!: number;
}
export class LockoutList { @ApiProperty({ type: [LockoutView] }) lockouts!: LockoutView[] }
export class LockoutsCleared { @ApiProperty({ type: Number, minimum: 0 }) cleared!: number }
