#include "secrets/timelimitedsecretstore.h"

#include "base/logging.h"

#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Whichever comes first, the store's answer or the time limit, is the one the caller hears.
struct Race
{
    bool settled = false;
    bool claim()
    {
        if (settled)
            return false;
        settled = true;
        return true;
    }
};

} // namespace

TimeLimitedSecretStore::TimeLimitedSecretStore(SecretStore *store, std::chrono::milliseconds limit,
                                               QObject *parent)
    : SecretStore(parent)
    , m_store(store)
    , m_limit(limit)
{
}

TimeLimitedSecretStore::~TimeLimitedSecretStore() = default;

QString TimeLimitedSecretStore::displayName() const
{
    return m_store->displayName();
}

SecretResult TimeLimitedSecretStore::tooLate() const
{
    const double seconds = double(m_limit.count()) / 1000.0;
    return SecretResult::failure(
        SecretError::Unavailable,
        tr("%1 did not answer within %2 s").arg(m_store->displayName(), QString::number(seconds, 'g', 3)));
}

void TimeLimitedSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto race = std::make_shared<Race>();
    QTimer::singleShot(m_limit, context, [this, race, done] {
        if (race->claim()) {
            qCWarning(lcStore) << "the keychain did not answer a read in time";
            done(tooLate(), {});
        }
    });
    m_store->read(key, context, [race, done](const SecretResult &result, const QByteArray &data) {
        if (race->claim())
            done(result, data);
    });
}

void TimeLimitedSecretStore::write(const QString &key, const QByteArray &data, QObject *context,
                                   DoneCallback done)
{
    auto race = std::make_shared<Race>();
    QTimer::singleShot(m_limit, context, [this, race, done] {
        if (race->claim()) {
            qCWarning(lcStore) << "the keychain did not answer a write in time";
            done(tooLate());
        }
    });
    m_store->write(key, data, context, [race, done](const SecretResult &result) {
        if (race->claim())
            done(result);
    });
}

void TimeLimitedSecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    auto race = std::make_shared<Race>();
    QTimer::singleShot(m_limit, context, [this, race, done] {
        if (race->claim()) {
            qCWarning(lcStore) << "the keychain did not answer a removal in time";
            done(tooLate());
        }
    });
    m_store->remove(key, context, [race, done](const SecretResult &result) {
        if (race->claim())
            done(result);
    });
}

} // namespace Postern
