#pragma once

#include "auth/oauth2result.h"
#include "base/formurlencoded.h"
#include "tokentools/signingkey.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include <functional>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
class QNetworkReply;
QT_END_NAMESPACE

namespace Postern {

// One request to a token or revocation endpoint, made by TokenEndpointClient, and its outcome.
//
// A job sends one POST, waits for the answer (at most the client's timeout), judges it and emits
// finished() exactly once: never inside the call that created it, at most once even when cancel(), the
// timeout and the answer race. It then deletes itself (deleteLater), so connect to finished() right
// away or hold it in a QPointer. It is a child of the client; destroying it (or the client) aborts the
// request without a signal.
//
// Redirects: followed only within the endpoint's origin (scheme, host and port). A redirect elsewhere is
// refused and reported, because following it would send the client secret, the password or the token
// to another server.
class TokenEndpointJob : public QObject
{
    Q_OBJECT

public:
    enum class Kind {
        PasswordGrant, // RFC 6749 §4.3
        ClientCredentialsGrant, // RFC 6749 §4.4
        Refresh, // RFC 6749 §6
        Revocation, // RFC 7009
        DeviceAuthorization, // RFC 8628 §3.1: its answer is a device code (answer()), not a token
        DeviceCodeGrant, // RFC 8628 §3.4
        PushedAuthorization, // RFC 9126 §2: its answer is a request_uri (answer()), not a token
        Introspection, // RFC 7662 §2: its answer says whether a token is active (answer())
        JwtBearerGrant, // RFC 7523 §2.1
    };
    Q_ENUM(Kind)

    ~TokenEndpointJob() override;

    Kind kind() const { return m_kind; }
    QUrl endpoint() const { return m_endpoint; }
    bool isFinished() const { return m_finished; }
    // The outcome, once finished.
    OAuth2Result result() const { return m_result; }
    // A device authorization request's JSON answer, once it finished without failure.
    QJsonObject answer() const { return m_answer; }

    // Ends the job now with Failure::Canceled (nothing is stored by anyone listening); no-op once finished.
    void cancel(const QString &why = QString());

Q_SIGNALS:
    void finished(const Postern::OAuth2Result &result);

private:
    friend class TokenEndpointClient;

    // tokenTemplate: for a grant, the fields the new token inherits (name, issuer, configKey, grantType,
    // and the requested scope as fallback); for refresh and revocation, the token concerned.
    TokenEndpointJob(Kind kind, const OAuth2Token &tokenTemplate, QObject *parent);

    // Sends fields, form-encoded, to request's URL through network, or, when problem is not empty,
    // fails with InvalidConfiguration without sending anything. Either way the result comes later.
    void start(QNetworkAccessManager *network, const QNetworkRequest &request, const FormFields &fields,
               int timeoutMs, const QString &problem);
    // RFC 9449: each sending carries a DPoP proof made with key (and the nonce the server last gave);
    // a use_dpop_nonce answer with a DPoP-Nonce header is answered once with a new proof, after
    // renewAssertions gave the form new assertions where it has some (a server refuses a jti twice).
    // A token the answer brings as token_type DPoP keeps the key.
    void useDpop(const SigningKey &key, std::function<void(FormFields *)> renewAssertions);
    void send();
    bool asksForDpopNonce(int status, const QByteArray &body) const;

    void onRedirected(const QUrl &target);
    void onReplyFinished();
    void onTimeout();
    OAuth2Result judgeTokenAnswer(int status, const QByteArray &contentType, const QByteArray &body,
                                  const QDateTime &receivedAt) const;
    OAuth2Result judgeRevocationAnswer(int status, const QByteArray &contentType,
                                       const QByteArray &body) const;
    OAuth2Result judgeObjectAnswer(int status, const QByteArray &contentType, const QByteArray &body);
    QString endpointName() const;
    void abortReply();
    void finish(const OAuth2Result &result);

    Kind m_kind;
    OAuth2Token m_template;
    QUrl m_endpoint;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QUrl m_refusedRedirect;
    bool m_tooLarge = false;
    bool m_finished = false;
    OAuth2Result m_result;
    QJsonObject m_answer;
    QNetworkAccessManager *m_network = nullptr;
    QNetworkRequest m_request;
    FormFields m_fields;
    SigningKey m_dpopKey;
    std::function<void(FormFields *)> m_renewAssertions;
    bool m_dpopRetried = false;
};

} // namespace Postern
