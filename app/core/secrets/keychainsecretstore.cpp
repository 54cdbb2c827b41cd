#include "secrets/keychainsecretstore.h"

#include "base/logging.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

SecretResult resultOf(const QKeychain::Job *job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return SecretResult::success();
    case QKeychain::EntryNotFound:
        return SecretResult::failure(SecretError::NotFound, job->errorString());
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return SecretResult::failure(SecretError::AccessDenied, job->errorString());
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretResult::failure(SecretError::Unavailable, job->errorString());
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return SecretResult::failure(SecretError::Failed, job->errorString());
}

template<typename JobType> JobType *newJob(const QString &service, const QString &key)
{
    // No parent: the job deletes itself once finished (see the class comment).
    auto *job = new JobType(service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    return job;
}

} // namespace

QString KeychainSecretStore::defaultServiceName()
{
    return u"io.postern.Postern"_s;
}

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : KeychainSecretStore(defaultServiceName(), parent)
{
}

KeychainSecretStore::KeychainSecretStore(const QString &serviceName, QObject *parent)
    : SecretStore(parent)
    , m_serviceName(serviceName)
{
}

QString KeychainSecretStore::displayName() const
{
    return tr("the system keychain");
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback done)
{
    auto *job = newJob<QKeychain::ReadPasswordJob>(m_serviceName, key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, key, done = std::move(done)] {
        const SecretResult result = resultOf(job);
        if (result.ok())
            qCDebug(lcStore) << "keychain read" << key << job->binaryData().size() << "bytes";
        else
            qCDebug(lcStore) << "keychain read" << key << "failed:" << result.message;
        done(result, result.ok() ? job->binaryData() : QByteArray());
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QByteArray &data, QObject *context,
                                DoneCallback done)
{
    auto *job = newJob<QKeychain::WritePasswordJob>(m_serviceName, key);
    job->setBinaryData(data);
    const qsizetype size = data.size();
    QObject::connect(job, &QKeychain::Job::finished, context, [job, key, size, done = std::move(done)] {
        const SecretResult result = resultOf(job);
        qCDebug(lcStore) << "keychain write" << key << size
                         << "bytes:" << (result.ok() ? u"ok"_s : result.message);
        done(result);
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, DoneCallback done)
{
    auto *job = newJob<QKeychain::DeletePasswordJob>(m_serviceName, key);
    QObject::connect(job, &QKeychain::Job::finished, context, [job, key, done = std::move(done)] {
        SecretResult result = resultOf(job);
        if (result.error == SecretError::NotFound)
            result = SecretResult::success(); // removing what is not there succeeds
        qCDebug(lcStore) << "keychain remove" << key << (result.ok() ? u"ok"_s : result.message);
        done(result);
    });
    job->start();
}

} // namespace Postern
