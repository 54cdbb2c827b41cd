#include "secrets/secretstoreprobe.h"

#include "auth/oauth2token.h"
#include "base/logging.h"
#include "secrets/secretstore.h"

using namespace Qt::StringLiterals;

namespace Postern {

SecretStoreProbe::SecretStoreProbe(SecretStore *store, std::chrono::milliseconds timeout, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_timeout(timeout)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this,
            [this] { finish(false, tr("no answer within %1 ms").arg(QString::number(m_timeout.count()))); });
}

void SecretStoreProbe::start()
{
    if (m_context)
        m_context->deleteLater();
    m_context = new QObject(this);
    m_done = false;
    m_key = u"probe/"_s % OAuth2Token::newId();
    m_value = OAuth2Token::newId().toLatin1();
    m_timer.start(m_timeout);
    qCDebug(lcStore) << "probing" << m_store->displayName();
    m_store->write(m_key, m_value, m_context, [this](const SecretResult &result) {
        if (m_done)
            return;
        if (!result.ok())
            finish(false, result.message);
        else
            readBack();
    });
}

void SecretStoreProbe::readBack()
{
    m_store->read(m_key, m_context, [this](const SecretResult &result, const QByteArray &data) {
        if (m_done)
            return;
        if (!result.ok())
            finish(false, result.message);
        else if (data != m_value)
            finish(false, tr("the keychain returned something else than was stored"));
        else
            cleanUp();
    });
}

void SecretStoreProbe::cleanUp()
{
    m_store->remove(m_key, m_context, [this](const SecretResult &result) {
        if (!m_done)
            finish(result.ok(), result.message);
    });
}

void SecretStoreProbe::finish(bool available, const QString &reason)
{
    m_done = true;
    m_timer.stop();
    m_context->deleteLater(); // answers still on their way are dropped
    m_context = nullptr;
    qCInfo(lcStore) << "probe of" << m_store->displayName() << (available ? "succeeded" : "failed:")
                    << reason;
    Q_EMIT finished(available, available ? QString() : reason);
}

} // namespace Postern
