#pragma once

#include "tokentools/signingkey.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QUrl>

namespace Postern {

// DPoP (RFC 9449): a token bound to a key pair the client holds, proven with a fresh signed JWT on
// every request that obtains or uses it.
//
//   to the token endpoint    DPoP: <proof htm=POST htu=<endpoint>>           → token_type "DPoP"
//   to a resource server     Authorization: DPoP <token>
//                            DPoP: <proof htm, htu, ath = SHA-256 of the token>
//   a server that wants a nonce answers use_dpop_nonce with a DPoP-Nonce header (400 from the
//   authorization server, 401 with WWW-Authenticate: DPoP error="use_dpop_nonce" from a resource
//   server): the request is sent once more with that nonce in the proof, never more than once.
//
// Nonces a server gave are kept per origin for the life of the process (rememberNonce/nonceFor) and
// sent with the next proof to that origin. Proofs are ES256 with the key's public JWK in the header.
class Dpop
{
public:
    // The proof for one request; empty with *error when the key cannot sign.
    static QString proof(const SigningKey &key, const QByteArray &method, const QUrl &url,
                         const QString &accessToken, const QString &nonce, QString *error,
                         const QDateTime &now = QDateTime::currentDateTimeUtc());

    // RFC 9449 §4.2 htu: the URL without query and fragment.
    static QString htu(const QUrl &url);
    // RFC 9449 §4.2 ath: base64url(SHA-256(access token)).
    static QString ath(const QString &accessToken);

    // The server's DPoP-Nonce header for url's origin (kept when it is a valid nonce: printable ASCII,
    // no spaces, at most 1024 characters), and the nonce kept for url's origin (empty when none).
    static void rememberNonce(const QUrl &url, const QByteArray &header);
    static QString nonceFor(const QUrl &url);
    static void forgetNonces();

    // Whether a resource server's 401 asks for a nonce: WWW-Authenticate names the DPoP scheme with
    // error="use_dpop_nonce".
    static bool resourceAsksForNonce(int status, const QByteArray &wwwAuthenticate);

    static QString tokenType() { return QStringLiteral("DPoP"); }
};

} // namespace Postern
