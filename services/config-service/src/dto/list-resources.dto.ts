import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type ListRequest } from '@sipauth/contracts';
import { IsIntegerInRange } from '../validation/domain-rule.decorator';
import { AccountQueryDto } from './account-scoped.dto';

/** Paging fields of every list query: a page of at most `pageSize` items after the one `pageToken` names. */
export class PageRequestDto extends AccountQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: `Items per page, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  @IsOptional()
  @IsIntegerInRange(1, MAX_PAGE_SIZE)
  pageSize?: number;

  @ApiPropertyOptional({ description: "Opaque: the previous page's nextPageToken." })
  @IsOptional()
  @IsString({ message: 'must be a string' })
  @Length(1, 256, { message: 'must be 1 to 256 characters long' })
  pageToken?: string;
}

/** Request of the list queries (credential-list.list, ip-acl.list, trunk.list). */
export class ListResourcesDto extends PageRequestDto implements ListRequest {}
