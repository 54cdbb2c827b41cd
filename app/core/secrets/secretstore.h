#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

#include <functional>

namespace Postern {

// Why a secret store operation did not succeed.
enum class SecretError {
    None, // success
    NotFound, // the store answered: there is no secret under that key
    Unavailable, // no store answered (no keychain service, no D-Bus, store not opened)
    AccessDenied, // the store is there but locked, or the user said no
    WrongPassphrase, // the encrypted file does not open with the passphrase given
    Failed, // anything else (I/O error, corrupt data, …); message() tells
};

struct SecretResult
{
    SecretError error = SecretError::None;
    QString message; // for people; never contains a secret

    bool ok() const { return error == SecretError::None; }
    static SecretResult success() { return {}; }
    static SecretResult failure(SecretError error, const QString &message) { return { error, message }; }
};

// Where the secret halves of tokens live: a key (e.g. "token/<id>") to an opaque byte string.
//
// Async contract: every call returns at once and later calls `done` exactly once, on the thread that
// owns the store, never from inside the call itself. `done` runs only while `context` is alive: a
// caller that goes away before the answer simply never hears it (as with a connect to a context
// object). The store does not own `context`. Writing an existing key replaces its value; removing a
// key that is not there succeeds.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    using ReadCallback = std::function<void(const SecretResult &result, const QByteArray &data)>;
    using DoneCallback = std::function<void(const SecretResult &result)>;

    using QObject::QObject;
    ~SecretStore() override;

    // Short human-readable name of where the secrets go ("the system keychain", …).
    virtual QString displayName() const = 0;

    virtual void read(const QString &key, QObject *context, ReadCallback done) = 0;
    virtual void write(const QString &key, const QByteArray &data, QObject *context, DoneCallback done) = 0;
    virtual void remove(const QString &key, QObject *context, DoneCallback done) = 0;
};

} // namespace Postern
