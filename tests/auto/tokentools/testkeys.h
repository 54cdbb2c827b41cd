#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <memory>

// A key pair made with libcrypto for the duration of a test: RSA of a given size or EC on a named
// curve. Signs JWS signing inputs the way RFC 7518 §3 says (ECDSA as R‖S) and describes its public
// half as a JWK.
class TestKey
{
public:
    static TestKey rsa(int bits);
    static TestKey ec(const char *curve); // "P-256", "P-384"

    TestKey();
    ~TestKey();
    TestKey(TestKey &&other) noexcept;
    TestKey &operator=(TestKey &&other) noexcept;

    bool isNull() const;

    // {"kty": …, "kid": kid, …public members}; "alg" and "use" only when given.
    QJsonObject publicJwk(const QString &kid, const QString &alg = QString(),
                          const QString &use = QString()) const;
    // The public key as PEM (SubjectPublicKeyInfo), what a confused verifier would take as an HMAC secret.
    QByteArray publicPem() const;
    // The private key as PKCS#8 PEM, encrypted with AES-256-CBC when a passphrase is given; and as a
    // PKCS#12 file (the key alone, no certificate) under a passphrase.
    QByteArray privatePem(const QByteArray &passphrase = QByteArray()) const;
    QByteArray pkcs12(const QByteArray &passphrase) const;

    // The JWS signature of input for alg (RS256/384/512, PS256/384/512, ES256/384).
    QByteArray sign(const QString &alg, const QByteArray &input) const;
    // The same ECDSA signature in DER, as libcrypto gives it (wrong for JWS).
    QByteArray signDer(const QString &alg, const QByteArray &input) const;

private:
    struct Private;
    std::unique_ptr<Private> d;
};

// base64url without padding.
QByteArray b64url(const QByteArray &data);
// A compact JWS from header and payload objects, signed by key (or with an empty signature).
QString makeJws(const QJsonObject &header, const QJsonObject &payload, const TestKey *key);
