import { CONFIG_COMMANDS, QUERIES, type ConfigCommandRequests } from '@sipauth/contracts';
import { AddCredentialDto } from '../dto/add-credential.dto';
import { RenameIpAclDto } from '../dto/rename-ip-acl.dto';
import { RenameTrunkDto } from '../dto/rename-trunk.dto';
import { COMMAND_ENDPOINTS, QUERY_ENDPOINTS, endpoint, type Endpoint } from './endpoints';

// Type-level checks: `npm run typecheck` (tsc -p tsconfig.spec.json) fails if an `@ts-expect-error`
// line below compiles, i.e. if the table stopped catching a DTO wired to the wrong use case.
export const wrongUseCase = endpoint(RenameTrunkDto, (u, d, c) =>
  // @ts-expect-error a trunk rename's DTO handed to the IP ACL rename use case
  u.ipAcls.rename(d, c),
);
// @ts-expect-error the credential.add row must hold credential.add's DTO, not another command's
export const wrongDto: Endpoint<ConfigCommandRequests['credential.add']> = endpoint(RenameIpAclDto, (u, d, c) => u.ipAcls.rename(d, c));
export const rightRow: Endpoint<ConfigCommandRequests['credential.add']> = endpoint(AddCredentialDto, (u, d, c) => u.credentialLists.addCredential(d, c));

describe('the endpoint table', () => {
  it('has one row for every command and query subject of the contract, and no other', () => {
    expect(Object.keys(COMMAND_ENDPOINTS).sort()).toEqual([...CONFIG_COMMANDS].sort());
    expect(Object.keys(QUERY_ENDPOINTS).sort()).toEqual([...QUERIES].sort());
  });

  it('pairs credential.add with the DTO that validates it', () => {
    expect(COMMAND_ENDPOINTS['credential.add'].dto).toBe(AddCredentialDto);
    expect(rightRow.dto).toBe(AddCredentialDto);
  });
});
