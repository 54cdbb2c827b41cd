#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

class QNetworkAccessManager;
class QProcess;

namespace PosternTest {

// Runs tests/e2e/oidc/server.mjs (the npm package oidc-provider) on 127.0.0.1 for the lifetime of
// this object. The server also quits when its stdin closes, so it never outlives a crashed test.
//
//   OidcProvider provider;
//   QString why;
//   if (!provider.start(&why))
//       QSKIP(qPrintable(why));
//   const QUrl token = provider.endpoint(u"/token"_s);
class OidcProvider : public QObject
{
    Q_OBJECT

public:
    // A client registered by default (see tests/e2e/oidc/README.md). Public clients have no secret.
    struct Client
    {
        QString id;
        QString secret;
    };
    static Client webClient(); // client_secret_post, authorization_code + refresh_token, native
    static Client basicClient(); // the same with client_secret_basic
    static Client publicClient(); // no secret, PKCE required
    static Client serviceClient(); // client_credentials only, scope api:read
    static Client trickyClient(); // secret "a+b%2Fc&d=e f", client_secret_post
    static Client deviceClient(); // no secret, the device authorization grant (RFC 8628) + refresh_token
    static Client deviceBasicClient(); // the same with a secret, client_secret_basic
    // Redirect URIs every authorization-code client above accepts. The loopback one accepts any port.
    static QUrl loopbackRedirect(quint16 port);
    static QUrl postmanRedirect(); // https://oauth.pstmn.io/v1/callback
    // The resource indicator that yields JWT access tokens (scope api:read).
    static QString apiResource();

    explicit OidcProvider(QObject *parent = nullptr);
    ~OidcProvider() override;

    // Before start(): replace the default clients, or register more next to them (client metadata
    // as oidc-provider takes it, e.g. {"client_id": ..., "client_secret": ..., "redirect_uris": [...]}).
    void setClients(const QJsonArray &clients);
    void setExtraClients(const QJsonArray &clients);
    // Before start(): let the server print its notices and one line per request on stderr (also
    // turned on by the environment variable POSTERN_OIDC_VERBOSE).
    void setVerbose(bool verbose);
    // Before start(): serve HTTPS with dir's server.crt and server.key, asking clients for a certificate
    // signed by dir's ca.crt (mutual TLS, certificate-bound tokens); the issuer is then https.
    void setTlsDirectory(const QString &dir) { m_tlsDirectory = dir; }
    void setStartTimeout(int msecs);

    // Starts node and waits for the server's ready line. On failure returns false and, if whyNot
    // is given, says why and how to fix it (e.g. how to install node or the npm packages).
    bool start(QString *whyNot = nullptr);
    // Closes the server's stdin, terminates it and waits; kills it if it does not end.
    void stop();
    bool isRunning() const;

    QUrl issuer() const { return m_issuer; } // http(s)://127.0.0.1:<port>, no trailing slash
    QUrl endpoint(const QString &path) const; // issuer + path, e.g. "/token"
    qint64 processId() const;

    // The directory of server.mjs and its node_modules (the source tree's tests/e2e/oidc).
    static QString directory();
    // One line telling how to install what start() needs.
    static QString installHint();

private:
    void forwardStandardError();

    std::unique_ptr<QProcess> m_process;
    QJsonArray m_clients;
    QJsonArray m_extraClients;
    bool m_replaceClients = false;
    bool m_verbose = false;
    QString m_tlsDirectory;
    int m_startTimeout = 30000;
    QUrl m_issuer;
    QByteArray m_stderrTail;
};

// A synchronous HTTP client for tests: one QNetworkAccessManager with a cookie jar, redirects never
// followed (each 3xx is returned), every call waits for its reply (with a timeout) on an event loop.
class OidcHttp
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    using Fields = QList<QPair<QString, QString>>;

    struct Response
    {
        int status = 0; // 0 when no HTTP answer came; see error
        QByteArray body;
        Headers headers;
        QUrl location; // Location resolved against the request URL, empty when there is none
        QString error; // transport error or timeout; empty when an HTTP answer came

        QByteArray header(QByteArrayView name) const;
        QJsonObject json() const; // the body as a JSON object (empty if it is none)
        QString jsonString(const QString &key) const;
        // Query fields of location, '+' and percent-escapes decoded.
        QList<QPair<QString, QString>> locationQuery() const;
        QString locationQueryValue(const QString &key) const;
    };

    OidcHttp();
    ~OidcHttp();
    OidcHttp(const OidcHttp &) = delete;
    OidcHttp &operator=(const OidcHttp &) = delete;

    void setTimeout(int msecs) { m_timeout = msecs; }

    Response get(const QUrl &url, const Headers &headers = {});
    Response postForm(const QUrl &url, const Fields &fields, const Headers &headers = {});
    Response send(const QByteArray &verb, const QUrl &url, const QByteArray &body = {},
                  const Headers &headers = {});

    QNetworkAccessManager *network() const { return m_network.get(); }

    // application/x-www-form-urlencoded: UTF-8, space as '+', all but unreserved characters escaped.
    static QByteArray formEncode(const Fields &fields);
    static QList<QPair<QString, QString>> formDecode(QByteArrayView encoded);
    // "Basic ..." for client authentication (RFC 6749 §2.3.1: id and secret form-encoded first).
    static QByteArray basicAuthorization(const QString &clientId, const QString &clientSecret);

private:
    std::unique_ptr<QNetworkAccessManager> m_network;
    int m_timeout = 15000;
};

// PKCE values (RFC 7636).
struct OidcPkce
{
    QByteArray verifier;
    QByteArray challenge;
    QByteArray method;

    static OidcPkce s256();
    static OidcPkce plain();
};

// Plays the user in oidc-provider's built-in development pages over plain HTTP, without a browser:
// given an authorization URL it follows the provider's redirects, fills in and submits the login
// form, then the consent form (or takes the Cancel link), and stops at the first redirect that
// leaves the provider, returning that Location without requesting it. Cookies stay in the OidcHttp,
// so a second authorize() with the same one finds the login session.
class OidcInteraction
{
public:
    enum class Decision { Consent, Deny };

    struct Options
    {
        QString login = QStringLiteral("alice");
        QString password = QStringLiteral("any password");
        Decision decision = Decision::Consent;
        int maxSteps = 12;
    };

    struct Result
    {
        QUrl redirect; // the final Location (normally the client's redirect URI with code or error)
        QString error; // why no such redirect was reached; empty on success
        QStringList trace; // one entry per HTTP exchange, e.g. "GET /auth -> 303"
        QStringList pages; // the interaction pages answered ("login", "consent")

        bool ok() const { return error.isEmpty() && redirect.isValid(); }
        // A field of redirect's query, or else of its fragment (where errors for implicit-style
        // response types go), '+' and percent-escapes decoded.
        QString value(const QString &key) const;
    };

    static Result authorize(OidcHttp &http, const QUrl &authorizationUrl, const Options &options);
    static Result authorize(OidcHttp &http, const QUrl &authorizationUrl);

    // Plays the user of a device authorization (RFC 8628): opens verificationPage (the
    // verification_uri_complete), confirms the code there (or aborts, for Decision::Deny), signs in and
    // consents as authorize() does, and stops at the provider's last page (its URL in redirect).
    static Result confirmDevice(OidcHttp &http, const QUrl &verificationPage, const Options &options);

    // Signs in as alice for client (scope "openid offline_access", a loopback redirect) and exchanges
    // the code, the client authenticating in the body or with Basic: the token endpoint's JSON answer
    // (with a refresh token), or an empty object and *why.
    static QJsonObject signIn(const OidcProvider &provider, const OidcProvider::Client &client, bool basic,
                              QString *why);
};

} // namespace PosternTest
