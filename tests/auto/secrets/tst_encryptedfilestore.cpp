#include "oauth/tokenstore.h"
#include "secrets/encryptedfilesecretstore.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace Postern;

namespace {

const QByteArray Canary = "canary-refresh-token-9d8e7f";
const QString Passphrase = u"correct horse battery staple"_s;

struct Answer
{
    bool called = false;
    SecretResult result;
    QByteArray data;
};

} // namespace

class tst_EncryptedFileStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void roundTripAcrossReopen();
    void lockedUntilOpened();
    void wrongPassphraseLeavesFileUntouched();
    void corruptFileSetAside_data();
    void corruptFileSetAside();
    void fileHasNoPlaintext();
    void freshNonceOnEveryWrite();
    void tokenStoreKeepsTokensInFile();

private:
    QString filePath() const { return QDir(m_dir->path()).filePath(u"secrets.enc"_s); }
    QByteArray fileContents() const;
    SecretResult write(SecretStore &store, const QString &key, const QByteArray &data);
    Answer read(SecretStore &store, const QString &key);
    SecretResult remove(SecretStore &store, const QString &key);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void tst_EncryptedFileStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void tst_EncryptedFileStore::cleanup()
{
    m_dir.reset();
}

QByteArray tst_EncryptedFileStore::fileContents() const
{
    QFile file(filePath());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

SecretResult tst_EncryptedFileStore::write(SecretStore &store, const QString &key, const QByteArray &data)
{
    Answer answer;
    store.write(key, data, this, [&answer](const SecretResult &result) {
        answer.called = true;
        answer.result = result;
    });
    if (!QTest::qWaitFor([&answer] { return answer.called; }, 5000))
        return SecretResult::failure(SecretError::Failed, u"no answer"_s);
    return answer.result;
}

Answer tst_EncryptedFileStore::read(SecretStore &store, const QString &key)
{
    Answer answer;
    store.read(key, this, [&answer](const SecretResult &result, const QByteArray &data) {
        answer.called = true;
        answer.result = result;
        answer.data = data;
    });
    if (!QTest::qWaitFor([&answer] { return answer.called; }, 5000))
        answer.result = SecretResult::failure(SecretError::Failed, u"no answer"_s);
    return answer;
}

SecretResult tst_EncryptedFileStore::remove(SecretStore &store, const QString &key)
{
    Answer answer;
    store.remove(key, this, [&answer](const SecretResult &result) {
        answer.called = true;
        answer.result = result;
    });
    if (!QTest::qWaitFor([&answer] { return answer.called; }, 5000))
        return SecretResult::failure(SecretError::Failed, u"no answer"_s);
    return answer.result;
}

void tst_EncryptedFileStore::roundTripAcrossReopen()
{
    {
        EncryptedFileSecretStore store(filePath());
        const auto opened = store.open(Passphrase);
        QCOMPARE(opened.status, EncryptedFileSecretStore::OpenStatus::Created);
        QVERIFY(QFileInfo::exists(filePath()));
        QVERIFY(write(store, u"token/a"_s, Canary).ok());
        QVERIFY(write(store, u"token/b"_s, QByteArray("\x00\x01\xff binary", 10)).ok());
        QVERIFY(write(store, u"token/a"_s, Canary + "-2").ok()); // replaces
        QVERIFY(remove(store, u"token/b"_s).ok());
        QVERIFY(remove(store, u"token/never"_s).ok());
    }
    EncryptedFileSecretStore reopened(filePath());
    const auto opened = reopened.open(Passphrase);
    QCOMPARE(opened.status, EncryptedFileSecretStore::OpenStatus::Opened);
    const Answer a = read(reopened, u"token/a"_s);
    QVERIFY(a.called);
    QVERIFY2(a.result.ok(), qPrintable(a.result.message));
    QCOMPARE(a.data, Canary + "-2");
    const Answer b = read(reopened, u"token/b"_s);
    QCOMPARE(b.result.error, SecretError::NotFound);
}

void tst_EncryptedFileStore::lockedUntilOpened()
{
    EncryptedFileSecretStore store(filePath());
    QVERIFY(!store.isOpen());
    QCOMPARE(read(store, u"token/a"_s).result.error, SecretError::Unavailable);
    QCOMPARE(write(store, u"token/a"_s, Canary).error, SecretError::Unavailable);
    QVERIFY(!QFileInfo::exists(filePath()));
    QCOMPARE(store.open(QString()).status, EncryptedFileSecretStore::OpenStatus::Failed);
    QVERIFY(!QFileInfo::exists(filePath()));
}

void tst_EncryptedFileStore::wrongPassphraseLeavesFileUntouched()
{
    {
        EncryptedFileSecretStore store(filePath());
        QVERIFY(store.open(Passphrase).isOpen());
        QVERIFY(write(store, u"token/a"_s, Canary).ok());
    }
    const QByteArray before = fileContents();
    const QDateTime modified = QFileInfo(filePath()).lastModified();

    EncryptedFileSecretStore store(filePath());
    const auto opened = store.open(u"Tr0ub4dor&3"_s);
    QCOMPARE(opened.status, EncryptedFileSecretStore::OpenStatus::WrongPassphrase);
    QVERIFY(!opened.isOpen());
    QVERIFY2(opened.message.contains(u"passphrase"_s), qPrintable(opened.message));
    QVERIFY(!store.isOpen());
    QCOMPARE(write(store, u"token/b"_s, "other").error, SecretError::Unavailable);
    QCOMPARE(read(store, u"token/a"_s).result.error, SecretError::Unavailable);

    QCOMPARE(fileContents(), before);
    QCOMPARE(QFileInfo(filePath()).lastModified(), modified);
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files), QStringList { u"secrets.enc"_s });

    // The right passphrase still opens it afterwards.
    QCOMPARE(store.open(Passphrase).status, EncryptedFileSecretStore::OpenStatus::Opened);
    QCOMPARE(read(store, u"token/a"_s).data, Canary);
}

void tst_EncryptedFileStore::corruptFileSetAside_data()
{
    QTest::addColumn<int>("damage");
    QTest::newRow("truncated") << 0;
    QTest::newRow("not JSON") << 1;
    QTest::newRow("salt missing") << 2;
    QTest::newRow("ciphertext too short") << 3;
    QTest::newRow("absurd memory limit") << 4;
}

void tst_EncryptedFileStore::corruptFileSetAside()
{
    QFETCH(int, damage);
    {
        EncryptedFileSecretStore store(filePath());
        QVERIFY(store.open(Passphrase).isOpen());
        QVERIFY(write(store, u"token/a"_s, Canary).ok());
    }
    QByteArray contents = fileContents();
    QJsonObject object = QJsonDocument::fromJson(contents).object();
    switch (damage) {
    case 0:
        contents.truncate(contents.size() / 2);
        break;
    case 1:
        contents = "this is not what Postern wrote";
        break;
    case 2:
        object.remove(u"salt"_s);
        contents = QJsonDocument(object).toJson();
        break;
    case 3:
        object.insert(u"ciphertext"_s, u"AAAA"_s);
        contents = QJsonDocument(object).toJson();
        break;
    case 4:
        object.insert(u"memlimit"_s, 1e15);
        contents = QJsonDocument(object).toJson();
        break;
    }
    {
        QFile file(filePath());
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(contents);
    }

    EncryptedFileSecretStore store(filePath());
    const auto opened = store.open(Passphrase);
    QCOMPARE(opened.status, EncryptedFileSecretStore::OpenStatus::SetAside);
    QVERIFY(opened.isOpen());
    QVERIFY(!opened.setAsidePath.isEmpty());
    QVERIFY2(opened.message.contains(QDir::toNativeSeparators(opened.setAsidePath)),
             qPrintable(opened.message));
    QVERIFY(QFileInfo(opened.setAsidePath).fileName().startsWith(u"secrets.enc.broken-"_s));
    QFile aside(opened.setAsidePath);
    QVERIFY(aside.open(QIODevice::ReadOnly));
    QCOMPARE(aside.readAll(), contents);

    // A new, empty store took its place and works.
    QCOMPARE(read(store, u"token/a"_s).result.error, SecretError::NotFound);
    QVERIFY(write(store, u"token/c"_s, "fresh").ok());
    EncryptedFileSecretStore reopened(filePath());
    QCOMPARE(reopened.open(Passphrase).status, EncryptedFileSecretStore::OpenStatus::Opened);
    QCOMPARE(read(reopened, u"token/c"_s).data, QByteArray("fresh"));
}

void tst_EncryptedFileStore::fileHasNoPlaintext()
{
    EncryptedFileSecretStore store(filePath());
    QVERIFY(store.open(Passphrase).isOpen());
    QVERIFY(write(store, u"token/a"_s, Canary).ok());
    const QByteArray file = fileContents();
    QVERIFY(!file.isEmpty());
    QVERIFY(!file.contains(Canary));
    QVERIFY(!file.contains(Canary.toBase64()));
    QVERIFY(!file.contains(Canary.toBase64().toBase64()));
    QVERIFY(!file.contains("token/a"));
    QVERIFY(!file.contains(Passphrase.toUtf8()));
    const QJsonObject object = QJsonDocument::fromJson(file).object();
    QCOMPARE(object.value(u"format"_s).toString(), u"postern-secrets"_s);
    QCOMPARE(object.value(u"kdf"_s).toString(), u"argon2id13"_s);
    QCOMPARE(QFileInfo(filePath()).permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
             QFileDevice::Permissions());
}

void tst_EncryptedFileStore::freshNonceOnEveryWrite()
{
    EncryptedFileSecretStore store(filePath());
    QVERIFY(store.open(Passphrase).isOpen());
    QVERIFY(write(store, u"token/a"_s, Canary).ok());
    const QJsonObject first = QJsonDocument::fromJson(fileContents()).object();
    QVERIFY(write(store, u"token/a"_s, Canary).ok());
    const QJsonObject second = QJsonDocument::fromJson(fileContents()).object();
    QCOMPARE(first.value(u"salt"_s), second.value(u"salt"_s));
    QVERIFY(first.value(u"nonce"_s) != second.value(u"nonce"_s));
    QVERIFY(first.value(u"ciphertext"_s) != second.value(u"ciphertext"_s));
}

void tst_EncryptedFileStore::tokenStoreKeepsTokensInFile()
{
    OAuth2Token token;
    token.id = OAuth2Token::newId();
    token.name = u"In a file"_s;
    token.accessToken = QString::fromLatin1(Canary);
    token.refreshToken = u"refresh-"_s + QString::fromLatin1(Canary);
    {
        EncryptedFileSecretStore secrets(filePath());
        QVERIFY(secrets.open(Passphrase).isOpen());
        TokenStore store(m_dir->path());
        store.useSecretStore(&secrets, TokenStore::StorageMode::EncryptedFile);
        QCOMPARE(store.storageMode(), TokenStore::StorageMode::EncryptedFile);
        QVERIFY(store.statusMessage().contains(u"encrypted file"_s));
        bool done = false;
        store.add(token, [&done](bool ok, const QString &) { done = ok; });
        QTRY_VERIFY(done);
    }
    for (const QString &name : { u"tokens.json"_s, u"secrets.enc"_s }) {
        QFile file(QDir(m_dir->path()).filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY2(!file.readAll().contains(Canary), qPrintable(name));
    }

    EncryptedFileSecretStore secrets(filePath());
    QVERIFY(secrets.open(Passphrase).isOpen());
    TokenStore store(m_dir->path());
    store.useSecretStore(&secrets, TokenStore::StorageMode::EncryptedFile);
    QSignalSpy loaded(&store, &TokenStore::loaded);
    store.load();
    QVERIFY(loaded.wait(5000));
    QCOMPARE(store.tokens().size(), 1);
    QCOMPARE(store.tokens().constFirst().refreshToken, token.refreshToken);
}

QTEST_GUILESS_MAIN(tst_EncryptedFileStore)
#include "tst_encryptedfilestore.moc"
