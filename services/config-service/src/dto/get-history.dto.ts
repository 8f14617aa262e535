import type { HistoryRequest } from '@sipauth/contracts';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { IsResourceId } from '../validation/domain-rule.decorator';
import { PageRequestDto } from './list-resources.dto';

/** Request of query.history: the account's trail, or one resource's. */
export class GetHistoryDto extends PageRequestDto implements HistoryRequest {
  @ApiPropertyOptional({ description: 'A credential list, IP ACL, trunk, credential or IP address id: only its events.' })
  @IsOptional()
  @IsResourceId()
  resourceId?: string;
}
