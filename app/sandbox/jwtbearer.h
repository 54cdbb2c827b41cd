#pragma once

#include "sandbox/registry.h"

#include <QDateTime>
#include <QHash>
#include <QString>

namespace Postern::Sandbox {

// The instance's side of ServiceNow's JWT bearer grant (RFC 7523 §2.1; "OAuth JWT API endpoint for
// external clients" with its JWT verifier map): the assertion must be signed by a key of the client's
// "jwtBearer.jwks", name the client as "iss", the client id or the token endpoint as "aud", expire
// within an hour, and its "sub" must match a user by the configured user field. With JTI verification
// on (ServiceNow's default) a "jti" is required and accepted once.
class JwtBearerCheck
{
public:
    struct Outcome
    {
        QString userName; // the user the token is for, when accepted
        QString refusal; // why not, for error_description (never key material)
    };

    // tokenUrl: this endpoint's own URL as the client reached it.
    Outcome check(const Client &client, const Registry &registry, const QString &assertion,
                  const QString &tokenUrl, const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    QHash<QString, qint64> m_seen; // "client\njti" → expiry, forgotten once expired
};

} // namespace Postern::Sandbox
