/* Generated from config-service's OpenAPI document by services/console/scripts/openapi-types.ts: do not edit (npm run api-types -w services/console). */
export interface paths {
    "/v1/accounts/{accountId}/credential-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the account's credential lists, in id order */
        get: operations["CredentialListsController_list"];
        put?: never;
        /** Create a credential list with its first credential */
        post: operations["CredentialListsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/credential-lists/{credentialListId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A credential list with its credentials (usernames only, never secrets) */
        get: operations["CredentialListsController_get"];
        put?: never;
        post?: never;
        /** Delete a credential list (409 CONFLICT naming the trunks while it is assigned) */
        delete: operations["CredentialListsController_delete"];
        options?: never;
        head?: never;
        /** Rename a credential list */
        patch: operations["CredentialListsController_rename"];
        trace?: never;
    };
    "/v1/accounts/{accountId}/credential-lists/{credentialListId}/credential-imports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import up to 1,000 credentials at once (password or MD5 HA1 per line), all or none
         * @description Every refused line is named in errors[] (`credentials[17].password`); nothing is written unless every line is accepted. `realm` must be the service's digest realm. A line with an MD5 HA1 answers MD5 challenges only: set the order of every trunk using the list to ["MD5"]. Send each chunk with an Idempotency-Key (e.g. file hash + chunk number) so that a resent chunk writes nothing and answers the same ids.
         */
        post: operations["CredentialListsController_importCredentials"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/credential-lists/{credentialListId}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the credentials of a list, in id order */
        get: operations["CredentialListsController_listCredentials"];
        put?: never;
        /** Add a credential */
        post: operations["CredentialListsController_addCredential"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/credential-lists/{credentialListId}/credentials/{credentialId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One credential (its username, never a secret) */
        get: operations["CredentialListsController_getCredential"];
        put?: never;
        post?: never;
        /** Remove a credential */
        delete: operations["CredentialListsController_removeCredential"];
        options?: never;
        head?: never;
        /** Change a credential's password (optionally keeping the previous one valid for a while) */
        patch: operations["CredentialListsController_changePassword"];
        trace?: never;
    };
    "/v1/accounts/{accountId}/history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The audit trail of the account, or of one resource: who changed what and when, newest first (read from the event store) */
        get: operations["HistoryController_history"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/ip-access-control-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the account's IP access control lists, in id order */
        get: operations["IpAclsController_list"];
        put?: never;
        /** Create an IP access control list */
        post: operations["IpAclsController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/ip-access-control-lists/{ipAccessControlListId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An IP access control list with its addresses */
        get: operations["IpAclsController_get"];
        put?: never;
        post?: never;
        /** Delete an IP access control list (409 CONFLICT naming the trunks while it is assigned) */
        delete: operations["IpAclsController_delete"];
        options?: never;
        head?: never;
        /** Rename an IP access control list */
        patch: operations["IpAclsController_rename"];
        trace?: never;
    };
    "/v1/accounts/{accountId}/ip-access-control-lists/{ipAccessControlListId}/ip-addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the addresses of an IP access control list, in id order */
        get: operations["IpAclsController_listIpAddresses"];
        put?: never;
        /** Add an IP address or range (normalised to its network) */
        post: operations["IpAclsController_addIpAddress"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/ip-access-control-lists/{ipAccessControlListId}/ip-addresses/{ipAddressId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One IP address or range */
        get: operations["IpAclsController_getIpAddress"];
        put?: never;
        post?: never;
        /** Remove an IP address */
        delete: operations["IpAclsController_removeIpAddress"];
        options?: never;
        head?: never;
        /** Change an IP address's friendly name (its range stays) */
        patch: operations["IpAclsController_renameIpAddress"];
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A page of the account's trunks, in id order */
        get: operations["TrunksController_list"];
        put?: never;
        /** Create a trunk (its domain must be unused across all accounts) */
        post: operations["TrunksController_create"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks/{trunkId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A trunk with its assigned lists, effective digest algorithm order and lockout policy */
        get: operations["TrunksController_get"];
        put?: never;
        post?: never;
        /** Delete a trunk: its lists are detached and its domain released */
        delete: operations["TrunksController_delete"];
        options?: never;
        head?: never;
        /** Rename a trunk */
        patch: operations["TrunksController_rename"];
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks/{trunkId}/credential-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign a credential list (of the same account) to the trunk */
        post: operations["TrunksController_assignCredentialList"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks/{trunkId}/credential-lists/{listId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unassign a credential list from the trunk */
        delete: operations["TrunksController_unassignCredentialList"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks/{trunkId}/digest-algorithms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the offered digest algorithms, most preferred first */
        put: operations["TrunksController_setDigestAlgorithms"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks/{trunkId}/ip-access-control-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Assign an IP access control list (of the same account) to the trunk */
        post: operations["TrunksController_assignIpAcl"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks/{trunkId}/ip-access-control-lists/{listId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Unassign an IP access control list from the trunk */
        delete: operations["TrunksController_unassignIpAcl"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks/{trunkId}/lockout-policy": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /** Set the trunk's brute-force lockout policy (a figure left out takes the default's; enabled false turns it off) */
        put: operations["TrunksController_setLockoutPolicy"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks/{trunkId}/lockouts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The trunk's locked-out source IPs with their expiry */
        get: operations["TrunkChecksController_lockouts"];
        put?: never;
        post?: never;
        /** End every lockout of the trunk (and reset the failure counts) */
        delete: operations["TrunkChecksController_clearAll"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks/{trunkId}/lockouts/{sourceIp}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** End the lockout of one source IP on the trunk */
        delete: operations["TrunkChecksController_clearOne"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks/{trunkId}/test-call": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Test a call: each step of the decision for this trunk, a source IP and optionally a username and password (no nonce claimed, no failure counted) */
        post: operations["TrunkChecksController_testCall"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The presented token: its name and the accounts it may act on */
        get: operations["ConsoleSessionController_me"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/workers/status": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The event-store position the sip-auth-workers have applied (compare with a write's Sipauth-Position) */
        get: operations["ConsoleSessionController_workers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        AddCredentialBody: {
            /**
             * Format: password
             * @description an upper-case letter, a lower-case letter and a digit; never stored, logged or returned
             */
            password: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
            /**
             * @description 1–32 characters of A-Za-z0-9._~!$&'()*+,;=-, unique (case-insensitive) in the list
             * @example alice
             */
            username: string;
        };
        AddIpAddressBody: {
            /**
             * @description IPv4 8–32 (default 32), IPv6 16–128 (default 128)
             * @example 24
             */
            cidrPrefixLength?: number;
            /** @example Office uplink */
            friendlyName: string;
            /**
             * @description IPv4 or IPv6, optionally with /prefix
             * @example 203.0.113.0
             */
            ipAddress: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        AssignListBody: {
            /**
             * @description a credential list (CL…) or IP ACL (AL…) id
             * @example CL0123456789abcdef0123456789abcdef
             */
            listId: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        ChangePasswordBody: {
            /**
             * Format: password
             * @description an upper-case letter, a lower-case letter and a digit; never stored, logged or returned
             */
            password: string;
            /**
             * @description How long the replaced password still authenticates, so a fleet of PBXs can be rolled without dropped calls; a later change or a removal ends it at once
             * @default 0
             * @example 3600
             */
            previousPasswordValidForSeconds: number;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        CreateCredentialListBody: {
            /** @example Office PBX */
            friendlyName: string;
            /**
             * Format: password
             * @description an upper-case letter, a lower-case letter and a digit; never stored, logged or returned
             */
            password: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
            /**
             * @description 1–32 characters of A-Za-z0-9._~!$&'()*+,;=-, unique (case-insensitive) in the list
             * @example alice
             */
            username: string;
        };
        CreateIpAclBody: {
            /** @example Office PBX */
            friendlyName: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        CreateTrunkBody: {
            /**
             * @description a DNS name (RFC 1123 labels)
             * @example acme.pstn.example.net
             */
            domainName: string;
            /** @example Main trunk */
            friendlyName: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        CredentialAdded: {
            credentialId: string;
        };
        CredentialListCreated: {
            credentialId: string;
            credentialListId: string;
        };
        CredentialListDetail: {
            accountId: string;
            assignedTrunkIds: string[];
            /** Format: date-time */
            createdAt: string;
            credentialCount: number;
            credentialListId: string;
            /** @description Every credential, oldest first (usernames only, never secrets); page them with GET …/credentials. */
            credentials: components["schemas"]["CredentialSummary"][];
            friendlyName: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CredentialListPage: {
            credentialLists: components["schemas"]["CredentialListView"][];
            /** @description The token of the next page (also in the Link header); absent on the last page. */
            nextPageToken?: string;
        };
        CredentialListView: {
            accountId: string;
            assignedTrunkIds: string[];
            /** Format: date-time */
            createdAt: string;
            credentialCount: number;
            credentialListId: string;
            friendlyName: string;
            /** Format: date-time */
            updatedAt: string;
        };
        CredentialPage: {
            credentials: components["schemas"]["CredentialView"][];
            /** @description The token of the next page (also in the Link header); absent on the last page. */
            nextPageToken?: string;
        };
        CredentialsImportedView: {
            credentialListId: string;
            credentials: components["schemas"]["ImportedCredentialView"][];
            /** @description Credentials that answer MD5 challenges only: every trunk using the list should offer ["MD5"] */
            md5OnlyCount: number;
        };
        CredentialSummary: {
            /** Format: date-time */
            createdAt: string;
            credentialId: string;
            /**
             * Format: date-time
             * @description Until when the replaced password still authenticates (only while an overlap runs).
             */
            previousPasswordValidUntil?: string;
            username: string;
        };
        CredentialView: {
            /** Format: date-time */
            createdAt: string;
            credentialId: string;
            credentialListId: string;
            /**
             * Format: date-time
             * @description Until when the replaced password still authenticates (only while an overlap runs).
             */
            previousPasswordValidUntil?: string;
            username: string;
        };
        EmptyCommandBody: {
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        ExplainStepView: {
            /** @description What a person reads: the matching range, the challenges, the computed response, the reason. */
            detail: {
                [key: string]: unknown;
            };
            /** @description One word a program can test (found, allowed, offered, verified, …). */
            outcome: string;
            /** @enum {string} */
            step: "trunk" | "acl" | "lockout" | "challenge" | "response" | "verification" | "decision";
        };
        FieldError: {
            /**
             * @description The field, header or parameter at fault (`(body)` for the body as a whole).
             * @example friendlyName
             */
            field: string;
            /**
             * @description What is wrong with it; never echoes the value.
             * @example must be 1 to 64 characters long
             */
            message: string;
        };
        HistoryEntryView: {
            /** @description Who asked: the bearer token's name, the NATS caller's actor (default `nats`), or `unknown` for events older than the trail. */
            actor: string;
            /**
             * Format: date-time
             * @description When the event store recorded it.
             */
            at: string;
            /** @description The X-Request-Id (or requestId, or a generated id) shared by every event of one request. */
            correlationId: string;
            /** @description Event store position; entries come newest first. */
            position: string;
            /** @description The Idempotency-Key / requestId the change was made with. */
            requestId?: string;
            /** @description The credential list, IP ACL or trunk the event belongs to. */
            resourceId: string;
            /** @description What changed in words, never a password or hash, e.g. `Credential alice added`. */
            summary: string;
            /** @description The event type, e.g. CredentialAdded. */
            type: string;
        };
        HistoryPage: {
            events: components["schemas"]["HistoryEntryView"][];
            /** @description The token of the next page (also in the Link header); absent when the trail is complete. A page may be shorter than pageSize and still have one. */
            nextPageToken?: string;
        };
        ImportCredentialLineDto: {
            /** @description MD5(username:realm:password) in hex (Kamailio's subscriber.ha1): the credential then answers MD5 challenges only */
            ha1?: string;
            /**
             * Format: password
             * @description As for credential.add; give a password or an ha1, not both
             */
            password?: string;
            /**
             * @description 1–32 characters of A-Za-z0-9._~!$&'()*+,;=-, unique (case-insensitive) in the list
             * @example alice
             */
            username: string;
        };
        ImportCredentialsBody: {
            credentials: components["schemas"]["ImportCredentialLineDto"][];
            /**
             * @description The realm the HA1s were computed under: must be the service's SIPAUTH_REALM
             * @example sipauth.local
             */
            realm: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        ImportedCredentialView: {
            credentialId: string;
            /** @description The line's place in the request's credentials */
            index: number;
            /**
             * @description Imported from an MD5 HA1: answers MD5 challenges only
             * @enum {boolean}
             */
            md5Only?: true;
            username: string;
        };
        IpAclCreated: {
            ipAccessControlListId: string;
        };
        IpAclDetail: {
            accountId: string;
            assignedTrunkIds: string[];
            /** Format: date-time */
            createdAt: string;
            friendlyName: string;
            ipAccessControlListId: string;
            ipAddressCount: number;
            /** @description Every address, oldest first; page them with GET …/ip-addresses. */
            ipAddresses: components["schemas"]["IpAddressSummary"][];
            /** Format: date-time */
            updatedAt: string;
        };
        IpAclPage: {
            ipAccessControlLists: components["schemas"]["IpAclView"][];
            /** @description The token of the next page (also in the Link header); absent on the last page. */
            nextPageToken?: string;
        };
        IpAclView: {
            accountId: string;
            assignedTrunkIds: string[];
            /** Format: date-time */
            createdAt: string;
            friendlyName: string;
            ipAccessControlListId: string;
            ipAddressCount: number;
            /** Format: date-time */
            updatedAt: string;
        };
        IpAddressAdded: {
            ipAddressId: string;
        };
        IpAddressPage: {
            ipAddresses: components["schemas"]["IpAddressView"][];
            /** @description The token of the next page (also in the Link header); absent on the last page. */
            nextPageToken?: string;
        };
        IpAddressSummary: {
            cidrPrefixLength: number;
            /** Format: date-time */
            createdAt: string;
            friendlyName: string;
            ipAddress: string;
            ipAddressId: string;
        };
        IpAddressView: {
            cidrPrefixLength: number;
            /** Format: date-time */
            createdAt: string;
            friendlyName: string;
            ipAccessControlListId: string;
            /** @description The normalised network address. */
            ipAddress: string;
            ipAddressId: string;
        };
        LockoutList: {
            lockouts: components["schemas"]["LockoutView"][];
        };
        LockoutPolicyView: {
            enabled: boolean;
            lockoutSeconds: number;
            maxFailures: number;
            windowSeconds: number;
        };
        LockoutsCleared: {
            cleared: number;
        };
        LockoutView: {
            /** Format: date-time */
            expiresAt: string;
            failures: number;
            /** Format: date-time */
            lockedAt: string;
            sourceIp: string;
            trunkId: string;
        };
        ProblemBody: {
            code: components["schemas"]["ProblemCode"];
            /** @example invalid friendlyName */
            detail: string;
            /** @description Every bad field (VALIDATION_FAILED), each blocking trunk (CONFLICT); empty when none. */
            errors: components["schemas"]["FieldError"][];
            /** @example 400 */
            status: number;
            /** @example Invalid request */
            title: string;
            /**
             * @description urn:sipauth:problem:<code in kebab case> (documented in the repository).
             * @example urn:sipauth:problem:validation-failed
             */
            type: string;
        };
        /** @enum {string} */
        ProblemCode: "VALIDATION_FAILED" | "NOT_FOUND" | "CONFLICT" | "UNAUTHORIZED" | "INTERNAL" | "UNSUPPORTED_MEDIA_TYPE" | "METHOD_NOT_ALLOWED" | "REQUEST_TIMEOUT" | "PAYLOAD_TOO_LARGE" | "IDEMPOTENCY_KEY_REUSED" | "TOO_MANY_REQUESTS" | "UNAVAILABLE";
        RenameBody: {
            /** @example Office PBX */
            friendlyName: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        SetDigestAlgorithmsBody: {
            /**
             * @example [
             *       "SHA-256",
             *       "MD5"
             *     ]
             */
            algorithms: ("SHA-512-256" | "SHA-256" | "MD5")[];
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        SetLockoutPolicyBody: {
            /**
             * @description false turns the lockout off for this trunk (failures are still counted per username)
             * @example true
             */
            enabled: boolean;
            /** @default 300 */
            lockoutSeconds: number;
            /**
             * @description failed attempts within the window that lock a source IP out
             * @default 10
             */
            maxFailures: number;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
            /** @default 60 */
            windowSeconds: number;
        };
        TestCallBody: {
            /**
             * @description Default INVITE.
             * @example INVITE
             */
            method?: string;
            /**
             * Format: password
             * @description Used only to compute the digest response of the test; never logged or returned.
             */
            password?: string;
            /**
             * @description The source IP the call would come from.
             * @example 203.0.113.9
             */
            sourceIp: string;
            /** @example alice */
            username?: string;
        };
        TestCallResult: {
            /** @enum {string} */
            decision: "allow" | "challenge" | "deny";
            reason: string;
            /** @enum {number} */
            status: 200 | 403 | 404 | 407;
            steps: components["schemas"]["ExplainStepView"][];
        };
        TokenIdentity: {
            /**
             * @description The accounts the token covers (empty when allAccounts).
             * @example [
             *       "AC1"
             *     ]
             */
            accounts: string[];
            /** @description Whether the token covers every account (`*`). */
            allAccounts: boolean;
            /**
             * @description The name of the token (what the history shows as the actor).
             * @example ops
             */
            name: string;
        };
        TrunkCreated: {
            trunkId: string;
        };
        TrunkPage: {
            /** @description The token of the next page (also in the Link header); absent on the last page. */
            nextPageToken?: string;
            trunks: components["schemas"]["TrunkView"][];
        };
        TrunkView: {
            accountId: string;
            /** Format: date-time */
            createdAt: string;
            credentialListIds: string[];
            /** @description The effective offered order, most preferred first. */
            digestAlgorithms: ("SHA-512-256" | "SHA-256" | "MD5")[];
            domainName: string;
            friendlyName: string;
            ipAccessControlListIds: string[];
            /** @description The effective lockout policy. */
            lockoutPolicy: components["schemas"]["LockoutPolicyView"];
            trunkId: string;
            /** Format: date-time */
            updatedAt: string;
        };
        WorkerStatus: {
            /**
             * @description Position of the last event the workers have applied (decimal string).
             * @example 42
             */
            position: string;
            /** @description Whether the answering worker has loaded the read models. */
            ready: boolean;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    CredentialListsController_list: {
        parameters: {
            query?: {
                pageSize?: number;
                /** @description The previous page's nextPageToken. Pages follow the id order: an item present throughout a walk is listed once. */
                pageToken?: string;
            };
            header?: {
                /** @description Wait (bounded) until the read models have applied this position, e.g. a write's Sipauth-Position. */
                "Sipauth-Min-Position"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    /** @description `<…?pageToken=…>; rel="next"` while there is a next page. */
                    Link?: string;
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialListPage"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: the read models did not reach Sipauth-Min-Position in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    CredentialListsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateCredentialListBody"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Path of the new resource. */
                    Location?: string;
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialListCreated"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    CredentialListsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Wait (bounded) until the read models have applied this position, e.g. a write's Sipauth-Position. */
                "Sipauth-Min-Position"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                credentialListId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialListDetail"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: the read models did not reach Sipauth-Min-Position in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    CredentialListsController_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                credentialListId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyCommandBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    CredentialListsController_rename: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                credentialListId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    CredentialListsController_importCredentials: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                credentialListId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ImportCredentialsBody"];
            };
        };
        responses: {
            /** @description Done. */
            200: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialsImportedView"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    CredentialListsController_listCredentials: {
        parameters: {
            query?: {
                pageSize?: number;
                /** @description The previous page's nextPageToken. Pages follow the id order: an item present throughout a walk is listed once. */
                pageToken?: string;
            };
            header?: {
                /** @description Wait (bounded) until the read models have applied this position, e.g. a write's Sipauth-Position. */
                "Sipauth-Min-Position"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                credentialListId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    /** @description `<…?pageToken=…>; rel="next"` while there is a next page. */
                    Link?: string;
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialPage"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: the read models did not reach Sipauth-Min-Position in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    CredentialListsController_addCredential: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                credentialListId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddCredentialBody"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Path of the new resource. */
                    Location?: string;
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialAdded"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    CredentialListsController_getCredential: {
        parameters: {
            query?: never;
            header?: {
                /** @description Wait (bounded) until the read models have applied this position, e.g. a write's Sipauth-Position. */
                "Sipauth-Min-Position"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                credentialId: string;
                credentialListId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CredentialView"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: the read models did not reach Sipauth-Min-Position in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    CredentialListsController_removeCredential: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                credentialId: string;
                credentialListId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyCommandBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    CredentialListsController_changePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                credentialId: string;
                credentialListId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ChangePasswordBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    HistoryController_history: {
        parameters: {
            query?: {
                pageSize?: number;
                /** @description The previous page's nextPageToken: the walk goes on strictly before where that page ended. */
                pageToken?: string;
                /** @description A credential list, IP ACL, trunk, credential or IP address id: only its events. */
                resourceId?: string;
            };
            header?: {
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    /** @description `<…?pageToken=…>; rel="next"` while there is a next page. */
                    Link?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HistoryPage"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    IpAclsController_list: {
        parameters: {
            query?: {
                pageSize?: number;
                /** @description The previous page's nextPageToken. Pages follow the id order: an item present throughout a walk is listed once. */
                pageToken?: string;
            };
            header?: {
                /** @description Wait (bounded) until the read models have applied this position, e.g. a write's Sipauth-Position. */
                "Sipauth-Min-Position"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    /** @description `<…?pageToken=…>; rel="next"` while there is a next page. */
                    Link?: string;
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAclPage"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: the read models did not reach Sipauth-Min-Position in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    IpAclsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateIpAclBody"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Path of the new resource. */
                    Location?: string;
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAclCreated"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    IpAclsController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Wait (bounded) until the read models have applied this position, e.g. a write's Sipauth-Position. */
                "Sipauth-Min-Position"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                ipAccessControlListId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAclDetail"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: the read models did not reach Sipauth-Min-Position in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    IpAclsController_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                ipAccessControlListId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyCommandBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    IpAclsController_rename: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                ipAccessControlListId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    IpAclsController_listIpAddresses: {
        parameters: {
            query?: {
                pageSize?: number;
                /** @description The previous page's nextPageToken. Pages follow the id order: an item present throughout a walk is listed once. */
                pageToken?: string;
            };
            header?: {
                /** @description Wait (bounded) until the read models have applied this position, e.g. a write's Sipauth-Position. */
                "Sipauth-Min-Position"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                ipAccessControlListId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    /** @description `<…?pageToken=…>; rel="next"` while there is a next page. */
                    Link?: string;
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAddressPage"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: the read models did not reach Sipauth-Min-Position in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    IpAclsController_addIpAddress: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                ipAccessControlListId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AddIpAddressBody"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Path of the new resource. */
                    Location?: string;
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAddressAdded"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    IpAclsController_getIpAddress: {
        parameters: {
            query?: never;
            header?: {
                /** @description Wait (bounded) until the read models have applied this position, e.g. a write's Sipauth-Position. */
                "Sipauth-Min-Position"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                ipAccessControlListId: string;
                ipAddressId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IpAddressView"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: the read models did not reach Sipauth-Min-Position in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    IpAclsController_removeIpAddress: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                ipAccessControlListId: string;
                ipAddressId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyCommandBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    IpAclsController_renameIpAddress: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                ipAccessControlListId: string;
                ipAddressId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunksController_list: {
        parameters: {
            query?: {
                pageSize?: number;
                /** @description The previous page's nextPageToken. Pages follow the id order: an item present throughout a walk is listed once. */
                pageToken?: string;
            };
            header?: {
                /** @description Wait (bounded) until the read models have applied this position, e.g. a write's Sipauth-Position. */
                "Sipauth-Min-Position"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    /** @description `<…?pageToken=…>; rel="next"` while there is a next page. */
                    Link?: string;
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrunkPage"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: the read models did not reach Sipauth-Min-Position in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunksController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CreateTrunkBody"];
            };
        };
        responses: {
            /** @description Created. */
            201: {
                headers: {
                    /** @description Path of the new resource. */
                    Location?: string;
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrunkCreated"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunksController_get: {
        parameters: {
            query?: never;
            header?: {
                /** @description Wait (bounded) until the read models have applied this position, e.g. a write's Sipauth-Position. */
                "Sipauth-Min-Position"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TrunkView"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: the read models did not reach Sipauth-Min-Position in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunksController_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyCommandBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunksController_rename: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RenameBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunksController_assignCredentialList: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignListBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunksController_unassignCredentialList: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                listId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyCommandBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunksController_setDigestAlgorithms: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetDigestAlgorithmsBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunksController_assignIpAcl: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssignListBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunksController_unassignIpAcl: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                listId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["EmptyCommandBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunksController_setLockoutPolicy: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId (1–128 characters): a retry with the same key and the same request returns the first outcome and writes nothing; with a different request it is 422. */
                "Idempotency-Key"?: string;
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SetLockoutPolicyBody"];
            };
        };
        responses: {
            /** @description Done (or already so: a write that would change nothing succeeds and writes nothing). */
            204: {
                headers: {
                    /** @description Event-store position (decimal string): of the write, or of the read model that answered. */
                    "Sipauth-Position"?: string;
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description CONFLICT: errors name the blocking resources (RFC 9457 problem details) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description IDEMPOTENCY_KEY_REUSED: this Idempotency-Key was used for a different request (RFC 9457 problem details) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunkChecksController_lockouts: {
        parameters: {
            query?: never;
            header?: {
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LockoutList"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: no sip-auth-worker answered in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunkChecksController_clearAll: {
        parameters: {
            query?: never;
            header?: {
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LockoutsCleared"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: no sip-auth-worker answered in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunkChecksController_clearOne: {
        parameters: {
            query?: never;
            header?: {
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                sourceIp: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LockoutsCleared"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: no sip-auth-worker answered in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    TrunkChecksController_testCall: {
        parameters: {
            query?: never;
            header?: {
                /** @description Correlation id (1–128 visible ASCII characters) carried into the events; echoed in the reply. One is made up when absent. */
                "X-Request-Id"?: string;
            };
            path: {
                accountId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TestCallBody"];
            };
        };
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TestCallResult"];
                };
            };
            /** @description VALIDATION_FAILED: errors name every bad field, header or query parameter (RFC 9457 problem details) */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAUTHORIZED: the token does not cover this account (RFC 9457 problem details) */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description NOT_FOUND: no such resource in this account (RFC 9457 problem details) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description REQUEST_TIMEOUT: the body did not arrive in time (10 s by default); the connection is closed (RFC 9457 problem details) */
            408: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description PAYLOAD_TOO_LARGE: more than 64 kB (256 kB for a credential import); the connection is closed (RFC 9457 problem details) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNSUPPORTED_MEDIA_TYPE: a body that is not application/json, or in a charset other than UTF-8 (RFC 9457 problem details) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description TOO_MANY_REQUESTS: the sip-auth-workers' test-call rate limit is reached (a burst of 10, then 1 per second, per worker replica); retry after Retry-After (RFC 9457 problem details) */
            429: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description INTERNAL (RFC 9457 problem details) */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: no sip-auth-worker answered in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    ConsoleSessionController_me: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["TokenIdentity"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
    ConsoleSessionController_workers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OK. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkerStatus"];
                };
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token (RFC 9457 problem details) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
            /** @description UNAVAILABLE: no sip-auth-worker answered in time (RFC 9457 problem details) */
            503: {
                headers: {
                    /** @description Seconds. */
                    "Retry-After"?: number;
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemBody"];
                };
            };
        };
    };
}
