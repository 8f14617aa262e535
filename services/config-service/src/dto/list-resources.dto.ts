import { AccountQueryDto } from './account-scoped.dto';

/** Request of the list queries (credential-list.list, ip-acl.list, trunk.list). */
export class ListResourcesDto extends AccountQueryDto {}
