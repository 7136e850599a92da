/**
 * Generated from the server's OpenAPI document by `npm run api-types` (scripts/api-types.ts).
 * Do not edit: `npm test` fails when this file and the live document disagree.
 */

export interface paths {
    "/api/v1/apps": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List apps (an app key sees only its own) */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["App"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an app (admin); its API key is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AppCreate"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppCreated"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `admin_required`, `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "admin_required" | "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `uid_taken` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "uid_taken";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an app */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["App"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an app with everything it owns (admin) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `admin_required`, `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "admin_required" | "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Update an app */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["AppPatch"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["App"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `uid_taken`, `update_conflict` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "uid_taken" | "update_conflict";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/apps/{appId}/api-key/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the app API key; the old one stops working at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["AppCreated"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List deliveries, by state, endpoint or message */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    endpointId?: string;
                    limit?: number;
                    messageId?: string;
                    /** @description held: kept unsent while its endpoint is disabled; sent only when asked (enable with sendHeld, or recover with state held) */
                    state?: "pending" | "delivering" | "succeeded" | "failed" | "held";
                };
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Delivery"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/deliveries/{deliveryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a delivery */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    deliveryId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delivery"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/deliveries/{deliveryId}/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Try a delivery now; a failed or succeeded one starts a fresh schedule */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    deliveryId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delivery"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `delivery_in_flight` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "delivery_in_flight";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_expired` */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_expired";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/endpoints": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List endpoints */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Endpoint"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create an endpoint; its signing secret is returned once here */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EndpointCreate"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EndpointCreated"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/endpoints/{endpointId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get an endpoint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Endpoint"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete an endpoint with its deliveries and attempts */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /**
         * Update an endpoint (only the fields given)
         * @description Switching it on (`disabled: false`) clears `disabledReason` and `disabledAt`; deliveries held while it was disabled stay held unless `sendHeld` is true (or recover is asked with state held).
         */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["EndpointPatch"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EndpointPatched"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/apps/{appId}/endpoints/{endpointId}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an endpoint's attempts, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Attempt"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/endpoints/{endpointId}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List an endpoint's deliveries by state */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                    /** @description held: kept unsent while its endpoint is disabled; sent only when asked (enable with sendHeld, or recover with state held) */
                    state?: "pending" | "delivering" | "succeeded" | "failed" | "held";
                };
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Delivery"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/endpoints/{endpointId}/recover": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send the endpoint's settled deliveries created in [since, until) again
         * @description Re-queues the deliveries in `states` (default failed; also held and succeeded), oldest first, at most `limit` per call. The same request again within the idempotency window (24 h) continues where the last call stopped and never re-queues a delivery twice; `done` tells when nothing is left. A disabled endpoint answers 409 endpoint_disabled: enable it first.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["RecoverRequest"];
                };
            };
            responses: {
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false: more deliveries match; send the same request again to continue */
                            done: boolean;
                            /** @description deliveries re-queued by this call */
                            requeued: number;
                            /** @description by every call of the same request so far */
                            requeuedTotal: number;
                            /** @description the end of the window, fixed by the first call */
                            until: string;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/endpoints/{endpointId}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The secrets that sign now: the current one and any in their rotation grace period */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EndpointSecrets"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/endpoints/{endpointId}/secret/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rotate the signing secret (or ed25519 key); old ones keep signing for graceMs (default 24 h) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SecretRotate"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description ed25519: the whpk_ public key; the whsk_ secret key is never shown */
                            publicKey?: string;
                            /** @description hmac-sha256: the whsec_ secret, shown to the receiver */
                            secret?: string;
                            /** @description hmac-sha256 signs Standard Webhooks v1 with a shared whsec_ secret; ed25519 signs v1a with a whsk_ secret key that never leaves Hookline (receivers verify with its whpk_ public key) */
                            signatureAlgorithm: "hmac-sha256" | "ed25519";
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/endpoints/{endpointId}/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a realistic sample of a canonical event to the endpoint now and return the attempt
         * @description Rendered in the endpoint's format and signed with its keys; recorded as a test attempt (test: true), apart from real deliveries. `overrides` is merged into the catalog sample (JSON Merge Patch).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SimulateRequest"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Simulation"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unknown_format` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unknown_format";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/endpoints/{endpointId}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's attempts per bucket by outcome with latency percentiles */
        get: {
            parameters: {
                query?: {
                    /** @description Bucket size; default 1m */
                    bucket?: "1m" | "1h";
                    /** @description Default: 1 hour before `until` (bucket 1m), 7 days before (bucket 1h) */
                    since?: string;
                    /** @description Default: now */
                    until?: string;
                };
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            bucket: "1m" | "1h";
                            endpointId: string;
                            /** @description One point per bucket in [since, until), zeros where nothing was attempted */
                            series: {
                                /** @description Attempts made */
                                attempts: number;
                                /** @description Failed attempts that were the delivery’s last */
                                failed: number;
                                /** @description Median attempt duration, from the rollups’ latency histogram */
                                latencyP50Ms: number | null;
                                latencyP95Ms: number | null;
                                /** @description Failed attempts with another one to come */
                                retrying: number;
                                start: string;
                                /** @description Attempts that succeeded */
                                succeeded: number;
                                /** @description succeeded / attempts; null without attempts */
                                successRate: number | null;
                            }[];
                            /** Format: date-time */
                            since: string;
                            totals: {
                                /** @description Attempts made */
                                attempts: number;
                                /** @description Failed attempts that were the delivery’s last */
                                failed: number;
                                /** @description Median attempt duration, from the rollups’ latency histogram */
                                latencyP50Ms: number | null;
                                latencyP95Ms: number | null;
                                /** @description Failed attempts with another one to come */
                                retrying: number;
                                /** @description Attempts that succeeded */
                                succeeded: number;
                                /** @description succeeded / attempts; null without attempts */
                                successRate: number | null;
                            };
                            /** Format: date-time */
                            until: string;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/endpoints/{endpointId}/test-attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the endpoint's test attempts (simulator), newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Attempt"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/endpoints/{endpointId}/verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Switch the endpoint's deliveries to a bin for a set time, or until stopped */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["VerificationStart"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Endpoint"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `verification_running`, `bin_limit_reached` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "verification_running" | "bin_limit_reached";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        /** Stop a verification now: the endpoint goes back to its URL, held deliveries go */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    endpointId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Endpoint"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Publish a catalog event (message.received, message.status, ...); a 400 names the failing field */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                    /** @description W3C Trace Context of the producer's span: carried to the deliveries' requests (unless the endpoint sets propagateTraceContext false), and the parent of Hookline's ingest span when tracing is on. An invalid one is ignored. */
                    traceparent?: string;
                };
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description The event, checked against its type's schema; 64-bit integers kept exact */
                        data?: unknown;
                        /** @description Same as type (the messages API spelling) */
                        eventType?: string;
                        idempotencyKey?: string;
                        /** @description Per-key endpoints deliver messages with the same key one at a time, in acceptance order. Default: derived from the event (a message’s token for its statuses, the user for inbound messages and subscriptions) */
                        orderingKey?: string;
                        /** @description Same as data (the messages API spelling) */
                        payload?: unknown;
                        /** @description A catalog event type, e.g. message.status */
                        type?: string;
                        /** @description Deliver to this endpoint only (business-messaging webhook_id) */
                        webhookId?: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `idempotency_conflict` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "idempotency_conflict";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/instance-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The app's Chat-API instance settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Chat-API instance switches (page 003, "Additional Webhook Settings"); a switch left out is unset (off unless an endpoint sets it) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ackNotificationsOn?: boolean;
                            chatUpdateOn?: boolean;
                            guaranteedHooks?: boolean;
                            parallelHooks?: boolean;
                            statusNotificationsOn?: boolean;
                            videoUploadOn?: boolean;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        /** Replace the app's Chat-API instance settings */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            /** @description Chat-API instance switches (page 003, "Additional Webhook Settings"); a switch left out is unset (off unless an endpoint sets it) */
            requestBody: {
                content: {
                    "application/json": {
                        ackNotificationsOn?: boolean;
                        chatUpdateOn?: boolean;
                        guaranteedHooks?: boolean;
                        parallelHooks?: boolean;
                        statusNotificationsOn?: boolean;
                        videoUploadOn?: boolean;
                    };
                };
            };
            responses: {
                /** @description Chat-API instance switches (page 003, "Additional Webhook Settings"); a switch left out is unset (off unless an endpoint sets it) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ackNotificationsOn?: boolean;
                            chatUpdateOn?: boolean;
                            guaranteedHooks?: boolean;
                            parallelHooks?: boolean;
                            statusNotificationsOn?: boolean;
                            videoUploadOn?: boolean;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/messages": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List messages, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    /** @description An event type, or a `prefix.*` wildcard as in endpoint filters */
                    eventType?: string;
                    limit?: number;
                    since?: string;
                    until?: string;
                };
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Message"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /**
         * Accept a message: stored with a delivery per matching endpoint in one transaction
         * @description An Idempotency-Key header (or idempotencyKey field) seen within 24 h with the same request returns the original message (200) with its original delivery count, and creates nothing; with another eventType, payload, endpointId or orderingKey it is a 409 idempotency_conflict.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "idempotency-key"?: string;
                    /** @description W3C Trace Context of the producer's span: carried to the deliveries' requests (unless the endpoint sets propagateTraceContext false), and the parent of Hookline's ingest span when tracing is on. An invalid one is ignored. */
                    traceparent?: string;
                };
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MessageCreate"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `idempotency_conflict` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "idempotency_conflict";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/messages/{messageId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a message */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Message"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/messages/{messageId}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a message's attempts, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    appId: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Attempt"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/messages/{messageId}/replay": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a past message to one endpoint of the app (even one created after it)
         * @description Creates a new delivery of the message to the endpoint (202). The same replay again within the idempotency window (24 h), or while an earlier delivery of the message to that endpoint is still on its way, answers that delivery (200) and sends nothing more.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                    messageId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description an endpoint of the app */
                        endpointId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delivery"];
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Delivery"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_expired`, `bin_expired` */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_expired" | "bin_expired";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/messages/batch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept up to 1000 messages in one request
         * @description Each item is a POST /messages body (idempotencyKey per item). Nothing is written unless every item is valid. The answer lists the messages in request order; idempotentReplayed marks an item whose key was seen within 24 h with the same request; a key reused for another message is a 409 idempotency_conflict naming the item, and nothing is written.
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description W3C Trace Context of the producer's span: carried to the deliveries' requests (unless the endpoint sets propagateTraceContext false), and the parent of Hookline's ingest span when tracing is on. An invalid one is ignored. */
                    traceparent?: string;
                };
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        messages: components["schemas"]["MessageCreate"][];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: (components["schemas"]["Message"] & {
                                deliveries: number;
                                idempotentReplayed: boolean;
                            })[];
                        };
                    };
                };
                /** @description Default Response */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: (components["schemas"]["Message"] & {
                                deliveries: number;
                                idempotentReplayed: boolean;
                            })[];
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `idempotency_conflict` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "idempotency_conflict";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/portal-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a portal session for the app: a one-time link to the console's portal
         * @description The link (`<public URL>/portal#<token>`) can be exchanged once, within HOOKLINE_PORTAL_LINK_TTL_MS (10 min by default), for a session credential scoped to this app (POST /api/v1/portal/session).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description How long the session lasts once opened; HOOKLINE_PORTAL_SESSION_TTL_MS by default */
                        sessionTtlMs?: number;
                        theme?: {
                            /** @description an https URL */
                            logoUrl?: string;
                            mode?: "light" | "dark";
                            /** @description e.g. `#0a7cff` */
                            primaryColor?: string;
                        };
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            /** @description The session's id */
                            id: string;
                            /** @description The link cannot be exchanged after this */
                            linkExpiresAt: string;
                            sessionTtlMs: number;
                            theme: {
                                /** @description an https URL */
                                logoUrl?: string;
                                mode?: "light" | "dark";
                                /** @description e.g. `#0a7cff` */
                                primaryColor?: string;
                            };
                            /** @description The link's one-time token (the URL's fragment) */
                            token: string;
                            /** @description `<public URL>/portal#<token>`: opens the session, once */
                            url: string;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        /** End every portal session of the app, and its links not used yet */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ended: number;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Attempts per bucket by outcome with latency percentiles, the backlog now and the failing endpoints */
        get: {
            parameters: {
                query?: {
                    /** @description Bucket size; default 1m */
                    bucket?: "1m" | "1h";
                    /** @description Default: 1 hour before `until` (bucket 1m), 7 days before (bucket 1h) */
                    since?: string;
                    /** @description Default: now */
                    until?: string;
                };
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            /** @description Deliveries not yet finished, now (not bounded by since/until) */
                            backlog: {
                                /** @description Being sent now */
                                delivering: number;
                                /** @description Waiting: due, for a retry, or parked */
                                pending: number;
                            };
                            bucket: "1m" | "1h";
                            /** @description Endpoints failing since their last success, most failures first (at most 20) */
                            failingEndpoints: {
                                consecutiveFailures: number;
                                description: string;
                                disabled: boolean;
                                failingSince: string | null;
                                id: string;
                                lastError: {
                                    at: string;
                                    /** @description timeout, connection, dns, status, tls or blocked */
                                    kind: string | null;
                                    message: string;
                                    statusCode: number | null;
                                } | null;
                                url: string;
                            }[];
                            /** @description One point per bucket in [since, until), zeros where nothing was attempted */
                            series: {
                                /** @description Attempts made */
                                attempts: number;
                                /** @description Failed attempts that were the delivery’s last */
                                failed: number;
                                /** @description Median attempt duration, from the rollups’ latency histogram */
                                latencyP50Ms: number | null;
                                latencyP95Ms: number | null;
                                /** @description Failed attempts with another one to come */
                                retrying: number;
                                start: string;
                                /** @description Attempts that succeeded */
                                succeeded: number;
                                /** @description succeeded / attempts; null without attempts */
                                successRate: number | null;
                            }[];
                            /** Format: date-time */
                            since: string;
                            totals: {
                                /** @description Attempts made */
                                attempts: number;
                                /** @description Failed attempts that were the delivery’s last */
                                failed: number;
                                /** @description Median attempt duration, from the rollups’ latency histogram */
                                latencyP50Ms: number | null;
                                latencyP95Ms: number | null;
                                /** @description Failed attempts with another one to come */
                                retrying: number;
                                /** @description Attempts that succeeded */
                                succeeded: number;
                                /** @description succeeded / attempts; null without attempts */
                                successRate: number | null;
                            };
                            /** Format: date-time */
                            until: string;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/test-endpoint": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Create a bin and an endpoint that delivers to it
         * @description The endpoint gets the given format (default standard), retry policy `single`, and a new signing secret returned once. Requests it receives are captured by the bin and verified there.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["TestEndpointRequest"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["TestEndpoint"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `bin_limit_reached` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "bin_limit_reached";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/apps/{appId}/viber-token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get the app's Viber auth token (null until issued) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            /** @description X-Viber-Auth-Token for /pa/*; also keys X-Viber-Content-Signature of viber-format deliveries. */
                            viberAuthToken: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Issue a new Viber auth token; the previous one stops working at once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    appId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            /** @description X-Viber-Auth-Token for /pa/*; also keys X-Viber-Content-Signature of viber-format deliveries. */
                            viberAuthToken: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List bins, newest first (an app key sees its own) */
        get: {
            parameters: {
                query?: {
                    /** @description Admin only: one app's bins */
                    appId?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Bin"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a bin: a URL that captures any request sent to it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BinCreate"];
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Bin"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `bin_limit_reached` */
                409: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "bin_limit_reached";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bins/{binId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a bin */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    binId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Bin"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a bin and its requests; live streams end */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    binId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change what a bin answers, how many requests it keeps, or when it expires */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    binId: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BinPatch"];
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Bin"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/api/v1/bins/{binId}/requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List captured requests, newest first */
        get: {
            parameters: {
                query?: {
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    binId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["BinRequest"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete every captured request of the bin */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    binId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            deleted: number;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bins/{binId}/requests/{requestId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a captured request, with whether Hookline signed it and which scheme
         * @description The signature is checked against the keys of every endpoint whose URL points at this bin.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    binId: string;
                    requestId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BinRequestDetail"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a captured request */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    binId: string;
                    requestId: number;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/bins/{binId}/stream": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Live stream of captured requests (text/event-stream)
         * @description Events: `ready`, then `request` per capture (id = request id; reconnect with Last-Event-ID to miss nothing), and `deleted` or `expired` before the stream ends.
         */
        get: {
            parameters: {
                query?: {
                    /** @description Send requests after this id first (default: only new ones; Last-Event-ID wins) */
                    after?: number;
                };
                header?: {
                    /** @description Resume after this request id */
                    "last-event-id"?: string;
                };
                path: {
                    binId: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Server-sent events until the bin is deleted or expires */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/event-stream": string;
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_expired`, `bin_expired` */
                410: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_expired" | "bin_expired";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/egress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The addresses deliveries leave from, for receivers to allow-list */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Addresses or CIDRs deliveries leave from (HOOKLINE_EGRESS_ADDRESSES), for receivers to allow-list; empty when the operator declared none */
                            addresses: string[];
                            /** @description Deliveries go through the HTTP CONNECT proxy HOOKLINE_EGRESS_PROXY */
                            proxied: boolean;
                        };
                    };
                };
                /** @description Error: `unauthorized`, `portal_link_invalid` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized" | "portal_link_invalid";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/event-catalog": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every catalog event with its JSON schema and a sample */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["EventCatalog"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/formats/compose/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Preview a compose template: the request it would send (unsigned) for a sample or given event */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Event data; the catalog sample of eventType when absent */
                        data?: unknown;
                        /** @description Used when the template has no url */
                        endpointUrl?: string;
                        /** @description Catalog event type; message.status by default */
                        eventType?: string;
                        sendName?: boolean;
                        sendPhoto?: boolean;
                        /** @description A compose template: {url, method, headers, body, bodyFormat} */
                        template: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ComposePreview"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/portal/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The portal session calling: its app and theming (portal credential only) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            appName: string;
                            expiresAt: string;
                            id: string;
                            theme: {
                                /** @description an https URL */
                                logoUrl?: string;
                                mode?: "light" | "dark";
                                /** @description e.g. `#0a7cff` */
                                primaryColor?: string;
                            };
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Exchange a portal link's token for a session credential (works once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            appId: string;
                            appName: string;
                            expiresAt: string;
                            id: string;
                            theme: {
                                /** @description an https URL */
                                logoUrl?: string;
                                mode?: "light" | "dark";
                                /** @description e.g. `#0a7cff` */
                                primaryColor?: string;
                            };
                        } & {
                            /** @description The session credential, shown once: send it as `Authorization: Bearer <token>` */
                            token: string;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_link_invalid` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_link_invalid";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        /** End the portal session calling (sign out) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/purge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Delete settled messages created before a time (bounded per call; repeat) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description Settled messages created before this time go, with their deliveries, attempts, idempotency keys and webhook_id mappings; so do older stats rollups and recover runs. Not in the future.
                         */
                        before: string;
                        /** @description The `cursor` of the previous answer, to continue the same purge */
                        cursor?: string;
                        /**
                         * @description Messages looked at by this request, in steps of at most 200
                         * @default 5000
                         */
                        limit?: number;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            before: string;
                            cursor: string | null;
                            deliveries: number;
                            /** @description false: more remains; send the same request with `cursor` */
                            done: boolean;
                            /** @description Stats rollups, recover and replay runs and simulator test attempts deleted */
                            history: number;
                            messages: number;
                            /** @description SQLite pages given back to the file system (incremental auto-vacuum) */
                            pagesReclaimed: number;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `admin_required`, `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "admin_required" | "portal_forbidden";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `rate_limited` */
                429: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "rate_limited";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness and store reachability */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            role: string;
                            /** @enum {string} */
                            status: "ok";
                            store: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            role: string;
                            /** @enum {string} */
                            status: "unavailable";
                            store: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pa/get_account_info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Viber get_account_info: the app and its webhook with its event types */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/pa/set_webhook": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Viber set_webhook: validate the URL with a signed webhook callback, then save it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: 503 while shutting down, before migrations, or while the store cannot write
         * @description For load balancers and orchestrators: 200 when this node should take traffic. 503 names the reason: shutting_down, store_unavailable, not_migrated, or storage_full (the store cannot write; writes answer 507 meanwhile). /healthz stays the liveness check.
         */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            role: string;
                            /** @enum {string} */
                            status: "ready";
                            store: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            reason: "shutting_down" | "store_unavailable" | "not_migrated" | "storage_full";
                            role: string;
                            /** @enum {string} */
                            status: "unavailable";
                            store: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/integrations/webhook/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the app's bot connections */
        get: {
            parameters: {
                query?: {
                    /** @description With the admin token: the app whose connections to use */
                    appId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ConnectionSummary"][];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized`, `portal_link_invalid` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized" | "portal_link_invalid";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `admin_required`, `app_key_required`, `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "admin_required" | "app_key_required" | "portal_forbidden";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        /** Create a connection; the receiver must pass the verification handshake first */
        post: {
            parameters: {
                query?: {
                    /** @description With the admin token: the app whose connections to use */
                    appId?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        auth?: {
                            password: string;
                            username: string;
                        };
                        headers?: {
                            [key: string]: string;
                        };
                        name: string;
                        storyId: string;
                        storyName?: string;
                        timeoutMs?: number;
                        token?: string;
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            status: {
                                /** @enum {number} */
                                code: 201;
                                /** @enum {string} */
                                type: "created";
                            };
                            /** Format: date-time */
                            timestamp: string;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json`, `verification_wrong_body`, `verification_status`, `verification_timeout`, `verification_unreachable` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "verification_wrong_body" | "verification_status" | "verification_timeout" | "verification_unreachable";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized`, `portal_link_invalid` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized" | "portal_link_invalid";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `admin_required`, `app_key_required`, `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "admin_required" | "app_key_required" | "portal_forbidden";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/integrations/webhook/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a connection */
        get: {
            parameters: {
                query?: {
                    /** @description With the admin token: the app whose connections to use */
                    appId?: string;
                };
                header?: never;
                path: {
                    /** @description 24 hex characters */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Connection"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized`, `portal_link_invalid` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized" | "portal_link_invalid";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `admin_required`, `app_key_required`, `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "admin_required" | "app_key_required" | "portal_forbidden";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        /** Replace a connection's settings; a new URL or token is verified again */
        put: {
            parameters: {
                query?: {
                    /** @description With the admin token: the app whose connections to use */
                    appId?: string;
                };
                header?: never;
                path: {
                    /** @description 24 hex characters */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        auth?: {
                            password: string;
                            username: string;
                        };
                        headers?: {
                            [key: string]: string;
                        };
                        name: string;
                        storyName?: string;
                        timeoutMs?: number;
                        token?: string;
                        url: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: {
                                /** @enum {number} */
                                code: 200;
                                /** @enum {string} */
                                type: "success";
                            };
                            /** Format: date-time */
                            timestamp: string;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json`, `verification_wrong_body`, `verification_status`, `verification_timeout`, `verification_unreachable` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json" | "verification_wrong_body" | "verification_status" | "verification_timeout" | "verification_unreachable";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized`, `portal_link_invalid` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized" | "portal_link_invalid";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `admin_required`, `app_key_required`, `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "admin_required" | "app_key_required" | "portal_forbidden";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a connection and its invocation history */
        delete: {
            parameters: {
                query?: {
                    /** @description With the admin token: the app whose connections to use */
                    appId?: string;
                };
                header?: never;
                path: {
                    /** @description 24 hex characters */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: {
                                /** @enum {number} */
                                code: 200;
                                /** @enum {string} */
                                type: "success";
                            };
                            /** Format: date-time */
                            timestamp: string;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized`, `portal_link_invalid` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized" | "portal_link_invalid";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `admin_required`, `app_key_required`, `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "admin_required" | "app_key_required" | "portal_forbidden";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/integrations/webhook/{id}/invocations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the connection's invocations, newest first */
        get: {
            parameters: {
                query?: {
                    /** @description With the admin token: the app whose connections to use */
                    appId?: string;
                    cursor?: string;
                    limit?: number;
                };
                header?: never;
                path: {
                    /** @description 24 hex characters */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Invocation"][];
                            nextCursor: string | null;
                        };
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized`, `portal_link_invalid` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized" | "portal_link_invalid";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `admin_required`, `app_key_required`, `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "admin_required" | "app_key_required" | "portal_forbidden";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/integrations/webhook/{id}/invoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST the chat context to the receiver and return its validated, normalised reply
         * @description Receiver failures answer 422 with a code: reply_invalid, reply_not_json, reply_too_large, receiver_status, receiver_unreachable, reply_timeout. Each sets the connection's error; a success clears it.
         */
        post: {
            parameters: {
                query?: {
                    /** @description With the admin token: the app whose connections to use */
                    appId?: string;
                };
                header?: never;
                path: {
                    /** @description 24 hex characters */
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        attributes?: {
                            [key: string]: unknown;
                        };
                        chatId: string;
                        externalId?: string;
                        messageId: string;
                        node?: {
                            id?: string;
                            name?: string;
                            /** @enum {string} */
                            type?: "WEBHOOK";
                            webhookId?: string;
                            webhookName?: string;
                        };
                        userAttributes?: {
                            [key: string]: unknown;
                        };
                        userId: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["InvokeResult"];
                    };
                };
                /** @description Error: `invalid_request`, `invalid_json` */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "invalid_request" | "invalid_json";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unauthorized`, `portal_link_invalid` */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unauthorized" | "portal_link_invalid";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `admin_required`, `app_key_required`, `portal_forbidden` */
                403: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "admin_required" | "app_key_required" | "portal_forbidden";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `not_found` */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "not_found";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `payload_too_large` */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "payload_too_large";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `unsupported_media_type` */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `reply_invalid`, `reply_not_json`, `reply_too_large`, `receiver_status`, `receiver_unreachable`, `reply_timeout` */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "reply_invalid" | "reply_not_json" | "reply_too_large" | "receiver_status" | "receiver_unreachable" | "reply_timeout";
                            details: {
                                field?: string;
                                /** @description The rule that was broken, e.g. "1-20 characters" */
                                limit?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `internal` */
                500: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "internal";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `store_unavailable` */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "store_unavailable";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
                /** @description Error: `storage_full` */
                507: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            code: "storage_full";
                            details: {
                                field?: string;
                                message: string;
                            }[];
                            message: string;
                        };
                    };
                };
            };
        };
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
        App: {
            createdAt: string;
            id: string;
            metadata: {
                [key: string]: string;
            };
            name: string;
            /** @description A unique name of your choosing (`a-z A-Z 0-9 - _ .`, not starting with `app_`); the Svix-compatible API takes it in place of the id */
            uid: string | null;
            updatedAt: string;
        };
        AppCreate: {
            metadata?: {
                [key: string]: string;
            };
            name: string;
            /** @description A unique name of your choosing (`a-z A-Z 0-9 - _ .`, not starting with `app_`); the Svix-compatible API takes it in place of the id */
            uid?: string | null;
        };
        AppCreated: components["schemas"]["App"] & {
            /** @description Shown once: only its hash is stored. */
            apiKey: string;
        };
        AppPatch: {
            metadata?: {
                [key: string]: string;
            };
            name?: string;
            /** @description A unique name of your choosing (`a-z A-Z 0-9 - _ .`, not starting with `app_`); the Svix-compatible API takes it in place of the id; null removes it */
            uid?: string | null;
        };
        Attempt: {
            at: string;
            deliveryId: number | null;
            durationMs: number;
            endpointId: string;
            errorKind: ("timeout" | "connection" | "dns" | "status" | "tls" | "blocked") | null;
            errorMessage: string | null;
            id: number;
            messageId: string;
            /** @description The headers sent; Authorization and credential-named headers redacted */
            requestHeaders: {
                [key: string]: string;
            };
            responseBody: string;
            responseHeaders: {
                [key: string]: string;
            };
            statusCode: number | null;
            test: boolean;
        };
        Bin: {
            appId: string | null;
            createdAt: string;
            expired: boolean;
            expiresAt: string;
            id: string;
            requestCount: number;
            /** @description Requests kept; the oldest are dropped past it (default 500) */
            requestLimit: number;
            /** @description Body of that answer (default empty) */
            responseBody: string;
            /** @description Its content type (default text/plain; charset=utf-8) */
            responseContentType: string;
            /** @description Wait before answering, up to 30 s (default 0) */
            responseDelayMs: number;
            /** @description Status every capture is answered with (default 200) */
            responseStatus: number;
            /** @description The public capture URL; any method and any path below it is captured */
            url: string;
        };
        BinCreate: {
            /** @description Owning app; an app key always creates bins for its own app */
            appId?: string;
            /** @description Lifetime from now; then the URL answers 410 (default 7 days) */
            expiresInSeconds?: number;
            /** @description Requests kept; the oldest are dropped past it (default 500) */
            requestLimit?: number;
            /** @description Body of that answer (default empty) */
            responseBody?: string;
            /** @description Its content type (default text/plain; charset=utf-8) */
            responseContentType?: string;
            /** @description Wait before answering, up to 30 s (default 0) */
            responseDelayMs?: number;
            /** @description Status every capture is answered with (default 200) */
            responseStatus?: number;
        };
        BinPatch: {
            /** @description Lifetime from now; then the URL answers 410 (default 7 days) */
            expiresInSeconds?: number;
            /** @description Requests kept; the oldest are dropped past it (default 500) */
            requestLimit?: number;
            /** @description Body of that answer (default empty) */
            responseBody?: string;
            /** @description Its content type (default text/plain; charset=utf-8) */
            responseContentType?: string;
            /** @description Wait before answering, up to 30 s (default 0) */
            responseDelayMs?: number;
            /** @description Status every capture is answered with (default 200) */
            responseStatus?: number;
        };
        BinRequest: {
            binId: string;
            body: string;
            bodyEncoding: "utf8" | "base64";
            bodySize: number;
            bodyTruncated: boolean;
            /** @description Best guess from the body; null when unknown */
            eventType: string | null;
            /** @description Name/value pairs as received, repeats kept */
            headers: string[][];
            id: number;
            method: string;
            path: string;
            query: string;
            receivedAt: string;
            remoteAddress: string;
            subpath: string;
        };
        BinRequestDetail: components["schemas"]["BinRequest"] & {
            verification: components["schemas"]["SignatureCheck"];
        };
        ComposePreview: {
            /** @description The event data the template was rendered with */
            data: unknown;
            eventType: string;
            request: {
                body: string | null;
                headers: {
                    [key: string]: string;
                };
                method: string;
                url: string;
            };
        };
        Connection: {
            auth: {
                password: string;
                username: string;
            } | null;
            /** Format: date-time */
            createdAt: string;
            /** @description The last invocation failure, in words; null while healthy */
            error: string | null;
            headers: {
                [key: string]: string;
            } | null;
            id: string;
            name: string;
            story: {
                id: string;
                /** @description The story name given with storyName; its id until then */
                name: string;
            };
            timeoutMs: number | null;
            token: string | null;
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        ConnectionSummary: {
            /** Format: date-time */
            createdAt: string;
            /** @description The last invocation failure, in words; false while healthy */
            error: string | false;
            id: string;
            name: string;
            story: {
                id: string;
                /** @description The story name given with storyName; its id until then */
                name: string;
            };
            /** Format: date-time */
            updatedAt: string;
            url: string;
        };
        Delivery: {
            appId: string;
            attempts: number;
            createdAt: string;
            endpointId: string;
            id: number;
            lastError: string | null;
            lastStatus: number | null;
            messageId: string;
            nextAttemptAt: string | null;
            /** @description held: kept unsent while its endpoint is disabled; sent only when asked (enable with sendHeld, or recover with state held) */
            state: "pending" | "delivering" | "succeeded" | "failed" | "held";
            updatedAt: string;
        };
        Endpoint: {
            appId: string;
            createdAt: string;
            description: string;
            disabled: boolean;
            /** @description When it was disabled; null while enabled */
            disabledAt: string | null;
            /** @description Why it is disabled: gone (its receiver answered 410 Gone), failing (no success for HOOKLINE_DISABLE_AFTER), manual (switched off through the API or console); null while enabled */
            disabledReason: ("gone" | "failing" | "manual") | null;
            filter: {
                [key: string]: unknown;
            } | null;
            filterTypes: string[] | null;
            format: string;
            formatOptions: {
                [key: string]: unknown;
            };
            /** @description Extra request headers: token-character names, values without control characters */
            headers: {
                [key: string]: string;
            };
            /** @description Rolling figures, kept as attempt results are committed */
            health?: {
                /** @description Failed attempts since the last success */
                consecutiveFailures: number;
                /** @description The first failure after the last success; null while healthy */
                failingSince: string | null;
                lastDay: {
                    /** @description Attempts made */
                    attempts: number;
                    /** @description Failed attempts that were the delivery’s last */
                    failed: number;
                    /** @description Median attempt duration, from the rollups’ latency histogram */
                    latencyP50Ms: number | null;
                    latencyP95Ms: number | null;
                    /** @description Failed attempts with another one to come */
                    retrying: number;
                    /** @description Attempts that succeeded */
                    succeeded: number;
                    /** @description succeeded / attempts; null without attempts */
                    successRate: number | null;
                };
                lastError: {
                    at: string;
                    /** @description timeout, connection, dns, status, tls or blocked */
                    kind: string | null;
                    message: string;
                    statusCode: number | null;
                } | null;
                lastHour: {
                    /** @description Attempts made */
                    attempts: number;
                    /** @description Failed attempts that were the delivery’s last */
                    failed: number;
                    /** @description Median attempt duration, from the rollups’ latency histogram */
                    latencyP50Ms: number | null;
                    latencyP95Ms: number | null;
                    /** @description Failed attempts with another one to come */
                    retrying: number;
                    /** @description Attempts that succeeded */
                    succeeded: number;
                    /** @description succeeded / attempts; null without attempts */
                    successRate: number | null;
                };
                lastSuccessAt: string | null;
            };
            id: string;
            maxConcurrency: number;
            metadata: {
                [key: string]: string;
            };
            /** @description parallel: no order; serial: one delivery at a time for the whole endpoint; per-key: one at a time per ordering key, keys in parallel up to maxConcurrency */
            ordering: "parallel" | "serial" | "per-key";
            orderingKeyPath: string | null;
            /** @description Requests carry the W3C `traceparent` of the message's trace (the producer's, continued by Hookline's spans when tracing is on); false sends none. Default true */
            propagateTraceContext: boolean;
            rateLimit: number | null;
            retryPolicy: components["schemas"]["RetryPolicy"];
            /** @description hmac-sha256 signs Standard Webhooks v1 with a shared whsec_ secret; ed25519 signs v1a with a whsk_ secret key that never leaves Hookline (receivers verify with its whpk_ public key) */
            signatureAlgorithm: "hmac-sha256" | "ed25519";
            timeoutMs: number | null;
            updatedAt: string;
            url: string;
            verification: components["schemas"]["EndpointVerification"] | null;
        };
        EndpointCreate: {
            description?: string;
            disabled?: boolean;
            filter?: {
                [key: string]: unknown;
            } | null;
            filterTypes?: string[] | null;
            format?: string;
            formatOptions?: {
                [key: string]: unknown;
            };
            /** @description Extra request headers: token-character names, values without control characters */
            headers?: {
                [key: string]: string;
            };
            maxConcurrency?: number;
            metadata?: {
                [key: string]: string;
            };
            /** @description parallel: no order; serial: one delivery at a time for the whole endpoint; per-key: one at a time per ordering key, keys in parallel up to maxConcurrency */
            ordering?: "parallel" | "serial" | "per-key";
            orderingKeyPath?: string | null;
            /** @description Requests carry the W3C `traceparent` of the message's trace (the producer's, continued by Hookline's spans when tracing is on); false sends none. Default true */
            propagateTraceContext?: boolean;
            rateLimit?: number | null;
            retryPolicy?: components["schemas"]["RetryPolicy"];
            /** @description whsec_ + base64 of 24–64 bytes (HMAC), or whsk_ + base64 of an ed25519 secret key; generated when omitted */
            secret?: string;
            /** @description hmac-sha256 signs Standard Webhooks v1 with a shared whsec_ secret; ed25519 signs v1a with a whsk_ secret key that never leaves Hookline (receivers verify with its whpk_ public key) */
            signatureAlgorithm?: "hmac-sha256" | "ed25519";
            timeoutMs?: number | null;
            url: string;
        };
        EndpointCreated: components["schemas"]["Endpoint"] & {
            /** @description ed25519: the whpk_ public key; the whsk_ secret key is never shown */
            publicKey?: string;
            /** @description hmac-sha256: the whsec_ secret, shown to the receiver */
            secret?: string;
        };
        EndpointPatch: {
            description?: string;
            disabled?: boolean;
            filter?: {
                [key: string]: unknown;
            } | null;
            filterTypes?: string[] | null;
            format?: string;
            formatOptions?: {
                [key: string]: unknown;
            };
            /** @description Extra request headers: token-character names, values without control characters */
            headers?: {
                [key: string]: string;
            };
            maxConcurrency?: number;
            metadata?: {
                [key: string]: string;
            };
            /** @description parallel: no order; serial: one delivery at a time for the whole endpoint; per-key: one at a time per ordering key, keys in parallel up to maxConcurrency */
            ordering?: "parallel" | "serial" | "per-key";
            orderingKeyPath?: string | null;
            /** @description Requests carry the W3C `traceparent` of the message's trace (the producer's, continued by Hookline's spans when tracing is on); false sends none. Default true */
            propagateTraceContext?: boolean;
            rateLimit?: number | null;
            retryPolicy?: components["schemas"]["RetryPolicy"];
            /** @description With the endpoint enabled (e.g. `disabled: false`): send the deliveries held while it was disabled (as recover with state held, at most 1000 per call; the same request again continues). Default false: they stay held */
            sendHeld?: boolean;
            timeoutMs?: number | null;
            url?: string;
        };
        EndpointPatched: components["schemas"]["Endpoint"] & {
            heldSent?: {
                /** @description false: more deliveries match; send the same request again to continue */
                done: boolean;
                /** @description deliveries re-queued by this call */
                requeued: number;
                /** @description by every call of the same request so far */
                requeuedTotal: number;
                /** @description the end of the window, fixed by the first call */
                until: string;
            };
        };
        EndpointSecrets: {
            secrets: {
                createdAt: string;
                expiresAt: string | null;
                /** @description ed25519: the whpk_ public key; the whsk_ secret key is never shown */
                publicKey?: string;
                /** @description hmac-sha256: the whsec_ secret, shown to the receiver */
                secret?: string;
                /** @description hmac-sha256 signs Standard Webhooks v1 with a shared whsec_ secret; ed25519 signs v1a with a whsk_ secret key that never leaves Hookline (receivers verify with its whpk_ public key) */
                signatureAlgorithm: "hmac-sha256" | "ed25519";
            }[];
        };
        /** @description Webhook verification: deliveries go to a bin until `until` */
        EndpointVerification: {
            binId: string;
            /** @description Where deliveries go while it runs */
            binUrl: string;
            startedAt: string;
            /** @description When the endpoint goes back to its URL by itself */
            until: string;
        };
        EventCatalog: {
            data: {
                description: string;
                /** @description A realistic example of the data */
                sample: unknown;
                /** @description The JSON schema of the event's data */
                schema: unknown;
                type: string;
            }[];
        };
        Invocation: {
            /** Format: date-time */
            at: string;
            connectionId: string;
            error: string | null;
            id: string;
            latencyMs: number;
            messageId: string | null;
            /** @description ok, or the error code the caller got */
            outcome: string;
            statusCode: number | null;
        };
        InvokeResult: {
            attributes: {
                [key: string]: unknown;
            };
            invocation: components["schemas"]["Invocation"];
            /** @description Normalised: defaults filled in, randomText picked as text */
            responses: unknown[];
        };
        Message: {
            appId: string;
            createdAt: string;
            endpointId: string | null;
            eventType: string;
            id: string;
            idempotencyKey: string | null;
            orderingKey: string | null;
            /** @description The payload as accepted; null once payload retention dropped it (see payloadDroppedAt) */
            payload: unknown;
            /** @description When payload retention (HOOKLINE_PAYLOAD_RETENTION_DAYS) dropped the payload; null while it is kept. The metadata, deliveries and attempts stay; the message cannot be sent again. */
            payloadDroppedAt: string | null;
        };
        MessageCreate: {
            /** @description Deliver to this endpoint only. */
            endpointId?: string;
            eventType: string;
            idempotencyKey?: string;
            /** @description Per-key endpoints deliver messages with the same key one at a time, in acceptance order. Default: derived from the event (a message’s token for its statuses, the user for inbound messages and subscriptions) */
            orderingKey?: string;
            /** @description Any JSON object; 64-bit integers are kept exact. */
            payload: unknown;
        };
        RecoverRequest: {
            /** @description at most this many deliveries per call (default 1000); when `done` is false, send the same request again to continue */
            limit?: number;
            /** Format: date-time */
            since: string;
            /** @description the states to send again; default ["failed"] */
            states?: ("failed" | "held" | "succeeded")[];
            /** Format: date-time */
            until?: string;
        };
        RetryPolicy: {
            preset: "standard" | "business" | "routee" | "chatapi-guaranteed" | "chatapi-single" | "custom" | "exponential" | "guaranteed" | "single";
            waitsMs?: number[];
        };
        SecretRotate: {
            /** @default 86400000 */
            graceMs: number;
            /** @description whsec_ + base64 of 24–64 bytes (HMAC), or whsk_ + base64 of an ed25519 secret key; generated when omitted */
            secret?: string;
            /** @description hmac-sha256 signs Standard Webhooks v1 with a shared whsec_ secret; ed25519 signs v1a with a whsk_ secret key that never leaves Hookline (receivers verify with its whpk_ public key) */
            signatureAlgorithm?: "hmac-sha256" | "ed25519";
        };
        SignatureCheck: {
            endpointId: string | null;
            key: ("current-secret" | "rotated-secret" | "viber-auth-token") | null;
            message: string;
            scheme: ("standard-webhooks" | "viber" | "hex-hmac") | null;
            signed: boolean;
            timestampSkewSeconds: number | null;
            verified: boolean;
        };
        SimulateRequest: {
            /** @description A canonical event type, e.g. message.received (GET /event-catalog lists them) */
            eventType: string;
            /** @description JSON object merged into the sample (JSON Merge Patch: null removes a field) */
            overrides?: unknown;
        };
        Simulation: {
            attempt: components["schemas"]["Attempt"] | null;
            eventType: string;
            matchesFilter: boolean;
            messageId: string;
            reason: string | null;
            request: {
                body: string | null;
                headers: {
                    [key: string]: string;
                };
                method: string;
                url: string;
            } | null;
            sent: boolean;
        };
        TestEndpoint: {
            bin: components["schemas"]["Bin"];
            endpoint: components["schemas"]["Endpoint"];
            /** @description The endpoint's signing secret, shown once */
            secret: string;
        };
        TestEndpointRequest: {
            bin?: {
                /** @description Lifetime from now; then the URL answers 410 (default 7 days) */
                expiresInSeconds?: number;
                /** @description Requests kept; the oldest are dropped past it (default 500) */
                requestLimit?: number;
                /** @description Body of that answer (default empty) */
                responseBody?: string;
                /** @description Its content type (default text/plain; charset=utf-8) */
                responseContentType?: string;
                /** @description Wait before answering, up to 30 s (default 0) */
                responseDelayMs?: number;
                /** @description Status every capture is answered with (default 200) */
                responseStatus?: number;
            };
            filterTypes?: string[] | null;
            /** @description Wire format of the endpoint (default standard) */
            format?: string;
            formatOptions?: {
                [key: string]: unknown;
            };
        };
        VerificationStart: {
            /** @description One of the app's bins; default: a new bin */
            binId?: string;
            /** @description How long; default: until stopped (at most until the bin expires) */
            durationSeconds?: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
