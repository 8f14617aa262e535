import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsAccountId } from '../validation/domain-rule.decorator';

/** Every query names the acting account. */
export class AccountQueryDto {
  @ApiProperty({ example: 'acme', description: '1–64 letters, digits, _ or -' })
  @IsAccountId()
  accountId!: string;
}

/** Every command names the acting account and may carry an idempotency key. */
export class AccountCommandDto extends AccountQueryDto {
  @ApiPropertyOptional({ description: 'Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing.' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 128, { message: 'must be 1 to 128 characters long' })
  requestId?: string;

  @ApiPropertyOptional({ description: 'Who asks, for the audit trail (1–64 characters; default `nats` over NATS, the token name over REST).' })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 64, { message: 'must be 1 to 64 characters long' })
  // It lands in every event's metadata and log line: printable text only.
  @Matches(/^[^\p{Cc}\p{Cf}]*$/u, { message: 'must contain only printable characters' })
  actor?: string;
}
