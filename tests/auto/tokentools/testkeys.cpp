#include "testkeys.h"

#include <QJsonDocument>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>

using namespace Qt::StringLiterals;

struct TestKey::Private
{
    EVP_PKEY *key = nullptr;
    bool isEc = false;
    int coordinateBytes = 0;
    QString curve;

    ~Private() { EVP_PKEY_free(key); }
};

namespace {

QByteArray bignumParam(EVP_PKEY *key, const char *name, int padTo = 0)
{
    BIGNUM *number = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &number) != 1)
        return QByteArray();
    const int size = padTo > 0 ? padTo : BN_num_bytes(number);
    QByteArray bytes(size, Qt::Uninitialized);
    BN_bn2binpad(number, reinterpret_cast<unsigned char *>(bytes.data()), size);
    BN_free(number);
    return bytes;
}

const EVP_MD *digestFor(const QString &alg)
{
    if (alg.endsWith(u"384"_s))
        return EVP_sha384();
    if (alg.endsWith(u"512"_s))
        return EVP_sha512();
    return EVP_sha256();
}

QByteArray digestSign(EVP_PKEY *key, const QString &alg, const QByteArray &input)
{
    EVP_MD_CTX *context = EVP_MD_CTX_new();
    EVP_PKEY_CTX *keyContext = nullptr;
    QByteArray signature;
    size_t length = 0;
    if (EVP_DigestSignInit(context, &keyContext, digestFor(alg), nullptr, key) == 1) {
        bool ok = true;
        if (alg.startsWith(u"PS"_s)) {
            ok = EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) == 1
                && EVP_PKEY_CTX_set_rsa_mgf1_md(keyContext, digestFor(alg)) == 1
                && EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST) == 1;
        }
        const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
        if (ok && EVP_DigestSign(context, nullptr, &length, data, size_t(input.size())) == 1) {
            signature.resize(qsizetype(length));
            if (EVP_DigestSign(context, reinterpret_cast<unsigned char *>(signature.data()), &length, data,
                               size_t(input.size()))
                == 1)
                signature.resize(qsizetype(length));
            else
                signature.clear();
        }
    }
    EVP_MD_CTX_free(context);
    return signature;
}

} // namespace

TestKey::TestKey() = default;
TestKey::~TestKey() = default;
TestKey::TestKey(TestKey &&other) noexcept = default;
TestKey &TestKey::operator=(TestKey &&other) noexcept = default;

TestKey TestKey::rsa(int bits)
{
    TestKey key;
    key.d = std::make_unique<Private>();
    key.d->key = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(bits));
    return key;
}

TestKey TestKey::ec(const char *curve)
{
    TestKey key;
    key.d = std::make_unique<Private>();
    key.d->isEc = true;
    key.d->curve = QString::fromLatin1(curve);
    key.d->coordinateBytes = key.d->curve == u"P-384"_s ? 48 : 32;
    key.d->key = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", curve);
    return key;
}

bool TestKey::isNull() const
{
    return !d || !d->key;
}

QJsonObject TestKey::publicJwk(const QString &kid, const QString &alg, const QString &use) const
{
    QJsonObject jwk;
    if (d->isEc) {
        jwk.insert(u"kty"_s, u"EC"_s);
        jwk.insert(u"crv"_s, d->curve);
        jwk.insert(
            u"x"_s,
            QString::fromLatin1(b64url(bignumParam(d->key, OSSL_PKEY_PARAM_EC_PUB_X, d->coordinateBytes))));
        jwk.insert(
            u"y"_s,
            QString::fromLatin1(b64url(bignumParam(d->key, OSSL_PKEY_PARAM_EC_PUB_Y, d->coordinateBytes))));
    } else {
        jwk.insert(u"kty"_s, u"RSA"_s);
        jwk.insert(u"n"_s, QString::fromLatin1(b64url(bignumParam(d->key, OSSL_PKEY_PARAM_RSA_N))));
        jwk.insert(u"e"_s, QString::fromLatin1(b64url(bignumParam(d->key, OSSL_PKEY_PARAM_RSA_E))));
    }
    if (!kid.isEmpty())
        jwk.insert(u"kid"_s, kid);
    if (!alg.isEmpty())
        jwk.insert(u"alg"_s, alg);
    if (!use.isEmpty())
        jwk.insert(u"use"_s, use);
    return jwk;
}

namespace {

QByteArray drain(BIO *bio)
{
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio, &data);
    QByteArray bytes(data, qsizetype(length));
    BIO_free(bio);
    return bytes;
}

} // namespace

QByteArray TestKey::privatePem(const QByteArray &passphrase) const
{
    BIO *bio = BIO_new(BIO_s_mem());
    const bool encrypted = !passphrase.isEmpty();
    if (PEM_write_bio_PKCS8PrivateKey(bio, d->key, encrypted ? EVP_aes_256_cbc() : nullptr,
                                      encrypted ? passphrase.constData() : nullptr, int(passphrase.size()),
                                      nullptr, nullptr)
        != 1) {
        BIO_free(bio);
        return QByteArray();
    }
    return drain(bio);
}

QByteArray TestKey::pkcs12(const QByteArray &passphrase) const
{
    PKCS12 *p12 = PKCS12_create(passphrase.constData(), "test key", d->key, nullptr, nullptr, 0, 0, 0, 0, 0);
    if (!p12)
        return QByteArray();
    BIO *bio = BIO_new(BIO_s_mem());
    const bool written = i2d_PKCS12_bio(bio, p12) == 1;
    PKCS12_free(p12);
    if (!written) {
        BIO_free(bio);
        return QByteArray();
    }
    return drain(bio);
}

QByteArray TestKey::publicPem() const
{
    BIO *bio = BIO_new(BIO_s_mem());
    QByteArray pem;
    if (PEM_write_bio_PUBKEY(bio, d->key) == 1) {
        char *data = nullptr;
        const long length = BIO_get_mem_data(bio, &data);
        pem = QByteArray(data, qsizetype(length));
    }
    BIO_free(bio);
    return pem;
}

QByteArray TestKey::signDer(const QString &alg, const QByteArray &input) const
{
    return digestSign(d->key, alg, input);
}

QByteArray TestKey::sign(const QString &alg, const QByteArray &input) const
{
    const QByteArray signature = digestSign(d->key, alg, input);
    if (!d->isEc || signature.isEmpty())
        return signature;
    // DER SEQUENCE { r INTEGER, s INTEGER } → R‖S, each left-padded to the coordinate size.
    const auto *data = reinterpret_cast<const unsigned char *>(signature.constData());
    ECDSA_SIG *sig = d2i_ECDSA_SIG(nullptr, &data, long(signature.size()));
    if (!sig)
        return QByteArray();
    const BIGNUM *r = nullptr;
    const BIGNUM *s = nullptr;
    ECDSA_SIG_get0(sig, &r, &s);
    QByteArray raw(2 * d->coordinateBytes, Qt::Uninitialized);
    BN_bn2binpad(r, reinterpret_cast<unsigned char *>(raw.data()), d->coordinateBytes);
    BN_bn2binpad(s, reinterpret_cast<unsigned char *>(raw.data()) + d->coordinateBytes, d->coordinateBytes);
    ECDSA_SIG_free(sig);
    return raw;
}

QByteArray b64url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString makeJws(const QJsonObject &header, const QJsonObject &payload, const TestKey *key)
{
    const QByteArray input = b64url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + b64url(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    QByteArray signature;
    if (key)
        signature = key->sign(header.value(u"alg"_s).toString(), input);
    return QString::fromLatin1(input + '.' + b64url(signature));
}
