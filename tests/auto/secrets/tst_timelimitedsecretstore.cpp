// The time limit on a keychain: answers in time pass through as they are, a call never answered fails
// as Unavailable after the limit, an answer that comes after that is dropped (each caller hears once),
// and a caller that went away hears nothing.
#include "secrets/memorysecretstore.h"
#include "secrets/timelimitedsecretstore.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

// Answers every call after delay (never, when negative), as MemorySecretStore would.
class SlowSecretStore : public MemorySecretStore
{
public:
    explicit SlowSecretStore(int delay)
        : m_delay(delay)
    {
    }
    void read(const QString &key, QObject *context, ReadCallback done) override
    {
        later(context, [this, key, context, done] { MemorySecretStore::read(key, context, done); });
    }
    void write(const QString &key, const QByteArray &data, QObject *context, DoneCallback done) override
    {
        later(context,
              [this, key, data, context, done] { MemorySecretStore::write(key, data, context, done); });
    }
    void remove(const QString &key, QObject *context, DoneCallback done) override
    {
        later(context, [this, key, context, done] { MemorySecretStore::remove(key, context, done); });
    }

private:
    void later(QObject *context, std::function<void()> call)
    {
        if (m_delay >= 0)
            QTimer::singleShot(m_delay, context, std::move(call));
    }
    int m_delay;
};

} // namespace

class tst_TimeLimitedSecretStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void answersInTimePassThrough();
    void noAnswerFailsAfterTheLimit();
    void lateAnswerIsDropped();
    void goneCallerHearsNothing();
};

void tst_TimeLimitedSecretStore::answersInTimePassThrough()
{
    SlowSecretStore keychain(10);
    TimeLimitedSecretStore limited(&keychain, std::chrono::milliseconds(2000));
    QCOMPARE(limited.displayName(), keychain.displayName());
    int answers = 0;
    SecretResult written;
    limited.write(u"k"_s, "secret", this, [&](const SecretResult &result) {
        written = result;
        ++answers;
    });
    QTRY_COMPARE(answers, 1);
    QVERIFY(written.ok());
    QByteArray data;
    SecretResult read;
    limited.read(u"k"_s, this, [&](const SecretResult &result, const QByteArray &bytes) {
        read = result;
        data = bytes;
        ++answers;
    });
    QTRY_COMPARE(answers, 2);
    QVERIFY(read.ok());
    QCOMPARE(data, "secret");
    SecretResult missing;
    limited.read(u"none"_s, this, [&](const SecretResult &result, const QByteArray &) {
        missing = result;
        ++answers;
    });
    QTRY_COMPARE(answers, 3);
    QCOMPARE(missing.error, SecretError::NotFound); // the store's own answer, not a time-out
    QTest::qWait(2100);
    QCOMPARE(answers, 3); // and the limit, when it comes, adds nothing
}

void tst_TimeLimitedSecretStore::noAnswerFailsAfterTheLimit()
{
    SlowSecretStore keychain(-1);
    TimeLimitedSecretStore limited(&keychain, std::chrono::milliseconds(150));
    QElapsedTimer clock;
    clock.start();
    QList<SecretResult> results;
    limited.read(u"k"_s, this, [&](const SecretResult &result, const QByteArray &) { results << result; });
    limited.write(u"k"_s, "x", this, [&](const SecretResult &result) { results << result; });
    limited.remove(u"k"_s, this, [&](const SecretResult &result) { results << result; });
    QTRY_COMPARE(results.size(), 3);
    QVERIFY(clock.elapsed() >= 140);
    for (const SecretResult &result : std::as_const(results)) {
        QCOMPARE(result.error, SecretError::Unavailable);
        QVERIFY2(result.message.contains(u"did not answer within 0.15 s"_s), qPrintable(result.message));
    }
}

void tst_TimeLimitedSecretStore::lateAnswerIsDropped()
{
    SlowSecretStore keychain(300);
    TimeLimitedSecretStore limited(&keychain, std::chrono::milliseconds(50));
    QList<SecretResult> results;
    limited.write(u"k"_s, "x", this, [&](const SecretResult &result) { results << result; });
    QTRY_COMPARE(results.size(), 1);
    QCOMPARE(results.first().error, SecretError::Unavailable);
    QTest::qWait(400); // the store's answer came meanwhile
    QCOMPARE(results.size(), 1);
}

void tst_TimeLimitedSecretStore::goneCallerHearsNothing()
{
    SlowSecretStore keychain(-1);
    TimeLimitedSecretStore limited(&keychain, std::chrono::milliseconds(50));
    int answers = 0;
    auto context = std::make_unique<QObject>();
    limited.remove(u"k"_s, context.get(), [&](const SecretResult &) { ++answers; });
    context.reset();
    QTest::qWait(150);
    QCOMPARE(answers, 0);
}

QTEST_GUILESS_MAIN(tst_TimeLimitedSecretStore)
#include "tst_timelimitedsecretstore.moc"
