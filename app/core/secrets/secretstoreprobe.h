#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>
#include <QTimer>

#include <chrono>

namespace Postern {

class SecretStore;

// Finds out whether a secret store (in practice the OS keychain) really answers: writes a dummy entry,
// reads it back, compares, and removes it. A store that does not finish within the timeout counts as
// unavailable, so a hung D-Bus never holds up the caller.
//
// Async: start() returns at once; finished() is emitted exactly once, on the owner's thread. Answers
// that arrive after the timeout are ignored. The probe does not own the store, which must outlive it.
class SecretStoreProbe : public QObject
{
    Q_OBJECT
public:
    SecretStoreProbe(SecretStore *store, std::chrono::milliseconds timeout, QObject *parent = nullptr);

    void start();

Q_SIGNALS:
    // reason says why the store is not usable (for people); empty when available.
    void finished(bool available, const QString &reason);

private:
    void readBack();
    void cleanUp();
    void finish(bool available, const QString &reason);

    SecretStore *m_store;
    std::chrono::milliseconds m_timeout;
    QTimer m_timer;
    QObject *m_context = nullptr; // receives the store's answers; deleted when the probe is decided
    bool m_done = false;
    QString m_key;
    QByteArray m_value;
};

} // namespace Postern
