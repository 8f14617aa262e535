/* Generated from config-service's OpenAPI document by services/console/scripts/openapi-types.ts: do not edit (npm run api-types -w services/console). */
export interface paths {
    "/v1/accounts/{accountId}/credential-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the account's credential lists (from the read model; data.position tells its freshness) */
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
        /** Get a credential list with its credentials (usernames only, never secrets) */
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
    "/v1/accounts/{accountId}/credential-lists/{credentialListId}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
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
        get?: never;
        put?: never;
        post?: never;
        /** Remove a credential */
        delete: operations["CredentialListsController_removeCredential"];
        options?: never;
        head?: never;
        /** Change a credential's password */
        patch: operations["CredentialListsController_changePassword"];
        trace?: never;
    };
    "/v1/accounts/{accountId}/ip-access-control-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the account's IP access control lists */
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
        /** Get an IP access control list with its addresses */
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
        get?: never;
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
        get?: never;
        put?: never;
        post?: never;
        /** Remove an IP address */
        delete: operations["IpAclsController_removeIpAddress"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/accounts/{accountId}/trunks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the account's trunks */
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
        /** Get a trunk with its assigned lists and digest algorithms */
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
            /** @description Who asks, for the audit trail (1–64 characters; default `nats` over NATS, the token name over REST). */
            actor?: string;
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
            /** @description Who asks, for the audit trail (1–64 characters; default `nats` over NATS, the token name over REST). */
            actor?: string;
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
            /** @description Who asks, for the audit trail (1–64 characters; default `nats` over NATS, the token name over REST). */
            actor?: string;
            /**
             * Format: password
             * @description an upper-case letter, a lower-case letter and a digit; never stored, logged or returned
             */
            password: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        CreateCredentialListBody: {
            /** @description Who asks, for the audit trail (1–64 characters; default `nats` over NATS, the token name over REST). */
            actor?: string;
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
            /** @description Who asks, for the audit trail (1–64 characters; default `nats` over NATS, the token name over REST). */
            actor?: string;
            /** @example Office PBX */
            friendlyName: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        CreateTrunkBody: {
            /** @description Who asks, for the audit trail (1–64 characters; default `nats` over NATS, the token name over REST). */
            actor?: string;
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
        EmptyCommandBody: {
            /** @description Who asks, for the audit trail (1–64 characters; default `nats` over NATS, the token name over REST). */
            actor?: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        RenameBody: {
            /** @example Office PBX */
            friendlyName: string;
            /** @description Idempotency key (1–128 characters): a retry with the same requestId returns the first reply and writes nothing. */
            requestId?: string;
        };
        SetDigestAlgorithmsBody: {
            /** @description Who asks, for the audit trail (1–64 characters; default `nats` over NATS, the token name over REST). */
            actor?: string;
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
        WorkerStatus: {
            /** @description Set when no worker answered. */
            detail?: string;
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
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description data: {credentialLists, position} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialListsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Created: data has credentialListId and credentialId. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialListsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                credentialListId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description data: {credentialList, position} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialListsController_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Deleted. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialListsController_rename: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Renamed (or already so named). Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialListsController_addCredential: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Added: data has credentialId. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialListsController_removeCredential: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Removed. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    CredentialListsController_changePassword: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Changed. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IpAclsController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description data: {ipAccessControlLists, position} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IpAclsController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Created: data has ipAccessControlListId. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IpAclsController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                ipAccessControlListId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description data: {ipAccessControlList, position} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IpAclsController_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Deleted. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IpAclsController_rename: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Renamed. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IpAclsController_addIpAddress: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Added: data has ipAddressId. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    IpAclsController_removeIpAddress: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Removed. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrunksController_list: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description data: {trunks, position} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrunksController_create: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Created: data has trunkId. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrunksController_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                accountId: string;
                trunkId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description data: {trunk, position} */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrunksController_delete: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Deleted. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrunksController_rename: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Renamed. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrunksController_assignCredentialList: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Assigned (or already assigned). Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrunksController_unassignCredentialList: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Unassigned. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrunksController_setDigestAlgorithms: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Set. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrunksController_assignIpAcl: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Assigned (or already assigned). Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    TrunksController_unassignIpAcl: {
        parameters: {
            query?: never;
            header?: {
                /** @description requestId: a retry with the same key returns the first reply and writes nothing */
                "Idempotency-Key"?: string;
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
            /** @description Unassigned. Body `{ok:true,data:{…, position}}`; position is the event store position of the change. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description VALIDATION_FAILED: details name every bad field. Body `{ok:false,error:{code,message,details?}}`. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: missing or unknown bearer token. Body `{ok:false,error:{code,message,details?}}`. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description UNAUTHORIZED: the token does not cover this account. Body `{ok:false,error:{code,message,details?}}`. */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description NOT_FOUND: no such resource in this account. Body `{ok:false,error:{code,message,details?}}`. */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description CONFLICT. Body `{ok:false,error:{code,message,details?}}`. */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description INTERNAL. Body `{ok:false,error:{code,message,details?}}`. */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
            /** @description Missing or unknown bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
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
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkerStatus"];
                };
            };
            /** @description Missing or unknown bearer token. */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description No worker answered in time. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
