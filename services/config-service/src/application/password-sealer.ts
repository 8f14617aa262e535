/** Turns a password into the three HA1s under the realm, sealed for one credential; the password goes no further. */
import { Inject, Injectable } from '@nestjs/common';
import type { SealedHa1s } from '@sipauth/domain';
import { computeHa1s, sealHa1s } from '@sipauth/sip-digest';
import type { ConfigServiceSettings } from '../config-service.settings';
import { SERVICE_SETTINGS } from '../config-service.tokens';

@Injectable()
export class PasswordSealer {
  constructor(@Inject(SERVICE_SETTINGS) private readonly settings: ConfigServiceSettings) {}

  /** The AAD `${credentialListId}/${credentialId}` binds the sealed values to their credential (the worker unseals with it). */
  seal(credentialListId: string, credentialId: string, username: string, password: string): { realm: string; ha1: SealedHa1s } {
    const realm = this.settings.shared.realm;
    const ha1 = sealHa1s(this.settings.keyring, computeHa1s(username, realm, password), `${credentialListId}/${credentialId}`);
    return { realm, ha1 };
  }
}
