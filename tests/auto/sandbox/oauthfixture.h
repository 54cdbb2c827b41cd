#pragma once

#include "sandbox/sandboxserver.h"
#include "shared/sandboxhttp.h"

#include <QDateTime>
#include <QString>

#include <memory>

// Shared set-up of the OAuth tests: a SandboxServer with a few extra clients on a free port, a clock the
// test moves, and helpers that walk the browser part of the flow over HTTP.
namespace SandboxTest {

using Headers = QList<QPair<QByteArray, QByteArray>>;

extern const QString postmanCallback;
extern const QString specialSecret; // "a+b%c&d=e", of the clients basic-client and body-special
extern const QString verifier; // RFC 7636 appendix B

QString s256(const QString &text);
QString withQuery(const QString &path, const Postern::FormFields &fields);
Headers bearer(const QString &token);
Headers basicAuth(const QString &id, const QString &secret);

// The default registry plus: basic-client (Basic header), body-special (body), public (no secret) and
// rotating (refresh token rotation).
Postern::Sandbox::Registry testRegistry();

class OAuthFixture
{
protected:
    void startServer(const Postern::Sandbox::Registry &registry = testRegistry());
    void stopServer();

    Postern::FormFields codeParameters(const QString &clientId = QStringLiteral("postern"),
                                       const QString &redirectUri = postmanCallback) const;
    // Signs in as admin with browser and answers the consent page; *location is where the browser is sent.
    void authorizeAndAnswer(SandboxHttp &browser, const Postern::FormFields &parameters, bool allow,
                            QUrl *location);
    void obtainCode(const Postern::FormFields &parameters, QString *code);
    SandboxHttp::Result token(const Postern::FormFields &fields, const Headers &headers = {});
    SandboxHttp::Result exchange(const QString &code, const Postern::FormFields &extra = {});
    int tableStatus(const QString &accessToken);

    std::unique_ptr<Postern::Sandbox::SandboxServer> m_server;
    std::unique_ptr<SandboxHttp> m_http;
    QDateTime m_now;
};

} // namespace SandboxTest
