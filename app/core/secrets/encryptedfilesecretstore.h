#pragma once

#include "secrets/secretstore.h"

#include <QHash>

#include <array>
#include <optional>

namespace Postern {

// The encrypted-file fallback: secrets in one file, encrypted with a key derived from a passphrase
// the user chooses. Meant for machines where no keychain answers and the user turned the fallback on
// in Settings; without it Postern keeps tokens in memory only.
//
// File format (UTF-8 JSON; every binary field is base64):
//   {
//     "format": "postern-secrets", "version": 1,
//     "kdf": "argon2id13", "opslimit": <int>, "memlimit": <bytes>, "salt": <16 bytes>,
//     "nonce": <24 bytes>,
//     "ciphertext": <crypto_secretbox_easy(XSalsa20-Poly1305) of {"<key>": "<base64 value>", …}>
//   }
// The key is libsodium's crypto_pwhash (Argon2id) of the passphrase with the salt and limits stored in
// the file; the salt is made once per file, the nonce afresh at every write. The whole store is
// rewritten through QSaveFile at each change.
//
// open() derives the key, which costs on purpose (a fraction of a second and 64 MiB with the default
// limits): call it once, when the user gives the passphrase. A wrong passphrase is reported and the
// file is left untouched; a file that cannot be parsed is moved aside ("<file>.broken-<timestamp>")
// and reported, and an empty store takes its place. Until open() succeeds every operation fails with
// SecretError::Unavailable. The derived key and the plaintext stay in this object's memory only, and
// the key is wiped when the store is closed or destroyed.
class EncryptedFileSecretStore : public SecretStore
{
    Q_OBJECT
public:
    enum class OpenStatus {
        Opened, // the existing file was decrypted
        Created, // there was no file; a new, empty one was written
        SetAside, // the file could not be understood: moved aside, a new empty one written
        WrongPassphrase, // the file does not decrypt with this passphrase; nothing was changed
        Failed, // I/O error, empty passphrase, file from a newer Postern, …
    };
    Q_ENUM(OpenStatus)

    struct OpenResult
    {
        OpenStatus status = OpenStatus::Failed;
        QString message; // for people
        QString setAsidePath; // where the unreadable file went, for SetAside

        bool isOpen() const
        {
            return status == OpenStatus::Opened || status == OpenStatus::Created
                || status == OpenStatus::SetAside;
        }
    };

    // Argon2id cost for new files; files keep the cost they were made with.
    struct KdfLimits
    {
        quint64 opsLimit;
        quint64 memLimit;
        static KdfLimits interactive();
    };

    static QString defaultFileName();

    explicit EncryptedFileSecretStore(const QString &filePath, QObject *parent = nullptr);
    ~EncryptedFileSecretStore() override;

    QString filePath() const { return m_filePath; }
    void setKdfLimits(const KdfLimits &limits) { m_limits = limits; }

    OpenResult open(const QString &passphrase);
    bool isOpen() const { return m_open; }
    void close();

    QString displayName() const override;
    void read(const QString &key, QObject *context, ReadCallback done) override;
    void write(const QString &key, const QByteArray &data, QObject *context, DoneCallback done) override;
    void remove(const QString &key, QObject *context, DoneCallback done) override;

private:
    OpenResult createNew(const QByteArray &passphrase, OpenStatus status, const QString &message,
                         const QString &setAsidePath);
    QString save(); // empty on success
    void deliver(QObject *context, DoneCallback done, const SecretResult &result);
    SecretResult notOpen() const;

    QString m_filePath;
    KdfLimits m_limits;
    bool m_open = false;
    std::array<unsigned char, 32> m_key {};
    QByteArray m_salt;
    quint64 m_opsLimit = 0;
    quint64 m_memLimit = 0;
    QHash<QString, QByteArray> m_secrets;
};

} // namespace Postern
