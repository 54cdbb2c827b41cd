#include "secrets/encryptedfilesecretstore.h"

#include "base/atomicfile.h"
#include "base/logging.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace Postern {

static_assert(crypto_secretbox_KEYBYTES == 32, "the key buffer is sized for XSalsa20-Poly1305");

namespace {

constexpr int FormatVersion = 1;

const QString &formatName()
{
    static const QString name = u"postern-secrets"_s;
    return name;
}

const QString &kdfName()
{
    static const QString name = u"argon2id13"_s;
    return name;
}

// libsodium is started when a store is first opened (sodium_init() probes the processor and the
// system's random source), not when one is made: every start makes one, few open it.
void startSodium()
{
    static const bool ready = [] {
        const bool ok = sodium_init() >= 0;
        if (!ok)
            qCWarning(lcStore) << "libsodium could not be initialised";
        return ok;
    }();
    Q_UNUSED(ready);
}

void wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty())
        sodium_memzero(bytes.data(), size_t(bytes.size()));
    bytes.clear();
}

bool deriveKey(const QByteArray &passphrase, const QByteArray &salt, quint64 opsLimit, quint64 memLimit,
               std::array<unsigned char, 32> &key)
{
    return crypto_pwhash(key.data(), key.size(), passphrase.constData(), quint64(passphrase.size()),
                         reinterpret_cast<const unsigned char *>(salt.constData()), opsLimit,
                         size_t(memLimit), crypto_pwhash_ALG_ARGON2ID13)
        == 0;
}

// Base64 field of the expected size (or at least minSize when exact is false); empty when unusable.
QByteArray binaryField(const QJsonObject &object, const QString &name, qsizetype size, bool exact)
{
    const QJsonValue value = object.value(name);
    if (!value.isString())
        return {};
    const auto decoded = QByteArray::fromBase64Encoding(value.toString().toLatin1(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded || (exact ? decoded.decoded.size() != size : decoded.decoded.size() < size))
        return {};
    return decoded.decoded;
}

} // namespace

EncryptedFileSecretStore::KdfLimits EncryptedFileSecretStore::KdfLimits::interactive()
{
    return { crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE };
}

QString EncryptedFileSecretStore::defaultFileName()
{
    return u"secrets.enc"_s;
}

EncryptedFileSecretStore::EncryptedFileSecretStore(const QString &filePath, QObject *parent)
    : SecretStore(parent)
    , m_filePath(filePath)
    , m_limits(KdfLimits::interactive())
{
}

EncryptedFileSecretStore::~EncryptedFileSecretStore()
{
    close();
}

void EncryptedFileSecretStore::close()
{
    if (!m_open && m_secrets.isEmpty() && m_salt.isEmpty())
        return; // never opened: no key or secret to wipe
    sodium_memzero(m_key.data(), m_key.size());
    for (auto it = m_secrets.begin(); it != m_secrets.end(); ++it)
        wipe(it.value());
    m_secrets.clear();
    m_salt.clear();
    m_open = false;
}

QString EncryptedFileSecretStore::displayName() const
{
    return tr("the encrypted file %1").arg(QDir::toNativeSeparators(m_filePath));
}

EncryptedFileSecretStore::OpenResult EncryptedFileSecretStore::open(const QString &passphrase)
{
    startSodium();
    close();
    if (passphrase.isEmpty())
        return { OpenStatus::Failed, tr("The passphrase is empty."), {} };

    QByteArray secret = passphrase.toUtf8();
    const auto finish = [&secret](OpenResult result) {
        wipe(secret);
        qCInfo(lcStore) << "encrypted secrets file:" << result.status;
        return result;
    };

    QByteArray contents;
    QString error;
    switch (AtomicFile::read(m_filePath, &contents, &error)) {
    case AtomicFile::ReadStatus::Missing:
        return finish(createNew(secret, OpenStatus::Created, {}, {}));
    case AtomicFile::ReadStatus::Failed:
        return finish({ OpenStatus::Failed, error, {} });
    case AtomicFile::ReadStatus::Ok:
        break;
    }

    const auto setAside = [&](const QString &why) {
        QString moveError;
        const QString aside = AtomicFile::setAside(m_filePath, &moveError);
        if (aside.isEmpty())
            return OpenResult { OpenStatus::Failed, why % u' ' % moveError, {} };
        qCWarning(lcStore) << "encrypted secrets file unreadable, moved aside:" << aside;
        return createNew(
            secret, OpenStatus::SetAside,
            tr("The encrypted token file %1 was damaged (%2). It was moved to %3 and a new, empty one "
               "was started.")
                .arg(QDir::toNativeSeparators(m_filePath), why, QDir::toNativeSeparators(aside)),
            aside);
    };

    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(contents, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return finish(setAside(tr("not valid JSON")));
    const QJsonObject object = document.object();
    if (object.value(u"format"_s).toString() != formatName())
        return finish(setAside(tr("not a Postern secrets file")));
    const int version = object.value(u"version"_s).toInt();
    if (version > FormatVersion) {
        return finish({ OpenStatus::Failed,
                        tr("The encrypted token file %1 was written by a newer Postern (format %2).")
                            .arg(QDir::toNativeSeparators(m_filePath), QString::number(version)),
                        {} });
    }
    // Limits are checked as numbers before use, so that a doctored file cannot ask for absurd work.
    const double opsNumber = object.value(u"opslimit"_s).toDouble(-1);
    const double memNumber = object.value(u"memlimit"_s).toDouble(-1);
    const bool limitsUsable = opsNumber >= double(crypto_pwhash_OPSLIMIT_MIN)
        && opsNumber <= double(crypto_pwhash_OPSLIMIT_SENSITIVE)
        && memNumber >= double(crypto_pwhash_MEMLIMIT_MIN)
        && memNumber <= double(crypto_pwhash_MEMLIMIT_SENSITIVE);
    const quint64 opsLimit = limitsUsable ? quint64(opsNumber) : 0;
    const quint64 memLimit = limitsUsable ? quint64(memNumber) : 0;
    const QByteArray salt = binaryField(object, u"salt"_s, crypto_pwhash_SALTBYTES, true);
    const QByteArray nonce = binaryField(object, u"nonce"_s, crypto_secretbox_NONCEBYTES, true);
    const QByteArray ciphertext = binaryField(object, u"ciphertext"_s, crypto_secretbox_MACBYTES, false);
    if (version != FormatVersion || object.value(u"kdf"_s).toString() != kdfName() || !limitsUsable
        || salt.isEmpty() || nonce.isEmpty() || ciphertext.isEmpty()) {
        return finish(setAside(tr("missing or invalid fields")));
    }

    if (!deriveKey(secret, salt, opsLimit, memLimit, m_key))
        return finish({ OpenStatus::Failed,
                        tr("Not enough memory to derive the key of the encrypted token file."),
                        {} });

    QByteArray plain(ciphertext.size() - qsizetype(crypto_secretbox_MACBYTES), Qt::Uninitialized);
    if (crypto_secretbox_open_easy(reinterpret_cast<unsigned char *>(plain.data()),
                                   reinterpret_cast<const unsigned char *>(ciphertext.constData()),
                                   quint64(ciphertext.size()),
                                   reinterpret_cast<const unsigned char *>(nonce.constData()), m_key.data())
        != 0) {
        sodium_memzero(m_key.data(), m_key.size());
        return finish(
            { OpenStatus::WrongPassphrase,
              tr("The passphrase does not open the encrypted token file %1. The file was left as it is.")
                  .arg(QDir::toNativeSeparators(m_filePath)),
              {} });
    }

    const QJsonDocument secretsDocument = QJsonDocument::fromJson(plain, &parseError);
    wipe(plain);
    if (parseError.error != QJsonParseError::NoError || !secretsDocument.isObject()) {
        sodium_memzero(m_key.data(), m_key.size());
        return finish(setAside(tr("the decrypted contents are not valid")));
    }
    const QJsonObject secrets = secretsDocument.object();
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        m_secrets.insert(it.key(), QByteArray::fromBase64(it.value().toString().toLatin1()));
    m_salt = salt;
    m_opsLimit = opsLimit;
    m_memLimit = memLimit;
    m_open = true;
    return finish({ OpenStatus::Opened, {}, {} });
}

EncryptedFileSecretStore::OpenResult EncryptedFileSecretStore::createNew(const QByteArray &passphrase,
                                                                         OpenStatus status,
                                                                         const QString &message,
                                                                         const QString &setAsidePath)
{
    m_salt = QByteArray(crypto_pwhash_SALTBYTES, Qt::Uninitialized);
    randombytes_buf(m_salt.data(), size_t(m_salt.size()));
    m_opsLimit = m_limits.opsLimit;
    m_memLimit = m_limits.memLimit;
    if (!deriveKey(passphrase, m_salt, m_opsLimit, m_memLimit, m_key)) {
        close();
        return { OpenStatus::Failed,
                 tr("Not enough memory to derive the key of the encrypted token file."),
                 {} };
    }
    m_secrets.clear();
    const QString error = save();
    if (!error.isEmpty()) {
        close();
        return { OpenStatus::Failed, error, setAsidePath };
    }
    m_open = true;
    return { status, message, setAsidePath };
}

QString EncryptedFileSecretStore::save()
{
    QJsonObject secrets;
    for (auto it = m_secrets.cbegin(); it != m_secrets.cend(); ++it)
        secrets.insert(it.key(), QString::fromLatin1(it.value().toBase64()));
    QByteArray plain = QJsonDocument(secrets).toJson(QJsonDocument::Compact);
    secrets = {};

    QByteArray nonce(crypto_secretbox_NONCEBYTES, Qt::Uninitialized);
    randombytes_buf(nonce.data(), size_t(nonce.size()));
    QByteArray ciphertext(plain.size() + qsizetype(crypto_secretbox_MACBYTES), Qt::Uninitialized);
    crypto_secretbox_easy(reinterpret_cast<unsigned char *>(ciphertext.data()),
                          reinterpret_cast<const unsigned char *>(plain.constData()), quint64(plain.size()),
                          reinterpret_cast<const unsigned char *>(nonce.constData()), m_key.data());
    wipe(plain);

    const QJsonObject file {
        { u"format"_s, formatName() },
        { u"version"_s, FormatVersion },
        { u"kdf"_s, kdfName() },
        { u"opslimit"_s, double(m_opsLimit) },
        { u"memlimit"_s, double(m_memLimit) },
        { u"salt"_s, QString::fromLatin1(m_salt.toBase64()) },
        { u"nonce"_s, QString::fromLatin1(nonce.toBase64()) },
        { u"ciphertext"_s, QString::fromLatin1(ciphertext.toBase64()) },
    };
    return AtomicFile::write(m_filePath, QJsonDocument(file).toJson(QJsonDocument::Indented));
}

SecretResult EncryptedFileSecretStore::notOpen() const
{
    return SecretResult::failure(SecretError::Unavailable,
                                 tr("The encrypted token file %1 is locked: enter its passphrase first.")
                                     .arg(QDir::toNativeSeparators(m_filePath)));
}

void EncryptedFileSecretStore::deliver(QObject *context, DoneCallback done, const SecretResult &result)
{
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
}

void EncryptedFileSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    SecretResult result;
    QByteArray data;
    if (!m_open) {
        result = notOpen();
    } else if (const auto it = m_secrets.constFind(key); it == m_secrets.cend()) {
        result = SecretResult::failure(SecretError::NotFound, tr("No secret is stored under %1.").arg(key));
    } else {
        data = *it;
    }
    QMetaObject::invokeMethod(
        context, [done = std::move(done), result, data] { done(result, data); }, Qt::QueuedConnection);
}

void EncryptedFileSecretStore::write(const QString &key, const QByteArray &data, QObject *context,
                                     DoneCallback done)
{
    if (!m_open) {
        deliver(context, std::move(done), notOpen());
        return;
    }
    const auto previous = m_secrets.constFind(key);
    const std::optional<QByteArray> old
        = previous == m_secrets.cend() ? std::nullopt : std::optional<QByteArray>(*previous);
    m_secrets.insert(key, data);
    const QString error = save();
    if (!error.isEmpty()) {
        if (old)
            m_secrets.insert(key, *old);
        else
            m_secrets.remove(key);
    }
    qCDebug(lcStore) << "encrypted file write" << key << data.size()
                     << "bytes:" << (error.isEmpty() ? u"ok"_s : error);
    deliver(context, std::move(done),
            error.isEmpty() ? SecretResult::success() : SecretResult::failure(SecretError::Failed, error));
}

void EncryptedFileSecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    if (!m_open) {
        deliver(context, std::move(done), notOpen());
        return;
    }
    const auto it = m_secrets.constFind(key);
    if (it == m_secrets.cend()) {
        deliver(context, std::move(done), SecretResult::success());
        return;
    }
    const QByteArray old = *it;
    m_secrets.remove(key);
    const QString error = save();
    if (!error.isEmpty())
        m_secrets.insert(key, old);
    deliver(context, std::move(done),
            error.isEmpty() ? SecretResult::success() : SecretResult::failure(SecretError::Failed, error));
}

} // namespace Postern
