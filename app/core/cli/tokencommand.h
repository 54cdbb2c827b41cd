#pragma once

#include "cli/runcommand.h"
#include "workspace/collection.h"
#include "workspace/environment.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QPair>
#include <QStringList>

#include <memory>

QT_BEGIN_NAMESPACE
class QIODevice;
QT_END_NAMESPACE

namespace Postern {

class CliWorkspace;
class TokenEndpointClient;
class TokenRequest;

// `postern token get <collection>`: one OAuth 2.0 token for the authorization of a collection (or of
// the folder or request named with --request), printed on standard output so that a script can use
// it. The grant is the authorization's own: client credentials and password straight from the token
// endpoint; the code grants in the user's own browser with a loopback redirect (RFC 8252), as the app
// can, when a person is there to sign in (a terminal on standard input, or $BROWSER set). With
// --workspace the token is also kept in the app's token store, where `postern run --workspace` and the
// app find it.
class TokenCommand : public QObject
{
    Q_OBJECT

public:
    struct Options
    {
        QString collection; // a Postman collection file, or with workspace a collection's name or id
        QString workspace;
        QString request; // a folder or request by name; empty: the collection's authorization
        QString environment; // a file, or with workspace an environment's name
        QList<QPair<QString, QString>> envVars;
        int timeoutMs = 5 * 60 * 1000; // how long the browser sign-in may take
    };
    struct Parsed
    {
        Options options;
        QString error;
        bool help = false;
        bool ok() const { return error.isEmpty(); }
    };

    // The arguments after "token".
    static Parsed parse(const QStringList &arguments);
    static QString helpText();

    TokenCommand(const Options &options, QIODevice *output, QIODevice *errors, QObject *parent = nullptr);
    ~TokenCommand() override;

    void start(); // finished() later in every case

Q_SIGNALS:
    void finished(int exitCode);

private:
    void begin();
    bool load(AuthConfig *auth, QString *where);
    void fail(ExitCode code, const QString &message);

    Options m_options;
    QIODevice *m_output;
    QIODevice *m_errors;
    QNetworkAccessManager m_network;
    std::unique_ptr<TokenEndpointClient> m_endpoint;
    std::unique_ptr<CliWorkspace> m_workspace;
    std::unique_ptr<TokenRequest> m_request;
    Collection m_collection;
    Environment m_environment;
};

} // namespace Postern
