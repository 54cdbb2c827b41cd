// What a token endpoint, a discovery document, a JWKS and a JWT can hold: the answer of the token
// endpoint judged and turned into a token, the metadata checked against the issuer asked for, the key
// set read, and the token (first part of the input) decoded and verified against the key set (second).
#include "auth/oauth2token.h"
#include "fuzzinput.h"
#include "oauth/oauth2replyhandler.h"
#include "tokentools/discoveryresult.h"
#include "tokentools/jwksfetcher.h"
#include "tokentools/jwt.h"
#include "tokentools/jwtverifier.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUrl>

using namespace Postern;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    PosternFuzz::ensureApplication();
    const QList<QByteArray> part = PosternFuzz::parts(PosternFuzz::bytes(data, size), 2);
    const QByteArray &document = part.at(0);

    QJsonObject json;
    for (int status : { 200, 400, 401 }) {
        const OAuth2Result result
            = OAuth2ReplyHandler::checkTokenResponse(status, "application/json", document, &json, false);
        if (result.failure == OAuth2Result::Failure::None) {
            QString error;
            OAuth2Token::fromResponse(json, QDateTime::currentDateTimeUtc(), &error);
        }
    }
    DiscoveryResult::fromDocument(
        document, QStringLiteral("https://issuer.example"),
        QUrl(QStringLiteral("https://issuer.example/.well-known/openid-configuration")));
    JwksResult::fromDocument(part.at(1), QUrl(QStringLiteral("https://issuer.example/jwks")));

    const QString token = QString::fromUtf8(document);
    Jwt::decode(token);
    JwtVerifier::verify(token, QJsonDocument::fromJson(part.at(1)).object());
    return 0;
}
