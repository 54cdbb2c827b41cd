#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

#include <memory>

namespace Postern {

// A private key that signs JWS (RFC 7515) with libcrypto: read from a PEM file (encrypted or not) or a
// PKCS#12 file, from PEM bytes (a key kept in the keychain), or made afresh (an EC P-256 key, what
// DPoP proofs are signed with). Algorithms (RFC 7518 §3): RS256 and PS256 with RSA keys of 2048 bits
// or more, ES256 with P-256 keys (the signature R‖S, not libcrypto's DER).
//
// A value type sharing one immutable key. Messages name the key's file, never its bytes; nothing here
// logs. libcrypto's error queue is left empty after every call.
class SigningKey
{
    Q_DECLARE_TR_FUNCTIONS(Postern::SigningKey)

public:
    static constexpr qint64 MaxKeyFileBytes = 1024 * 1024;

    SigningKey();
    ~SigningKey();
    SigningKey(const SigningKey &other);
    SigningKey &operator=(const SigningKey &other);

    // A null key and *error a sentence for the user when the file cannot be read, holds no private
    // key, or needs another passphrase.
    static SigningKey fromFile(const QString &path, const QByteArray &passphrase, QString *error);
    // An unencrypted PEM private key (what toPem() gives); null when pem holds none.
    static SigningKey fromPem(const QByteArray &pem);
    // A new EC key on P-256 from the system's random source; null only when libcrypto fails.
    static SigningKey generateP256();

    bool isNull() const { return !d; }
    // The private key as unencrypted PKCS#8 PEM: a secret, for the keychain only.
    QByteArray toPem() const;

    // The algorithm to sign with: configured when the key fits it, else RS256 for an RSA key and ES256
    // for a P-256 key. Empty, with *error, when the key fits no supported algorithm.
    QString algorithmFor(const QString &configured, QString *error) const;
    // The JWS signature of input (raw bytes, to be base64url-encoded); empty with *error on failure.
    QByteArray sign(const QString &algorithm, const QByteArray &input, QString *error) const;

    // The public half as a JWK (RFC 7517, RFC 7518 §6): {"kty": "RSA", "n", "e"} or {"kty": "EC",
    // "crv": "P-256", "x", "y"}; empty for a null key.
    QJsonObject publicJwk() const;
    // The JWK SHA-256 thumbprint (RFC 7638 §3), base64url: what DPoP's cnf.jkt holds. The static one
    // for any public JWK (empty for one without "kty").
    QString thumbprint() const { return jwkThumbprint(publicJwk()); }
    static QString jwkThumbprint(const QJsonObject &jwk);

    // A compact JWS of header and claims signed by this key with algorithm ("alg" is set here); empty
    // with *error when signing fails.
    QString signCompact(QJsonObject header, const QJsonObject &claims, const QString &algorithm,
                        QString *error) const;

private:
    struct Private;
    std::shared_ptr<Private> d;
};

// base64url without padding (RFC 7515 §2).
QByteArray base64UrlNoPadding(const QByteArray &bytes);
// 32 bytes from the system's random source, base64url: a fresh "jti".
QString randomJwtId();

} // namespace Postern
