#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QUrl>

QT_BEGIN_NAMESPACE
class QNetworkAccessManager;
QT_END_NAMESPACE

namespace Postern {

class HttpClient;
struct HttpResponse;

// What the UserInfo endpoint says about the user a token was issued for (OpenID Connect Core §5.3), or
// why it said nothing usable.
struct UserInfoResult
{
    QString error; // for the user; empty on success
    QJsonObject claims; // sub, name, email, … as the server sent them
    bool signedAnswer = false; // application/jwt: the claims of a signed answer, not verified here

    bool ok() const { return error.isEmpty(); }

    // Judges an answer, hostile as every answer is: 200 with a JSON object (or a JWT, §5.3.2) that has
    // a string "sub"; when expectedSubject is not empty (the ID token's sub), it must be that one, or
    // the answer is refused (§5.3.2: it may be a token substitution). A 401 says the token is no longer
    // taken.
    static UserInfoResult fromAnswer(int status, const QByteArray &contentType, const QByteArray &body,
                                     const QString &expectedSubject);
};

// GETs a UserInfo endpoint with an access token (RFC 6750 §2.1: Authorization: Bearer). Uses a
// QNetworkAccessManager it does not own; 15 s and 1 MiB at most; finished() once per fetch(). The
// token never reaches a log.
class UserInfoFetcher : public QObject
{
    Q_OBJECT

public:
    static constexpr qint64 MaxDocumentSize = 1 << 20;

    explicit UserInfoFetcher(QNetworkAccessManager *manager, QObject *parent = nullptr);

    void setTimeout(int milliseconds) { m_timeout = milliseconds; }
    void fetch(const QUrl &userInfoUrl, const QString &accessToken,
               const QString &expectedSubject = QString());

Q_SIGNALS:
    void finished(const Postern::UserInfoResult &result);

private:
    HttpClient *m_client;
    int m_timeout = 15000;
};

} // namespace Postern
