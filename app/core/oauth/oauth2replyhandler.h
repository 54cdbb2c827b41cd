#pragma once

#include "auth/oauth2result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QOAuthOobReplyHandler>

namespace Postern {

// Stands between QOAuth2AuthorizationCodeFlow and the network for one authorization.
//
// Its callback() is the user's Callback URL, whatever it is (Postern never serves it: the login window
// catches the redirect before it loads). For the token answer it replaces Qt 6.4's parsing, which drops
// token_type, emits nothing on an error answer and cannot tell HTML from JSON: every answer is checked
// here, a good one goes on to the flow as tokensReceived() and is kept whole in rawResponse(), and
// anything else ends in tokenRequestFailed() with a message for the user.
class OAuth2ReplyHandler : public QOAuthOobReplyHandler
{
    Q_OBJECT

public:
    explicit OAuth2ReplyHandler(const QString &callbackUrl, QObject *parent = nullptr);

    QString callback() const override { return m_callback; }

    // The token endpoint's answer, as received (secrets inside).
    QJsonObject rawResponse() const { return m_raw; }
    QDateTime receivedAt() const { return m_receivedAt; }

    // Checks one token endpoint answer (status, Content-Type, body): fills *json on success, or returns
    // the failure. Public and static so that it can be tested on hostile answers without a network.
    // A DPoP token type is understood only when the request proved a key (dpopProofSent).
    static OAuth2Result checkTokenResponse(int status, const QByteArray &contentType, const QByteArray &body,
                                           QJsonObject *json, bool dpopProofSent = false);

    // RFC 9449: the request proves a DPoP key, so a DPoP token is understood, and the first
    // use_dpop_nonce answer that gives a DPoP-Nonce asks for the request again (dpopNonceDemanded).
    void setDpopProofSent(bool sent) { m_dpop = sent; }

Q_SIGNALS:
    void tokenRequestFailed(const Postern::OAuth2Result &result);
    void dpopNonceDemanded();

protected:
    void networkReplyFinished(QNetworkReply *reply) override;

private:
    QString m_callback;
    QJsonObject m_raw;
    QDateTime m_receivedAt;
    bool m_dpop = false;
    bool m_nonceDemanded = false;
};

} // namespace Postern
