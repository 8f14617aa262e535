import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEFAULT_LOCKOUT_POLICY, type SetLockoutPolicyRequest } from '@sipauth/contracts';
import { LOCKOUT_LIMITS } from '@sipauth/domain';
import { IsBoolean, IsOptional } from 'class-validator';
import { IsIntegerInRange, IsResourceId } from '../validation/domain-rule.decorator';
import { AccountCommandDto } from './account-scoped.dto';

const { maxFailures, windowSeconds, lockoutSeconds } = LOCKOUT_LIMITS;

/**
 * Request of trunk.set-lockout-policy (SPEC §5.1). The whole policy is replaced: a figure left out takes
 * the default's, not the trunk's previous one, so a request always means the same thing.
 */
export class SetLockoutPolicyDto extends AccountCommandDto implements SetLockoutPolicyRequest {
  @ApiProperty({ example: 'TK0123456789abcdef0123456789abcdef' })
  @IsResourceId('TK')
  trunkId!: string;

  @ApiProperty({ example: true, description: 'false turns the lockout off for this trunk (failures are still counted per username)' })
  @IsBoolean({ message: 'must be true or false' })
  enabled!: boolean;

  @ApiPropertyOptional({ minimum: maxFailures.min, maximum: maxFailures.max, default: DEFAULT_LOCKOUT_POLICY.maxFailures, description: 'failed attempts within the window that lock a source IP out' })
  @IsOptional()
  @IsIntegerInRange(maxFailures.min, maxFailures.max)
  maxFailures?: number;

  @ApiPropertyOptional({ minimum: windowSeconds.min, maximum: windowSeconds.max, default: DEFAULT_LOCKOUT_POLICY.windowSeconds })
  @IsOptional()
  @IsIntegerInRange(windowSeconds.min, windowSeconds.max)
  windowSeconds?: number;

  @ApiPropertyOptional({ minimum: lockoutSeconds.min, maximum: lockoutSeconds.max, default: DEFAULT_LOCKOUT_POLICY.lockoutSeconds })
  @IsOptional()
  @IsIntegerInRange(lockoutSeconds.min, lockoutSeconds.max)
  lockoutSeconds?: number;
}
