#pragma once

#include "sandbox/connectionguard.h"
#include "sandbox/registry.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

QT_BEGIN_NAMESPACE
class QHttpServer;
class QHttpServerRequest;
class QHttpServerResponse;
class QTimer;
QT_END_NAMESPACE

namespace Postern::Sandbox {

class AuthorizeEndpoint;
class IncidentTable;
class OAuthStore;
class TableEndpoint;
class TokenEndpoint;
struct Reply;
struct Request;

// A local imitation of a ServiceNow instance on 127.0.0.1: the OAuth endpoints (oauth_auth.do with its
// login and consent pages, oauth_token.do, oauth_revoke_token.do) and the Table API over seeded data.
// Owns its QHttpServer, the data and the OAuth store; everything runs in the thread that owns it.
// Converting between QHttpServer's types and the endpoints' Request/Reply happens only here, so the
// endpoints do not depend on the QHttpServer version.
class SandboxServer : public QObject
{
    Q_OBJECT

public:
    explicit SandboxServer(Registry registry, QObject *parent = nullptr);
    ~SandboxServer() override;

    // Limits applied to each connection (idle timeout, open connections, request sizes); set before
    // listen().
    void setConnectionLimits(const ConnectionGuard::Limits &limits);
    const ConnectionGuard::Limits &connectionLimits() const { return m_limits; }
    int openConnections() const { return m_guard ? m_guard->openConnections() : 0; }

    // Listens on 127.0.0.1 only; port 0 picks a free one. False and errorString() on failure.
    bool listen(quint16 port = 0);
    // http://127.0.0.1:PORT once listening, otherwise an empty URL.
    QUrl baseUrl() const;
    quint16 port() const { return m_port; }
    QString errorString() const;

    // Keeps the tokens issued (and revoked) in path, as an instance keeps them in its database: loads
    // them now and saves them, atomically, shortly after each change and when the server goes. A file
    // that cannot be used is set aside (renamed) and the server starts without tokens; *message then
    // says so. False only when the file could be neither used nor set aside.
    bool useStateFile(const QString &path, QString *message);
    // Writes the state file now if a save is pending.
    void flushState();

    // One line per request in lcSandbox: method, path (never the query or body) and status.
    void setRequestLogging(bool on);
    bool requestLogging() const { return m_logging; }

    const Registry &registry() const;

    // Replaces the clock used for code, session and token expiry; an empty function restores the wall clock.
    void setClockForTesting(std::function<QDateTime()> clock);

private:
    QHttpServerResponse respond(const QHttpServerRequest &request);
    Reply dispatch(const Request &request);
    QString issuer() const;
    void saveState();

    Registry m_registry;
    std::unique_ptr<IncidentTable> m_data;
    std::unique_ptr<OAuthStore> m_store;
    std::unique_ptr<AuthorizeEndpoint> m_authorize;
    std::unique_ptr<TokenEndpoint> m_token;
    std::unique_ptr<TableEndpoint> m_table;
    QHttpServer *m_http = nullptr;
    ConnectionGuard::Limits m_limits;
    ConnectionGuard *m_guard = nullptr;
    quint16 m_port = 0;
    QString m_error;
    bool m_logging = false;
    QString m_statePath;
    QTimer *m_saveTimer = nullptr;
};

} // namespace Postern::Sandbox
