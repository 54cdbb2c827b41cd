#pragma once

#include "tokentools/jwt.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace Postern {

// Checks a JWS signature (RFC 7515 §5.2) against the public keys of a JWK Set (RFC 7517 §5), with
// libcrypto. Supported (RFC 7518 §3): RS256/384/512 (RSASSA-PKCS1-v1_5), PS256/384/512 (RSASSA-PSS,
// MGF1 with the same hash, salt as long as the hash) and ES256/384/512 (ECDSA on P-256/384/521; the
// JWS signature is R‖S, converted to DER for libcrypto).
//
// Key choice: with a "kid" in the header only the keys with that kid are considered; without one (or
// when no key of the set has a kid), every key that fits the algorithm (kty, crv, and "alg", "use",
// "key_ops" when the key has them).
// Refused whatever the key set holds: "alg": "none", and the HMAC algorithms HS256/384/512, whose
// secret is not in a public key set (checking them with a public key's bytes as the secret is the
// algorithm-confusion attack). Keys of type "oct" are never used; RSA keys need 2048 bits
// (RFC 7518 §3.3). Stateless; the time claims are not judged here (see JwtInfo).
class JwtVerifier
{
    Q_DECLARE_TR_FUNCTIONS(Postern::JwtVerifier)

    Q_GADGET

public:
    enum class Verdict {
        Valid, // the signature matches a key of the set
        Invalid, // a fitting key was found and the signature does not match it
        UnknownKey, // no key of the set fits (kid not there, no key of the right type)
        UnsupportedAlgorithm, // HMAC, an unknown alg, or a critical header extension
        NotSigned, // alg "none": there is nothing to verify, and it is never valid
        Malformed, // not a JWS at all, or a signature of an impossible shape
    };
    Q_ENUM(Verdict)

    struct Result
    {
        Verdict verdict = Verdict::Malformed;
        QString message; // one or two sentences for the user; never key material
        QString algorithm; // the token's alg
        QString keyId; // the kid of the key that verified it (Valid), else of the key tried

        bool isValid() const { return verdict == Verdict::Valid; }
    };

    static Result verify(const JwtInfo &token, const QJsonObject &jwks);
    static Result verify(QStringView token, const QJsonObject &jwks);

    static QStringList supportedAlgorithms();
    static QString verdictName(Verdict verdict);
};

} // namespace Postern
