import { ApiProperty } from '@nestjs/swagger';
import type { DigestAlgorithmName, SetDigestAlgorithmsRequest } from '@sipauth/contracts';
import { IsDigestAlgorithms, IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

/** Request of trunk.set-digest-algorithms: the offered order, most preferred first. */
export class SetDigestAlgorithmsDto extends AccountCommandDto implements SetDigestAlgorithmsRequest {
  @ApiProperty({ example: 'TK0123456789abcdef0123456789abcdef' })
  @IsResourceId('TK')
  trunkId!: string;

  @ApiProperty({ isArray: true, enum: ['SHA-512-256', 'SHA-256', 'MD5'], example: ['SHA-256', 'MD5'] })
  @IsDigestAlgorithms()
  algorithms!: DigestAlgorithmName[];
}
