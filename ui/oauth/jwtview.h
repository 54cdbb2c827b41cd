#pragma once

#include "auth/oauth2token.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QNetworkAccessManager;
class QPlainTextEdit;
QT_END_NAMESPACE

namespace Postern {

class JwksFetcher;

// The "Decoded" part of the token details: the access token or the ID token read as a JWT, header and
// claims pretty-printed in the server's key order, exp / iat / nbf as local times with relative ages,
// and the signature checked against the issuer's published keys when their address is known
// (discovery's jwks_uri): valid, invalid or unknown key. An opaque token says so plainly.
class JwtView : public QWidget
{
    Q_OBJECT

public:
    JwtView(QNetworkAccessManager *network, QWidget *parent = nullptr);

    // jwksUri may be empty (no verification).
    void setToken(const OAuth2Token &token, const QString &jwksUri);

Q_SIGNALS:
    // The verdict line changed (for tests: verification is asynchronous).
    void verdictShown(const QString &verdict);

private:
    void showSelected();
    void setVerdict(const QString &text, bool good);

    QNetworkAccessManager *m_network;
    JwksFetcher *m_fetcher = nullptr;
    OAuth2Token m_token;
    QString m_jwksUri;
    QComboBox *m_which = nullptr;
    QPlainTextEdit *m_text = nullptr;
    QLabel *m_verdict = nullptr;
    int m_generation = 0;
};

} // namespace Postern
