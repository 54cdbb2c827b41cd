#include "tokentools/clientassertion.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <memory>
#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

struct Free
{
    void operator()(EVP_PKEY *p) const { EVP_PKEY_free(p); }
    void operator()(EVP_MD_CTX *p) const { EVP_MD_CTX_free(p); }
    void operator()(BIO *p) const { BIO_free(p); }
    void operator()(PKCS12 *p) const { PKCS12_free(p); }
    void operator()(X509 *p) const { X509_free(p); }
    void operator()(ECDSA_SIG *p) const { ECDSA_SIG_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, Free>;

QByteArray base64Url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// PEM_read_bio_PrivateKey's passphrase callback: the configuration's passphrase, never a prompt.
int passphraseCallback(char *buffer, int size, int, void *data)
{
    const QByteArray *passphrase = static_cast<const QByteArray *>(data);
    const int length = int(std::min<qsizetype>(passphrase->size(), size));
    memcpy(buffer, passphrase->constData(), size_t(length));
    return length;
}

Pkey readKey(const QString &path, const QByteArray &passphrase, QString *error)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = u"The private key file %1 cannot be read: %2."_s.arg(name, file.errorString());
        return nullptr;
    }
    if (file.size() > ClientAssertion::MaxKeyFileBytes) {
        *error = u"The private key file %1 is larger than a key file can be."_s.arg(name);
        return nullptr;
    }
    QByteArray bytes = file.readAll();
    const std::unique_ptr<BIO, Free> bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
    Pkey key;
    const bool pem = bytes.contains("-----BEGIN");
    if (pem) {
        QByteArray pass = passphrase;
        key.reset(PEM_read_bio_PrivateKey(bio.get(), nullptr, &passphraseCallback, &pass));
        pass.fill('\0');
    } else {
        const std::unique_ptr<PKCS12, Free> p12(d2i_PKCS12_bio(bio.get(), nullptr));
        EVP_PKEY *parsed = nullptr;
        X509 *certificate = nullptr;
        if (p12 && PKCS12_parse(p12.get(), passphrase.constData(), &parsed, &certificate, nullptr) == 1) {
            key.reset(parsed);
            X509_free(certificate);
        } else if (!p12) {
            ERR_clear_error();
            *error = u"The private key file %1 is neither PEM nor PKCS#12."_s.arg(name);
            return nullptr;
        }
    }
    bytes.fill('\0');
    ERR_clear_error(); // nothing of a failed attempt stays for the next libcrypto user
    if (!key)
        *error = passphrase.isEmpty()
            ? u"No private key could be read from %1: it may need a passphrase, or hold no private key."_s
                  .arg(name)
            : u"No private key could be read from %1: the passphrase is wrong, or the file holds no private "
              "key."_s.arg(name);
    return key;
}

// RFC 7518 §3.4: ECDSA signatures are R‖S, each padded to the coordinate size; libcrypto gives DER.
QByteArray rawEcdsa(const QByteArray &der, int coordinateBytes)
{
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    const std::unique_ptr<ECDSA_SIG, Free> signature(d2i_ECDSA_SIG(nullptr, &p, long(der.size())));
    if (!signature)
        return QByteArray();
    QByteArray raw(2 * coordinateBytes, '\0');
    unsigned char *out = reinterpret_cast<unsigned char *>(raw.data());
    if (BN_bn2binpad(ECDSA_SIG_get0_r(signature.get()), out, coordinateBytes) != coordinateBytes
        || BN_bn2binpad(ECDSA_SIG_get0_s(signature.get()), out + coordinateBytes, coordinateBytes)
            != coordinateBytes)
        return QByteArray();
    return raw;
}

QByteArray sign(EVP_PKEY *key, const QString &algorithm, const QByteArray &input, QString *error)
{
    const std::unique_ptr<EVP_MD_CTX, Free> context(EVP_MD_CTX_new());
    EVP_PKEY_CTX *keyContext = nullptr;
    if (!context || EVP_DigestSignInit(context.get(), &keyContext, EVP_sha256(), nullptr, key) != 1) {
        ERR_clear_error();
        *error = u"The key cannot sign with %1."_s.arg(algorithm);
        return QByteArray();
    }
    if (algorithm == u"PS256"_s
        && (EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) != 1
            || EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST) != 1)) {
        ERR_clear_error();
        *error = u"The key cannot sign with PS256."_s;
        return QByteArray();
    }
    size_t length = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
    if (EVP_DigestSign(context.get(), nullptr, &length, data, size_t(input.size())) != 1) {
        ERR_clear_error();
        *error = u"Signing with %1 failed."_s.arg(algorithm);
        return QByteArray();
    }
    QByteArray signature(qsizetype(length), '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length, data,
                       size_t(input.size()))
        != 1) {
        ERR_clear_error();
        *error = u"Signing with %1 failed."_s.arg(algorithm);
        return QByteArray();
    }
    signature.resize(qsizetype(length));
    if (algorithm == u"ES256"_s)
        signature = rawEcdsa(signature, 32);
    if (signature.isEmpty())
        *error = u"Signing with %1 failed."_s.arg(algorithm);
    return signature;
}

// The algorithm for the key: the configured one when the key fits it, else RS256 for RSA and ES256
// for P-256; empty and *error when the key fits none.
QString algorithmFor(EVP_PKEY *key, const QString &configured, QString *error)
{
    const bool rsa = EVP_PKEY_is_a(key, "RSA") == 1;
    bool p256 = false;
    if (EVP_PKEY_is_a(key, "EC") == 1) {
        char group[64] = {};
        size_t length = 0;
        p256 = EVP_PKEY_get_group_name(key, group, sizeof group, &length) == 1
            && (qstrcmp(group, "prime256v1") == 0 || qstrcmp(group, "P-256") == 0);
    }
    const QString algorithm = !configured.isEmpty() ? configured
        : rsa                                       ? u"RS256"_s
        : p256                                      ? u"ES256"_s
                                                    : QString();
    if (algorithm.isEmpty()) {
        *error = u"The key is neither RSA nor EC on the P-256 curve: it cannot sign RS256, PS256 or ES256."_s;
        return QString();
    }
    if ((algorithm == u"ES256"_s && !p256) || (algorithm != u"ES256"_s && !rsa)) {
        *error = u"%1 needs %2 key; the key file holds another kind."_s.arg(
            algorithm, algorithm == u"ES256"_s ? u"an EC P-256"_s : u"an RSA"_s);
        return QString();
    }
    if (rsa && EVP_PKEY_get_bits(key) < 2048) {
        *error
            = u"The RSA key has %1 bits; RFC 7518 §3.3 asks for 2048 or more."_s.arg(EVP_PKEY_get_bits(key));
        return QString();
    }
    return algorithm;
}

} // namespace

QString ClientAssertion::assertionType()
{
    return u"urn:ietf:params:oauth:client-assertion-type:jwt-bearer"_s;
}

QString ClientAssertion::build(const OAuth2Config &config, QString *error, const QDateTime &now)
{
    error->clear();
    const QString clientId = config.clientId.trimmed();
    const QString audience = config.clientAssertionAudience.trimmed().isEmpty()
        ? config.accessTokenUrl.trimmed()
        : config.clientAssertionAudience.trimmed();
    QByteArray jti(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(jti.data()), jti.size() / 4);
    const qint64 issuedAt = now.toSecsSinceEpoch();
    const QJsonObject claims { { u"iss"_s, clientId },
                               { u"sub"_s, clientId },
                               { u"aud"_s, audience },
                               { u"iat"_s, issuedAt },
                               { u"exp"_s, issuedAt + LifetimeSeconds },
                               { u"jti"_s, QString::fromLatin1(base64Url(jti)) } };

    Pkey key;
    QString algorithm = u"HS256"_s;
    if (config.clientAuthentication == ClientAuthentication::PrivateKeyJwt) {
        key = readKey(config.clientKeyFile.trimmed(), config.clientKeyPassphrase.toUtf8(), error);
        if (!key)
            return QString();
        algorithm = algorithmFor(key.get(), config.clientAssertionAlgorithm, error);
        if (algorithm.isEmpty())
            return QString();
    } else if (config.clientAuthentication != ClientAuthentication::ClientSecretJwt) {
        *error = u"The client authentication is not a signed JWT."_s;
        return QString();
    } else if (config.clientSecret.isEmpty()) {
        *error = u"client_secret_jwt signs with the client secret, which is empty."_s;
        return QString();
    }
    QJsonObject header { { u"alg"_s, algorithm }, { u"typ"_s, u"JWT"_s } };
    if (!config.clientKeyId.trimmed().isEmpty() && key)
        header.insert(u"kid"_s, config.clientKeyId.trimmed());
    const QByteArray input = base64Url(json(header)) + '.' + base64Url(json(claims));
    const QByteArray signature = key
        ? sign(key.get(), algorithm, input, error)
        : QMessageAuthenticationCode::hash(input, config.clientSecret.toUtf8(), QCryptographicHash::Sha256);
    if (signature.isEmpty())
        return QString();
    return QString::fromLatin1(input + '.' + base64Url(signature));
}

} // namespace Postern
