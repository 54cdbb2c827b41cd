// A local OpenID Connect provider (the npm package oidc-provider) for Postern's end-to-end tests.
//
//   node server.mjs [--port N] [--clients FILE|JSON] [--extra-clients FILE|JSON] [--verbose]
//                   [--ignore-stdin] [--tls DIR]
//
// Listens on 127.0.0.1 only; the issuer is http://127.0.0.1:<port>. Once listening it prints one JSON
// line on stdout, e.g. {"issuer":"http://127.0.0.1:43123","port":43123}, and nothing else ever goes to
// stdout. It serves until SIGTERM/SIGINT or until its stdin reaches end-of-file, so a test that dies
// never leaves it behind (--ignore-stdin turns that off for runs by hand with stdin detached).
//
// --clients replaces the default clients below, --extra-clients adds to them; each takes a JSON file or
// inline JSON: an array of client metadata objects or an object with a "clients" array.
// --verbose prints oidc-provider's development notices and one line per request (method, path
// without query, status) on stderr. Token values and secrets are never printed.

import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import * as path from 'node:path';

import * as jose from 'jose';
import Provider, { errors } from 'oidc-provider';
// oidc-provider's own DPoP proof check, so that the JWT bearer grant binds tokens as its grants do.
import dpopValidate from 'oidc-provider/lib/helpers/validate_dpop.js';

const API_RESOURCE = 'urn:postern:api';
const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

const DEFAULT_CLIENTS = [
    {
        // Confidential, secret in the body. Native, so the loopback redirect may use any port; native
        // clients may also register a claimed https redirect on a non-loopback host.
        client_id: 'postern-web',
        client_secret: 'postern-web-secret',
        application_type: 'native',
        token_endpoint_auth_method: 'client_secret_post',
        redirect_uris: ['https://oauth.pstmn.io/v1/callback', 'http://127.0.0.1/callback'],
        // RP-Initiated Logout sends the browser back to the Callback URL.
        post_logout_redirect_uris: ['https://oauth.pstmn.io/v1/callback', 'http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
    },
    {
        // The same, registered for HTTP Basic client authentication.
        client_id: 'postern-basic',
        client_secret: 'postern-basic-secret',
        application_type: 'native',
        token_endpoint_auth_method: 'client_secret_basic',
        redirect_uris: ['https://oauth.pstmn.io/v1/callback', 'http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
    },
    {
        // Public: no secret, PKCE required.
        client_id: 'postern-public',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: ['https://oauth.pstmn.io/v1/callback', 'http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
    },
    {
        // Machine to machine: client credentials only, limited to api:read.
        client_id: 'postern-service',
        client_secret: 'postern-service-secret',
        token_endpoint_auth_method: 'client_secret_post',
        redirect_uris: [],
        grant_types: ['client_credentials'],
        response_types: [],
        scope: 'api:read',
    },
    {
        // A TV or a command line: the device authorization grant (RFC 8628), no secret.
        client_id: 'postern-device',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        redirect_uris: [],
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
        response_types: [],
    },
    {
        // The same for a confidential client, authenticating with HTTP Basic.
        client_id: 'postern-device-basic',
        client_secret: 'postern-device-basic-secret',
        application_type: 'native',
        token_endpoint_auth_method: 'client_secret_basic',
        redirect_uris: [],
        grant_types: ['urn:ietf:params:oauth:grant-type:device_code', 'refresh_token'],
        response_types: [],
    },
    {
        // A secret full of characters that form encoding must escape.
        client_id: 'postern-tricky',
        client_secret: 'a+b%2Fc&d=e f',
        application_type: 'native',
        token_endpoint_auth_method: 'client_secret_post',
        redirect_uris: ['https://oauth.pstmn.io/v1/callback', 'http://127.0.0.1/callback'],
        grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
        response_types: ['code'],
    },
];

const USAGE = 'usage: node server.mjs [--port N] [--clients FILE|JSON] [--extra-clients FILE|JSON]'
    + ' [--verbose] [--ignore-stdin] [--tls DIR]\n';

function usage(message) {
    process.stderr.write(`server.mjs: ${message}\n${USAGE}`);
    process.exit(2);
}

// An error for stderr: oidc-provider's errors by code and description, others by name and message.
function describe(err) {
    if (err.error) return err.error_description ? `${err.error} (${err.error_description})` : err.error;
    return `${err.name}: ${err.message}`;
}

function readClients(value, option) {
    let text = value.trim();
    if (!text.startsWith('[') && !text.startsWith('{')) {
        try {
            text = fs.readFileSync(value, 'utf8');
        } catch (err) {
            usage(`${option}: cannot read ${value}: ${err.message}`);
        }
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    } catch (err) {
        usage(`${option}: not JSON: ${err.message}`);
    }
    const list = Array.isArray(parsed) ? parsed : parsed?.clients;
    if (!Array.isArray(list)) usage(`${option}: expected an array of clients or {"clients": [...]}`);
    return list;
}

function parseArguments(argv) {
    const options = {
        port: 0, clients: DEFAULT_CLIENTS, extraClients: [], verbose: false, watchStdin: true, tls: '',
    };
    for (let i = 0; i < argv.length; i += 1) {
        const arg = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) usage(`${arg} needs a value`);
            i += 1;
            return argv[i];
        };
        switch (arg) {
            case '--port': {
                const text = value();
                const port = Number(text);
                if (!/^\d+$/.test(text) || port > 65535) usage(`--port: not a port number: ${text}`);
                options.port = port;
                break;
            }
            case '--clients': options.clients = readClients(value(), arg); break;
            case '--extra-clients': options.extraClients = readClients(value(), arg); break;
            case '--verbose': options.verbose = true; break;
            case '--ignore-stdin': options.watchStdin = false; break;
            case '--tls': options.tls = value(); break;
            case '--help': case '-h':
                process.stdout.write(USAGE);
                process.exit(0);
                break;
            default: usage(`unknown argument: ${arg}`);
        }
    }
    return options;
}

const options = parseArguments(process.argv.slice(2));

// stdout carries the single ready line. oidc-provider prints its development notices with
// console.info/console.warn: send them to stderr, and only when asked for.
const toStderr = (...args) => { if (options.verbose) console.error(...args); };
console.info = toStderr;
console.warn = toStderr;
console.log = toStderr;
// The 'plain' PKCE method is offered on purpose although deprecated upstream.
if (!options.verbose) process.noDeprecation = true;

function signingKeys() {
    const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
    const rsa = privateKey.export({ format: 'jwk' });
    const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' })
        .privateKey.export({ format: 'jwk' });
    return {
        keys: [
            { ...rsa, kid: 'rs256', use: 'sig', alg: 'RS256' },
            { ...ec, kid: 'es256', use: 'sig', alg: 'ES256' },
        ],
    };
}

function account(sub) {
    const name = sub.charAt(0).toUpperCase() + sub.slice(1);
    return {
        accountId: sub,
        async claims() {
            return {
                sub,
                name,
                preferred_username: sub,
                email: `${sub.replace(/[^A-Za-z0-9._-]/g, '_') || 'user'}@example.test`,
                email_verified: true,
            };
        },
    };
}

function escapeHtml(value) {
    return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function configuration() {
    return {
        clients: [...options.clients, ...options.extraClients],
        clientDefaults: {
            grant_types: ['authorization_code'],
            id_token_signed_response_alg: 'RS256',
            response_types: ['code'],
            token_endpoint_auth_method: 'client_secret_basic',
        },
        jwks: signingKeys(),
        cookies: { keys: [crypto.randomBytes(32).toString('base64url')] },
        // Authorization code only: no implicit or hybrid response types.
        responseTypes: ['code'],
        scopes: ['openid', 'offline_access', 'api:read'],
        claims: {
            openid: ['sub'],
            profile: ['name', 'preferred_username'],
            email: ['email', 'email_verified'],
        },
        async findAccount(ctx, sub) {
            return account(sub);
        },
        features: {
            devInteractions: { enabled: true },
            clientCredentials: { enabled: true },
            // RFC 8628; its pages (code entry, confirmation, success) are oidc-provider's own.
            deviceFlow: { enabled: true },
            revocation: { enabled: true },
            introspection: {
                enabled: true,
                // A public client may only introspect its own tokens.
                allowedPolicy(ctx, client, token) {
                    return client.clientAuthMethod !== 'none' || token.clientId === ctx.oidc.client.clientId;
                },
            },
            userinfo: { enabled: true },
            // RFC 9449, with a nonce demanded at every endpoint (FAPI 2.0 style): a client must answer
            // use_dpop_nonce with the DPoP-Nonce it was given.
            dPoP: { enabled: true, nonceSecret: crypto.randomBytes(32), requireNonce: () => true },
            // RFC 8705 certificate-bound tokens, for clients that register
            // tls_client_certificate_bound_access_tokens; the certificate is the TLS peer's (--tls).
            mTLS: {
                enabled: true,
                certificateBoundAccessTokens: true,
                getCertificate(ctx) {
                    const peer = ctx.socket.getPeerCertificate?.();
                    if (!peer || !peer.raw) return undefined;
                    const base64 = peer.raw.toString('base64').match(/.{1,64}/g).join('\n');
                    return `-----BEGIN CERTIFICATE-----\n${base64}\n-----END CERTIFICATE-----`;
                },
            },
            // Access tokens are opaque unless the token request names the resource urn:postern:api, which
            // gets RS256-signed JWT access tokens (RFC 9068) with scope api:read.
            resourceIndicators: {
                enabled: true,
                defaultResource: async (ctx, client, oneOf) => oneOf,
                useGrantedResource: async () => false,
                getResourceServerInfo: async (ctx, resourceIndicator) => {
                    if (resourceIndicator !== API_RESOURCE) throw new errors.InvalidTarget();
                    return {
                        scope: 'api:read',
                        audience: API_RESOURCE,
                        accessTokenTTL: 3600,
                        accessTokenFormat: 'jwt',
                        jwt: { sign: { alg: 'RS256' } },
                    };
                },
            },
        },
        pkce: {
            methods: ['S256', 'plain'],
            required: (ctx, client) => client.clientAuthMethod === 'none',
        },
        clientBasedCORS: () => false,
        ttl: {
            AccessToken: 3600,
            AuthorizationCode: 60,
            ClientCredentials: 3600,
            IdToken: 3600,
            RefreshToken: 24 * 60 * 60,
            Interaction: 60 * 60,
            Session: 24 * 60 * 60,
            Grant: 24 * 60 * 60,
            DeviceCode: 600,
            BackchannelAuthenticationRequest: 600,
        },
        async renderError(ctx, out) {
            ctx.type = 'html';
            const error = escapeHtml(out.error);
            const description = escapeHtml(out.error_description || '');
            ctx.body = `<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>${error}</title></head>`
                + `<body><h1>${error}</h1><p>${description}</p></body></html>\n`;
        },
    };
}

// The JWT bearer grant (RFC 7523 §2.1 and §3), which oidc-provider leaves to its grant type extension
// point: the assertion must be signed by a key of the client's registered "jwks", name the client as
// "iss", the token endpoint or the issuer as "aud", a subject, an expiry at most an hour away, and a
// "jti" not seen before. The access token is for the subject, with the scope asked for, and bound to
// the DPoP key when the request proves one.
function registerJwtBearer(provider) {
    // oidc-provider keeps an error's detail for its logs; the client is told why in error_description.
    const refused = (why) => Object.assign(new errors.InvalidGrant(), {
        error_description: `the assertion was refused: ${why}`,
    });
    const tokenEndpoint = provider.urlFor('token');
    provider.registerGrantType(JWT_BEARER, async (ctx) => {
        const { client, params } = ctx.oidc;
        if (!params.assertion) throw new errors.InvalidRequest("missing required parameter 'assertion'");
        // The proof first, as oidc-provider's grants do: a nonce demand must not use up the assertion.
        const dPoP = await dpopValidate(ctx);
        if (dPoP) {
            const fresh = await provider.ReplayDetection.unique(client.clientId, dPoP.jti, dPoP.iat + 300);
            if (!fresh) throw new errors.InvalidGrant('DPoP proof JWT Replay detected');
        }
        let payload;
        try {
            const keys = jose.createLocalJWKSet(client.jwks ?? { keys: [] });
            ({ payload } = await jose.jwtVerify(params.assertion, keys, {
                issuer: client.clientId,
                audience: [tokenEndpoint, provider.issuer],
                algorithms: ['RS256', 'PS256', 'ES256'],
                requiredClaims: ['sub', 'exp', 'jti'],
                clockTolerance: 5,
            }));
        } catch (err) {
            throw refused(`${err.code || err.name}: ${err.message}`);
        }
        if (payload.exp - Math.floor(Date.now() / 1000) > 3600) {
            throw refused('it expires more than an hour from now');
        }
        const unique = await provider.ReplayDetection.unique(client.clientId, payload.jti, payload.exp + 5);
        if (!unique) throw refused('its jti was used before');

        const grant = new provider.Grant({ accountId: payload.sub, clientId: client.clientId });
        const scope = params.scope ? [...new Set(params.scope.split(' '))].join(' ') : undefined;
        if (scope) grant.addOIDCScope(scope);
        const token = new provider.AccessToken({
            accountId: payload.sub, client, grantId: await grant.save(), gty: 'jwt_bearer', scope,
        });
        if (dPoP) token.setThumbprint('jkt', dPoP.thumbprint);
        ctx.body = {
            access_token: await token.save(),
            expires_in: token.expiration,
            token_type: token.tokenType,
            scope: token.scope,
        };
    }, ['assertion', 'scope']);
}

// --tls DIR: HTTPS with DIR/server.crt and DIR/server.key, asking every client for a certificate signed
// by DIR/ca.crt (not requiring one), for mutual TLS client authentication and certificate-bound
// tokens (RFC 8705). The issuer is then https://127.0.0.1:<port>.
function tlsOptions() {
    const read = (name) => fs.readFileSync(path.join(options.tls, name));
    try {
        return {
            key: read('server.key'), cert: read('server.crt'), ca: read('ca.crt'),
            requestCert: true, rejectUnauthorized: false,
        };
    } catch (err) {
        usage(`--tls: ${err.message}`);
    }
    return undefined;
}

const server = options.tls ? https.createServer(tlsOptions()) : http.createServer();

function shutDown() {
    server.close();
    process.exit(0);
}
process.on('SIGTERM', shutDown);
process.on('SIGINT', shutDown);
process.on('SIGHUP', shutDown);
if (options.watchStdin) {
    process.stdin.on('end', shutDown);
    process.stdin.on('close', shutDown);
    process.stdin.on('error', shutDown);
    process.stdin.resume();
}

server.on('error', (err) => {
    process.stderr.write(`server.mjs: cannot listen on 127.0.0.1:${options.port}: ${err.message}\n`);
    process.exit(1);
});

server.listen(options.port, '127.0.0.1', async () => {
    const { port } = server.address();
    const issuer = `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`;
    let provider;
    try {
        provider = new Provider(issuer, configuration());
    } catch (err) {
        process.stderr.write(`server.mjs: invalid configuration: ${describe(err)}\n`);
        process.exit(1);
    }
    provider.proxy = false;
    registerJwtBearer(provider);

    // Errors are reported by name and description only: a message never carries a token value.
    provider.on('server_error', (ctx, err) => {
        process.stderr.write(`oidc-provider: server_error on ${ctx.method} ${ctx.path}: ${describe(err)}\n`);
    });
    if (options.verbose) {
        provider.use(async (ctx, next) => {
            await next();
            process.stderr.write(`oidc-provider: ${ctx.method} ${ctx.path} ${ctx.status}\n`);
        });
        for (const event of ['grant.error', 'authorization.error', 'introspection.error', 'revocation.error',
            'userinfo.error', 'end_session.error']) {
            provider.on(event, (ctx, err) => {
                process.stderr.write(`oidc-provider: ${event}: ${describe(err)}\n`);
            });
        }
    }

    server.on('request', provider.callback());

    // oidc-provider checks client metadata on first use; check it now so that a bad client fails the
    // start, not some later request.
    try {
        for (const client of [...options.clients, ...options.extraClients]) {
            if (!await provider.Client.find(String(client.client_id))) {
                throw new Error(`client ${client.client_id} not found`);
            }
        }
    } catch (err) {
        process.stderr.write(`server.mjs: invalid configuration: ${describe(err)}\n`);
        process.exit(1);
    }

    process.stdout.write(`${JSON.stringify({ issuer, port })}\n`);
});
