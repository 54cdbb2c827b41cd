#include "tokentools/jwtverifier.h"

#include "base/logging.h"
#include "tokentools/libcrypto.h"

#include <QJsonArray>

#include <memory>
#include <openssl/core_names.h>
#include <optional>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// libcrypto's functions: called only after verify() has loaded the library.
const LibCrypto &lib()
{
    return *LibCrypto::load();
}

// Owning handles for the libcrypto objects used here.
struct PkeyFree
{
    void operator()(EVP_PKEY *p) const { lib().EVP_PKEY_free(p); }
};
struct PkeyCtxFree
{
    void operator()(EVP_PKEY_CTX *p) const { lib().EVP_PKEY_CTX_free(p); }
};
struct MdCtxFree
{
    void operator()(EVP_MD_CTX *p) const { lib().EVP_MD_CTX_free(p); }
};
struct BnFree
{
    void operator()(BIGNUM *p) const { lib().BN_free(p); }
};
struct ParamBldFree
{
    void operator()(OSSL_PARAM_BLD *p) const { lib().OSSL_PARAM_BLD_free(p); }
};
struct ParamFree
{
    void operator()(OSSL_PARAM *p) const { lib().OSSL_PARAM_free(p); }
};
struct EcdsaSigFree
{
    void operator()(ECDSA_SIG *p) const { lib().ECDSA_SIG_free(p); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyCtx = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using MdCtx = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using Bignum = std::unique_ptr<BIGNUM, BnFree>;
using ParamBld = std::unique_ptr<OSSL_PARAM_BLD, ParamBldFree>;
using Params = std::unique_ptr<OSSL_PARAM, ParamFree>;
using EcdsaSig = std::unique_ptr<ECDSA_SIG, EcdsaSigFree>;

// libcrypto's error queue is per thread and shared with Qt's TLS backend: never leave entries behind.
struct ErrorQueueGuard
{
    ~ErrorQueueGuard() { lib().ERR_clear_error(); }
};

enum class Family { Rsa, RsaPss, Ec };

struct Algorithm
{
    QString name;
    Family family;
    const EVP_MD *(*digest)();
    const char *group = nullptr; // EC: OpenSSL's group name
    QString curve; // EC: the JWK "crv"
    int coordinateBytes = 0; // EC: size of x, y, r and s
};

std::optional<Algorithm> algorithmFor(const QString &name)
{
    if (name == u"RS256"_s)
        return Algorithm { name, Family::Rsa, lib().EVP_sha256, nullptr, QString(), 0 };
    if (name == u"RS384"_s)
        return Algorithm { name, Family::Rsa, lib().EVP_sha384, nullptr, QString(), 0 };
    if (name == u"RS512"_s)
        return Algorithm { name, Family::Rsa, lib().EVP_sha512, nullptr, QString(), 0 };
    if (name == u"PS256"_s)
        return Algorithm { name, Family::RsaPss, lib().EVP_sha256, nullptr, QString(), 0 };
    if (name == u"PS384"_s)
        return Algorithm { name, Family::RsaPss, lib().EVP_sha384, nullptr, QString(), 0 };
    if (name == u"PS512"_s)
        return Algorithm { name, Family::RsaPss, lib().EVP_sha512, nullptr, QString(), 0 };
    if (name == u"ES256"_s)
        return Algorithm { name, Family::Ec, lib().EVP_sha256, "prime256v1", u"P-256"_s, 32 };
    if (name == u"ES384"_s)
        return Algorithm { name, Family::Ec, lib().EVP_sha384, "secp384r1", u"P-384"_s, 48 };
    if (name == u"ES512"_s)
        return Algorithm { name, Family::Ec, lib().EVP_sha512, "secp521r1", u"P-521"_s, 66 };
    return std::nullopt;
}

bool isBase64Url(const QByteArray &text)
{
    for (const char c : text) {
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
              || c == '_'))
            return false;
    }
    return true;
}

// A base64url key member (RFC 7518 §6.2.1, §6.3.1): the decoded bytes, or nothing when absent or bad.
std::optional<QByteArray> keyBytes(const QJsonObject &jwk, const QString &member)
{
    const QJsonValue value = jwk.value(member);
    if (!value.isString())
        return std::nullopt;
    const QByteArray text = value.toString().toLatin1();
    if (text.isEmpty() || !isBase64Url(text))
        return std::nullopt;
    auto result = QByteArray::fromBase64Encoding(
        text, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (result.decodingStatus != QByteArray::Base64DecodingStatus::Ok || result.decoded.isEmpty())
        return std::nullopt;
    return std::move(result.decoded);
}

Bignum toBignum(const QByteArray &bytes)
{
    return Bignum(lib().BN_bin2bn(reinterpret_cast<const unsigned char *>(bytes.constData()),
                                  int(bytes.size()), nullptr));
}

QString describeKey(const QJsonObject &jwk, int index)
{
    const QString kid = jwk.value(u"kid"_s).toString();
    return kid.isEmpty() ? JwtVerifier::tr("key #%1").arg(index + 1) : JwtVerifier::tr("key “%1”").arg(kid);
}

// The public key of an RSA JWK, or nothing with the reason in *why.
Pkey rsaKey(const QJsonObject &jwk, QString *why)
{
    const std::optional<QByteArray> n = keyBytes(jwk, u"n"_s);
    const std::optional<QByteArray> e = keyBytes(jwk, u"e"_s);
    if (!n || !e) {
        *why = JwtVerifier::tr("its “n” or “e” is missing or not base64url");
        return nullptr;
    }
    const Bignum modulus = toBignum(*n);
    const Bignum exponent = toBignum(*e);
    if (!modulus || !exponent) {
        *why = JwtVerifier::tr("its numbers cannot be read");
        return nullptr;
    }
    if (lib().BN_num_bits(modulus.get()) < 2048) {
        *why = JwtVerifier::tr("it has %1 bits; RSA keys for JWS need at least 2048 (RFC 7518 §3.3)")
                   .arg(lib().BN_num_bits(modulus.get()));
        return nullptr;
    }
    const ParamBld builder(lib().OSSL_PARAM_BLD_new());
    if (!builder || lib().OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1
        || lib().OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1) {
        *why = JwtVerifier::tr("libcrypto could not take it");
        return nullptr;
    }
    const Params params(lib().OSSL_PARAM_BLD_to_param(builder.get()));
    const PkeyCtx context(lib().EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !context || lib().EVP_PKEY_fromdata_init(context.get()) != 1
        || lib().EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1) {
        *why = JwtVerifier::tr("libcrypto refused it as an RSA public key");
        return nullptr;
    }
    return Pkey(key);
}

// The public key of an EC JWK on the algorithm's curve, or nothing with the reason in *why.
Pkey ecKey(const QJsonObject &jwk, const Algorithm &algorithm, QString *why)
{
    const std::optional<QByteArray> x = keyBytes(jwk, u"x"_s);
    const std::optional<QByteArray> y = keyBytes(jwk, u"y"_s);
    if (!x || !y) {
        *why = JwtVerifier::tr("its “x” or “y” is missing or not base64url");
        return nullptr;
    }
    // RFC 7518 §6.2.1.2: each coordinate is the full size of the curve's field, leading zeros kept.
    if (x->size() != algorithm.coordinateBytes || y->size() != algorithm.coordinateBytes) {
        *why = JwtVerifier::tr("its coordinates are not %1 bytes each as %2 needs")
                   .arg(algorithm.coordinateBytes)
                   .arg(algorithm.curve);
        return nullptr;
    }
    QByteArray point;
    point.reserve(1 + 2 * algorithm.coordinateBytes);
    point.append(char(0x04)); // SEC 1 uncompressed point
    point.append(*x);
    point.append(*y);

    OSSL_PARAM params[] = {
        lib().OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME,
                                               const_cast<char *>(algorithm.group), 0),
        lib().OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), size_t(point.size())),
        lib().OSSL_PARAM_construct_end(),
    };
    const PkeyCtx context(lib().EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
    EVP_PKEY *raw = nullptr;
    if (!context || lib().EVP_PKEY_fromdata_init(context.get()) != 1
        || lib().EVP_PKEY_fromdata(context.get(), &raw, EVP_PKEY_PUBLIC_KEY, params) != 1) {
        *why = JwtVerifier::tr("its point is not on %1").arg(algorithm.curve);
        return nullptr;
    }
    Pkey key(raw);
    const PkeyCtx check(lib().EVP_PKEY_CTX_new_from_pkey(nullptr, key.get(), nullptr));
    if (!check || lib().EVP_PKEY_public_check(check.get()) != 1) {
        *why = JwtVerifier::tr("its point is not a valid public key on %1").arg(algorithm.curve);
        return nullptr;
    }
    return key;
}

// R‖S (RFC 7518 §3.4) as the DER SEQUENCE of two INTEGERs that libcrypto verifies.
QByteArray ecdsaDer(const QByteArray &signature, int coordinateBytes)
{
    Bignum r = toBignum(signature.left(coordinateBytes));
    Bignum s = toBignum(signature.mid(coordinateBytes));
    const EcdsaSig sig(lib().ECDSA_SIG_new());
    if (!r || !s || !sig || lib().ECDSA_SIG_set0(sig.get(), r.get(), s.get()) != 1)
        return QByteArray();
    r.release(); // owned by sig now
    s.release();
    const int length = lib().i2d_ECDSA_SIG(sig.get(), nullptr);
    if (length <= 0)
        return QByteArray();
    QByteArray der(length, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(der.data());
    if (lib().i2d_ECDSA_SIG(sig.get(), &out) != length)
        return QByteArray();
    return der;
}

// 1: the signature matches; 0: it does not; -1: libcrypto could not run the check.
int checkSignature(EVP_PKEY *key, const Algorithm &algorithm, const QByteArray &signingInput,
                   const QByteArray &signature)
{
    const MdCtx context(lib().EVP_MD_CTX_new());
    EVP_PKEY_CTX *keyContext = nullptr; // owned by context
    if (!context
        || lib().EVP_DigestVerifyInit(context.get(), &keyContext, algorithm.digest(), nullptr, key) != 1)
        return -1;
    if (algorithm.family == Family::RsaPss) {
        // RFC 7518 §3.5: MGF1 with the same hash, salt as long as the hash.
        if (lib().EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) != 1
            || lib().EVP_PKEY_CTX_set_rsa_mgf1_md(keyContext, algorithm.digest()) != 1
            || lib().EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST) != 1)
            return -1;
    } else if (algorithm.family == Family::Rsa) {
        if (lib().EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) != 1)
            return -1;
    }
    const int result = lib().EVP_DigestVerify(
        context.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
        size_t(signature.size()), reinterpret_cast<const unsigned char *>(signingInput.constData()),
        size_t(signingInput.size()));
    return result == 1 ? 1 : 0;
}

// Why jwk cannot be used for algorithm, or an empty string when it can.
QString unfitReason(const QJsonObject &jwk, const Algorithm &algorithm)
{
    const QString kty = jwk.value(u"kty"_s).toString();
    const bool rsa = algorithm.family != Family::Ec;
    if (rsa && kty != u"RSA"_s)
        return kty.isEmpty()
            ? JwtVerifier::tr("it is a typeless key, and %1 needs an RSA key").arg(algorithm.name)
            : JwtVerifier::tr("it is a “%1” key, and %2 needs an RSA key").arg(kty, algorithm.name);
    if (!rsa && kty != u"EC"_s)
        return kty.isEmpty()
            ? JwtVerifier::tr("it is a typeless key, and %1 needs an EC key").arg(algorithm.name)
            : JwtVerifier::tr("it is a “%1” key, and %2 needs an EC key").arg(kty, algorithm.name);
    if (!rsa && jwk.value(u"crv"_s).toString() != algorithm.curve)
        return JwtVerifier::tr("it is on curve “%1”, and %2 needs %3")
            .arg(jwk.value(u"crv"_s).toString(), algorithm.name, algorithm.curve);
    if (jwk.contains(u"alg"_s) && jwk.value(u"alg"_s).toString() != algorithm.name)
        return JwtVerifier::tr("it is meant for %1, not %2")
            .arg(jwk.value(u"alg"_s).toString(), algorithm.name);
    if (jwk.contains(u"use"_s) && jwk.value(u"use"_s).toString() != u"sig"_s)
        return JwtVerifier::tr("its “use” is not “sig”");
    if (jwk.contains(u"key_ops"_s) && !jwk.value(u"key_ops"_s).toArray().contains(u"verify"_s))
        return JwtVerifier::tr("its “key_ops” do not include “verify”");
    return QString();
}

JwtVerifier::Result make(JwtVerifier::Verdict verdict, const QString &message, const QString &algorithm = {},
                         const QString &keyId = {})
{
    return JwtVerifier::Result { verdict, message, algorithm, keyId };
}

} // namespace

QStringList JwtVerifier::supportedAlgorithms()
{
    return { u"RS256"_s, u"RS384"_s, u"RS512"_s, u"PS256"_s, u"PS384"_s,
             u"PS512"_s, u"ES256"_s, u"ES384"_s, u"ES512"_s };
}

QString JwtVerifier::verdictName(Verdict verdict)
{
    switch (verdict) {
    case Verdict::Valid:
        return JwtVerifier::tr("Signature valid");
    case Verdict::Invalid:
        return JwtVerifier::tr("Signature invalid");
    case Verdict::UnknownKey:
        return JwtVerifier::tr("No matching key");
    case Verdict::UnsupportedAlgorithm:
        return JwtVerifier::tr("Algorithm not supported");
    case Verdict::NotSigned:
        return JwtVerifier::tr("Not signed");
    case Verdict::Malformed:
        return JwtVerifier::tr("Malformed token");
    }
    return QString();
}

JwtVerifier::Result JwtVerifier::verify(QStringView token, const QJsonObject &jwks)
{
    return verify(Jwt::decode(token), jwks);
}

JwtVerifier::Result JwtVerifier::verify(const JwtInfo &token, const QJsonObject &jwks)
{
    if (!token.isJwt)
        return make(Verdict::Malformed,
                    token.notJwtReason.isEmpty() ? JwtVerifier::tr("Not a JWT.") : token.notJwtReason);

    const QString alg = token.algorithm;
    if (alg.isEmpty())
        return make(Verdict::Malformed,
                    JwtVerifier::tr("The header has no “alg”: there is no algorithm to check."));
    if (alg.compare(u"none"_s, Qt::CaseInsensitive) == 0)
        return make(Verdict::NotSigned,
                    JwtVerifier::tr("The token is unsigned (alg “none”); an unsigned token is never valid."),
                    alg);
    if (alg.startsWith(u"HS"_s, Qt::CaseInsensitive))
        return make(
            Verdict::UnsupportedAlgorithm,
            JwtVerifier::tr(
                "%1 is an HMAC: it is checked with a shared secret, which a key set does not publish. "
                "Using a public key as that secret would accept forged tokens (algorithm confusion), "
                "so it is not done.")
                .arg(alg),
            alg);
    QString unavailable;
    if (!LibCrypto::load(&unavailable))
        return make(Verdict::UnsupportedAlgorithm,
                    JwtVerifier::tr("Signatures cannot be checked here: %1.").arg(unavailable), alg);
    const ErrorQueueGuard clearErrors;
    const std::optional<Algorithm> algorithm = algorithmFor(alg);
    if (!algorithm)
        return make(Verdict::UnsupportedAlgorithm,
                    JwtVerifier::tr("The algorithm “%1” is not supported (supported: %2).")
                        .arg(alg.left(40), supportedAlgorithms().join(u", "_s)),
                    alg);
    // RFC 7515 §4.1.11: a critical extension that is not understood makes the JWS invalid.
    if (token.header.contains(u"crit"_s)) {
        QStringList names;
        for (const QJsonValue value : token.header.value(u"crit"_s).toArray())
            names << value.toString().left(40);
        return make(
            Verdict::UnsupportedAlgorithm,
            JwtVerifier::tr("The header marks extensions as critical (%1), which this verifier does not "
                            "understand; RFC 7515 requires rejecting it.")
                .arg(names.join(u", "_s)),
            alg);
    }
    if (token.signature.isEmpty())
        return make(Verdict::Malformed, JwtVerifier::tr("The signature part is empty."), alg);
    if (algorithm->family == Family::Ec && token.signature.size() != 2 * algorithm->coordinateBytes)
        return make(Verdict::Malformed,
                    JwtVerifier::tr("An %1 signature is %2 bytes (R and S side by side); this one has %3.")
                        .arg(alg)
                        .arg(2 * algorithm->coordinateBytes)
                        .arg(token.signature.size()),
                    alg);

    const QJsonValue keysValue = jwks.value(u"keys"_s);
    if (!keysValue.isArray())
        return make(Verdict::UnknownKey, JwtVerifier::tr("The key set has no “keys” array."), alg);
    const QJsonArray keys = keysValue.toArray();

    // Candidates: by kid when the token names one, else every key that fits the algorithm. A set
    // whose keys have no kid at all cannot be searched by kid: then too every fitting key is tried.
    QStringList knownIds;
    for (const QJsonValue key : keys) {
        if (const QString kid = key.toObject().value(u"kid"_s).toString(); !kid.isEmpty())
            knownIds << u'\u201c' + kid.left(60) + u'\u201d';
    }
    const bool byKid = !token.keyId.isEmpty() && !knownIds.isEmpty();
    QList<QPair<int, QJsonObject>> candidates;
    QStringList refused;
    bool kidSeen = false;
    for (int i = 0; i < keys.size(); ++i) {
        const QJsonObject jwk = keys.at(i).toObject();
        const QString kid = jwk.value(u"kid"_s).toString();
        if (byKid && kid != token.keyId)
            continue;
        kidSeen = true;
        const QString reason = unfitReason(jwk, *algorithm);
        if (reason.isEmpty())
            candidates.append({ i, jwk });
        else if (byKid)
            refused << describeKey(jwk, i) + u": "_s + reason;
    }

    if (byKid && !kidSeen) {
        return make(
            Verdict::UnknownKey,
            JwtVerifier::tr("The key set has no key “%1” (it has %2). The server may have rotated its "
                            "keys: fetch the key set again.")
                .arg(token.keyId.left(60), knownIds.join(u", "_s)),
            alg, token.keyId);
    }
    if (candidates.isEmpty()) {
        if (!refused.isEmpty())
            return make(Verdict::Invalid,
                        JwtVerifier::tr("The token names a key that cannot check %1: %2.")
                            .arg(alg, refused.join(u"; "_s)),
                        alg, token.keyId);
        return make(Verdict::UnknownKey,
                    JwtVerifier::tr("The key set has no key for %1 (%2).")
                        .arg(alg,
                             algorithm->family == Family::Ec
                                 ? JwtVerifier::tr("an EC key on %1").arg(algorithm->curve)
                                 : JwtVerifier::tr("an RSA key")),
                    alg);
    }

    QStringList unusable;
    QString lastTried;
    QString lastDescription;
    int tried = 0;
    for (const auto &[index, jwk] : candidates) {
        QString why;
        const Pkey key = algorithm->family == Family::Ec ? ecKey(jwk, *algorithm, &why) : rsaKey(jwk, &why);
        if (!key) {
            unusable << describeKey(jwk, index) + u": "_s + why;
            continue;
        }
        QByteArray signature = token.signature;
        if (algorithm->family == Family::Ec) {
            signature = ecdsaDer(token.signature, algorithm->coordinateBytes);
            if (signature.isEmpty())
                return make(Verdict::Malformed, JwtVerifier::tr("The %1 signature cannot be read.").arg(alg),
                            alg);
        }
        ++tried;
        lastTried = jwk.value(u"kid"_s).toString();
        lastDescription = describeKey(jwk, index);
        const int outcome = checkSignature(key.get(), *algorithm, token.signingInput, signature);
        if (outcome == 1) {
            qCDebug(lcAuth) << "JWS signature valid, alg" << alg << "key index" << index;
            return make(Verdict::Valid,
                        JwtVerifier::tr("The %1 signature matches %2.").arg(alg, describeKey(jwk, index)),
                        alg, lastTried);
        }
        if (outcome < 0)
            unusable << JwtVerifier::tr("%1: libcrypto could not run the check").arg(describeKey(jwk, index));
    }

    if (tried == 0)
        return make(Verdict::UnknownKey,
                    JwtVerifier::tr("No key of the set can be used: %1.").arg(unusable.join(u"; "_s)), alg,
                    token.keyId);
    const QString which = tried == 1 ? lastDescription : JwtVerifier::tr("any of %1 keys").arg(tried);
    QString message
        = JwtVerifier::tr("The %1 signature does not match %2: the token was altered or signed with another "
                          "key.")
              .arg(alg, which);
    if (!unusable.isEmpty())
        message += u' ' + JwtVerifier::tr("Not usable: %1.").arg(unusable.join(u"; "_s));
    return make(Verdict::Invalid, message, alg, tried == 1 ? lastTried : token.keyId);
}

} // namespace Postern
