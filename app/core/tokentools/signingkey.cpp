#include "tokentools/signingkey.h"

#include "tokentools/libcrypto.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStringList>

#include <openssl/core_names.h>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// libcrypto's functions: called only with a key in hand, or after fromFile(), fromPem() or
// generateP256() has loaded the library.
const LibCrypto &lib()
{
    return *LibCrypto::load();
}

struct Free
{
    void operator()(EVP_PKEY *p) const { lib().EVP_PKEY_free(p); }
    void operator()(EVP_MD_CTX *p) const { lib().EVP_MD_CTX_free(p); }
    void operator()(BIO *p) const { lib().BIO_free(p); }
    void operator()(PKCS12 *p) const { lib().PKCS12_free(p); }
    void operator()(ECDSA_SIG *p) const { lib().ECDSA_SIG_free(p); }
    void operator()(BIGNUM *p) const { lib().BN_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, Free>;

// PEM_read_bio_PrivateKey's passphrase callback: the given passphrase, never a prompt on a terminal.
int passphraseCallback(char *buffer, int size, int, void *data)
{
    const QByteArray *passphrase = static_cast<const QByteArray *>(data);
    const int length = int(std::min<qsizetype>(passphrase->size(), size));
    memcpy(buffer, passphrase->constData(), size_t(length));
    return length;
}

EVP_PKEY *readPem(const QByteArray &bytes, const QByteArray &passphrase)
{
    const std::unique_ptr<BIO, Free> bio(lib().BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
    QByteArray pass = passphrase;
    EVP_PKEY *key
        = bio ? lib().PEM_read_bio_PrivateKey(bio.get(), nullptr, &passphraseCallback, &pass) : nullptr;
    pass.fill('\0');
    lib().ERR_clear_error();
    return key;
}

// RFC 7518 §3.4: ECDSA signatures are R‖S, each padded to the coordinate size; libcrypto gives DER.
QByteArray rawEcdsa(const QByteArray &der, int coordinateBytes)
{
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    const std::unique_ptr<ECDSA_SIG, Free> signature(lib().d2i_ECDSA_SIG(nullptr, &p, long(der.size())));
    if (!signature)
        return QByteArray();
    QByteArray raw(2 * coordinateBytes, '\0');
    unsigned char *out = reinterpret_cast<unsigned char *>(raw.data());
    if (lib().BN_bn2binpad(lib().ECDSA_SIG_get0_r(signature.get()), out, coordinateBytes) != coordinateBytes
        || lib().BN_bn2binpad(lib().ECDSA_SIG_get0_s(signature.get()), out + coordinateBytes, coordinateBytes)
            != coordinateBytes)
        return QByteArray();
    return raw;
}

bool isP256(EVP_PKEY *key)
{
    if (lib().EVP_PKEY_is_a(key, "EC") != 1)
        return false;
    char group[64] = {};
    size_t length = 0;
    const bool ok = lib().EVP_PKEY_get_group_name(key, group, sizeof group, &length) == 1
        && (qstrcmp(group, "prime256v1") == 0 || qstrcmp(group, "P-256") == 0);
    lib().ERR_clear_error();
    return ok;
}

// A big number parameter of the key, big-endian, padded to width bytes when width > 0.
QByteArray bigNumber(EVP_PKEY *key, const char *name, int width = 0)
{
    BIGNUM *raw = nullptr;
    if (lib().EVP_PKEY_get_bn_param(key, name, &raw) != 1) {
        lib().ERR_clear_error();
        return QByteArray();
    }
    const std::unique_ptr<BIGNUM, Free> number(raw);
    const int size = width > 0 ? width : (lib().BN_num_bits(number.get()) + 7) / 8;
    QByteArray bytes(size, '\0');
    if (lib().BN_bn2binpad(number.get(), reinterpret_cast<unsigned char *>(bytes.data()), size) != size)
        return QByteArray();
    return bytes;
}

} // namespace

struct SigningKey::Private
{
    Pkey key;
};

SigningKey::SigningKey() = default;
SigningKey::~SigningKey() = default;
SigningKey::SigningKey(const SigningKey &other) = default;
SigningKey &SigningKey::operator=(const SigningKey &other) = default;

SigningKey SigningKey::fromFile(const QString &path, const QByteArray &passphrase, QString *error)
{
    const QString name = QFileInfo(path).fileName();
    QFile file(path);
    if (path.isEmpty() || !file.open(QIODevice::ReadOnly)) {
        *error = tr("The private key file %1 cannot be read: %2.")
                     .arg(name, path.isEmpty() ? tr("no file is named") : file.errorString());
        return SigningKey();
    }
    if (file.size() > MaxKeyFileBytes) {
        *error = tr("The private key file %1 is larger than a key file can be.").arg(name);
        return SigningKey();
    }
    QString unavailable;
    if (!LibCrypto::load(&unavailable)) {
        *error = tr("The private key file %1 cannot be read here: %2.").arg(name, unavailable);
        return SigningKey();
    }
    QByteArray bytes = file.read(MaxKeyFileBytes + 1);
    Pkey key;
    if (bytes.contains("-----BEGIN")) {
        key.reset(readPem(bytes, passphrase));
    } else {
        const std::unique_ptr<BIO, Free> bio(lib().BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
        const std::unique_ptr<PKCS12, Free> p12(bio ? lib().d2i_PKCS12_bio(bio.get(), nullptr) : nullptr);
        EVP_PKEY *parsed = nullptr;
        X509 *certificate = nullptr;
        if (p12
            && lib().PKCS12_parse(p12.get(), passphrase.constData(), &parsed, &certificate, nullptr) == 1) {
            key.reset(parsed);
            lib().X509_free(certificate);
        } else if (!p12) {
            bytes.fill('\0');
            lib().ERR_clear_error();
            *error = tr("The private key file %1 is neither PEM nor PKCS#12.").arg(name);
            return SigningKey();
        }
    }
    bytes.fill('\0');
    lib().ERR_clear_error(); // nothing of a failed attempt stays for the next libcrypto user
    if (!key) {
        *error = passphrase.isEmpty()
            ? tr("No private key could be read from %1: it may need a passphrase, or hold no private key.")
                  .arg(name)
            : tr("No private key could be read from %1: the passphrase is wrong, or the file holds no "
                 "private "
                 "key.")
                  .arg(name);
        return SigningKey();
    }
    SigningKey result;
    result.d = std::make_shared<Private>();
    result.d->key = std::move(key);
    return result;
}

SigningKey SigningKey::fromPem(const QByteArray &pem)
{
    if (!LibCrypto::load())
        return SigningKey();
    Pkey key(readPem(pem, QByteArray()));
    if (!key)
        return SigningKey();
    SigningKey result;
    result.d = std::make_shared<Private>();
    result.d->key = std::move(key);
    return result;
}

SigningKey SigningKey::generateP256()
{
    if (!LibCrypto::load())
        return SigningKey();
    Pkey key(lib().EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    lib().ERR_clear_error();
    if (!key)
        return SigningKey();
    SigningKey result;
    result.d = std::make_shared<Private>();
    result.d->key = std::move(key);
    return result;
}

QByteArray SigningKey::toPem() const
{
    if (!d)
        return QByteArray();
    const std::unique_ptr<BIO, Free> bio(lib().BIO_new(lib().BIO_s_mem()));
    if (!bio
        || lib().PEM_write_bio_PrivateKey(bio.get(), d->key.get(), nullptr, nullptr, 0, nullptr, nullptr)
            != 1) {
        lib().ERR_clear_error();
        return QByteArray();
    }
    char *data = nullptr;
    const long length = lib().BIO_ctrl(bio.get(), BIO_CTRL_INFO, 0, reinterpret_cast<char *>(&data));
    QByteArray pem(data, qsizetype(length));
    lib().OPENSSL_cleanse(data, size_t(length));
    return pem;
}

QString SigningKey::algorithmFor(const QString &configured, QString *error) const
{
    if (!d) {
        *error = tr("There is no key to sign with.");
        return QString();
    }
    EVP_PKEY *key = d->key.get();
    const bool rsa = lib().EVP_PKEY_is_a(key, "RSA") == 1;
    const bool p256 = isP256(key);
    const QString algorithm = !configured.isEmpty() ? configured
        : rsa                                       ? u"RS256"_s
        : p256                                      ? u"ES256"_s
                                                    : QString();
    if (algorithm.isEmpty()) {
        *error
            = tr("The key is neither RSA nor EC on the P-256 curve: it cannot sign RS256, PS256 or ES256.");
        return QString();
    }
    if (!QStringList { u"RS256"_s, u"PS256"_s, u"ES256"_s }.contains(algorithm)) {
        *error = tr("%1 is not an algorithm Postern signs with (RS256, PS256, ES256).").arg(algorithm);
        return QString();
    }
    if ((algorithm == u"ES256"_s && !p256) || (algorithm != u"ES256"_s && !rsa)) {
        *error = algorithm == u"ES256"_s
            ? tr("%1 needs an EC P-256 key; the key file holds another kind.").arg(algorithm)
            : tr("%1 needs an RSA key; the key file holds another kind.").arg(algorithm);
        return QString();
    }
    if (rsa && lib().EVP_PKEY_get_bits(key) < 2048) {
        *error = tr("The RSA key has %1 bits; RFC 7518 §3.3 asks for 2048 or more.")
                     .arg(lib().EVP_PKEY_get_bits(key));
        return QString();
    }
    return algorithm;
}

QByteArray SigningKey::sign(const QString &algorithm, const QByteArray &input, QString *error) const
{
    if (!d) {
        *error = tr("There is no key to sign with.");
        return QByteArray();
    }
    const std::unique_ptr<EVP_MD_CTX, Free> context(lib().EVP_MD_CTX_new());
    EVP_PKEY_CTX *keyContext = nullptr;
    if (!context
        || lib().EVP_DigestSignInit(context.get(), &keyContext, lib().EVP_sha256(), nullptr, d->key.get())
            != 1) {
        lib().ERR_clear_error();
        *error = tr("The key cannot sign with %1.").arg(algorithm);
        return QByteArray();
    }
    if (algorithm == u"PS256"_s
        && (lib().EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) != 1
            || lib().EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST) != 1)) {
        lib().ERR_clear_error();
        *error = tr("The key cannot sign with PS256.");
        return QByteArray();
    }
    size_t length = 0;
    const auto *data = reinterpret_cast<const unsigned char *>(input.constData());
    QByteArray signature;
    if (lib().EVP_DigestSign(context.get(), nullptr, &length, data, size_t(input.size())) == 1) {
        signature.resize(qsizetype(length));
        if (lib().EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                                 data, size_t(input.size()))
            == 1)
            signature.resize(qsizetype(length));
        else
            signature.clear();
    }
    lib().ERR_clear_error();
    if (algorithm == u"ES256"_s && !signature.isEmpty())
        signature = rawEcdsa(signature, 32);
    if (signature.isEmpty())
        *error = tr("Signing with %1 failed.").arg(algorithm);
    return signature;
}

QJsonObject SigningKey::publicJwk() const
{
    if (!d)
        return QJsonObject();
    EVP_PKEY *key = d->key.get();
    if (lib().EVP_PKEY_is_a(key, "RSA") == 1) {
        return { { u"kty"_s, u"RSA"_s },
                 { u"n"_s, QString::fromLatin1(base64UrlNoPadding(bigNumber(key, OSSL_PKEY_PARAM_RSA_N))) },
                 { u"e"_s, QString::fromLatin1(base64UrlNoPadding(bigNumber(key, OSSL_PKEY_PARAM_RSA_E))) } };
    }
    if (isP256(key)) {
        return {
            { u"kty"_s, u"EC"_s },
            { u"crv"_s, u"P-256"_s },
            { u"x"_s, QString::fromLatin1(base64UrlNoPadding(bigNumber(key, OSSL_PKEY_PARAM_EC_PUB_X, 32))) },
            { u"y"_s, QString::fromLatin1(base64UrlNoPadding(bigNumber(key, OSSL_PKEY_PARAM_EC_PUB_Y, 32))) }
        };
    }
    return QJsonObject();
}

QString SigningKey::jwkThumbprint(const QJsonObject &jwk)
{
    // RFC 7638 §3.2: the required members only, in lexicographic order, no white space; QJsonObject
    // keeps its keys sorted and the compact form has no white space.
    if (!jwk.value(u"kty"_s).isString())
        return QString();
    QJsonObject required;
    for (const QString &member : { u"crv"_s, u"e"_s, u"kty"_s, u"n"_s, u"x"_s, u"y"_s }) {
        if (jwk.contains(member))
            required.insert(member, jwk.value(member));
    }
    const QByteArray digest = QCryptographicHash::hash(QJsonDocument(required).toJson(QJsonDocument::Compact),
                                                       QCryptographicHash::Sha256);
    return QString::fromLatin1(base64UrlNoPadding(digest));
}

QString SigningKey::signCompact(QJsonObject header, const QJsonObject &claims, const QString &algorithm,
                                QString *error) const
{
    header.insert(u"alg"_s, algorithm);
    const QByteArray input = base64UrlNoPadding(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64UrlNoPadding(QJsonDocument(claims).toJson(QJsonDocument::Compact));
    const QByteArray signature = sign(algorithm, input, error);
    if (signature.isEmpty())
        return QString();
    return QString::fromLatin1(input + '.' + base64UrlNoPadding(signature));
}

QByteArray base64UrlNoPadding(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QString randomJwtId()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()), bytes.size() / 4);
    return QString::fromLatin1(base64UrlNoPadding(bytes));
}

} // namespace Postern
