/** Turns a password into the three HA1s under the realm, sealed for one credential; the password goes no further. */
import { Inject, Injectable } from '@nestjs/common';
import type { SealedHa1s } from '@sipauth/domain';
import { computeHa1s, ha1SealingContext, sealHa1s, sealMd5Ha1 } from '@sipauth/sip-digest';
import type { ConfigServiceSettings } from '../config-service.settings';
import { SERVICE_SETTINGS } from '../config-service.tokens';

@Injectable()
export class PasswordSealer {
  constructor(@Inject(SERVICE_SETTINGS) private readonly settings: ConfigServiceSettings) {}

  /** Sealed under the credential's context (ha1SealingContext), which the worker unseals with. */
  seal(credentialListId: string, credentialId: string, username: string, password: string): { realm: string; ha1: SealedHa1s } {
    const realm = this.settings.shared.realm;
    const ha1 = sealHa1s(this.settings.keyring, computeHa1s(username, realm, password), ha1SealingContext(credentialListId, credentialId));
    return { realm, ha1 };
  }

  /** The realm every HA1 is computed under (SIPAUTH_REALM). */
  get realm(): string {
    return this.settings.shared.realm;
  }

  /** An imported MD5 HA1 (lower-case hex, computed under {@link realm}), sealed like the MD5 one of {@link seal}. */
  sealMd5Ha1(credentialListId: string, credentialId: string, md5Ha1: string): { 'MD5': string } {
    return sealMd5Ha1(this.settings.keyring, md5Ha1, ha1SealingContext(credentialListId, credentialId));
  }
}
