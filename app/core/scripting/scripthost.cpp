#include "scripting/scriptengine.h"
#include "scripting/scripthost_p.h"

#include <QCryptographicHash>
#include <QJSEngine>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>

#include <optional>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

std::optional<QCryptographicHash::Algorithm> algorithmNamed(const QString &name)
{
    if (name == u"MD5"_s)
        return QCryptographicHash::Md5;
    if (name == u"SHA1"_s)
        return QCryptographicHash::Sha1;
    if (name == u"SHA224"_s)
        return QCryptographicHash::Sha224;
    if (name == u"SHA256"_s)
        return QCryptographicHash::Sha256;
    if (name == u"SHA384"_s)
        return QCryptographicHash::Sha384;
    if (name == u"SHA512"_s)
        return QCryptographicHash::Sha512;
    if (name == u"SHA3"_s) // crypto-js's SHA3 defaults to 512 bits of Keccak
        return QCryptographicHash::Keccak_512;
    return std::nullopt;
}

QByteArray bytes(const QString &hex)
{
    return QByteArray::fromHex(hex.toLatin1());
}

QString hexOf(const QByteArray &data)
{
    return QString::fromLatin1(data.toHex());
}

} // namespace

ScriptHost::ScriptHost(ScriptEngine *engine)
    : QObject(engine)
    , m_engine(engine)
{
}

void ScriptHost::console(const QString &level, const QString &text)
{
    m_engine->addConsole(level, text);
}

void ScriptHost::test(const QString &name, const QString &outcome, const QString &message,
                      const QString &errorName)
{
    ScriptTest test;
    test.name = name;
    test.outcome = outcome == u"passed"_s ? ScriptTest::Outcome::Passed
        : outcome == u"skipped"_s         ? ScriptTest::Outcome::Skipped
                                          : ScriptTest::Outcome::Failed;
    test.message = message;
    test.errorName = errorName;
    m_engine->addTest(test);
}

int ScriptHost::beginWait(const QString &what)
{
    return m_engine->beginWait(what);
}

void ScriptHost::endWait(int id)
{
    m_engine->endWait(id);
}

int ScriptHost::sendRequest(const QString &json)
{
    return m_engine->sendRequest(json);
}

int ScriptHost::setTimeout(int ms)
{
    return m_engine->startTimer(ms);
}

void ScriptHost::clearTimeout(int id)
{
    m_engine->stopTimer(id);
}

void ScriptHost::secretRead(const QString &scope, const QString &key)
{
    m_engine->secretRead(scope, key);
}

QJSValue ScriptHost::nodeFile(const QString &path)
{
    return m_engine->nodeFile(path);
}

QString ScriptHost::hash(const QString &algorithm, const QString &hex) const
{
    const auto which = algorithmNamed(algorithm);
    if (!which) {
        m_engine->m_engine->throwError(u"crypto-js: %1 is not available."_s.arg(algorithm));
        return QString();
    }
    return hexOf(QCryptographicHash::hash(bytes(hex), *which));
}

QString ScriptHost::hmac(const QString &algorithm, const QString &keyHex, const QString &messageHex) const
{
    const auto which = algorithmNamed(algorithm);
    if (!which) {
        m_engine->m_engine->throwError(u"crypto-js: Hmac%1 is not available."_s.arg(algorithm));
        return QString();
    }
    return hexOf(QMessageAuthenticationCode::hash(bytes(messageHex), bytes(keyHex), *which));
}

QString ScriptHost::hexFromText(const QString &text) const
{
    return hexOf(text.toUtf8());
}

QString ScriptHost::textFromHex(const QString &hex) const
{
    return QString::fromUtf8(bytes(hex));
}

QString ScriptHost::hexFromLatin1(const QString &text) const
{
    return hexOf(text.toLatin1());
}

QString ScriptHost::latin1FromHex(const QString &hex) const
{
    return QString::fromLatin1(bytes(hex));
}

QString ScriptHost::hexFromHex(const QString &hex) const
{
    return hexOf(bytes(hex));
}

QString ScriptHost::base64FromHex(const QString &hex) const
{
    return QString::fromLatin1(bytes(hex).toBase64());
}

QString ScriptHost::hexFromBase64(const QString &base64) const
{
    return hexOf(QByteArray::fromBase64(base64.toLatin1()));
}

QString ScriptHost::randomHex(int count) const
{
    QByteArray data(qBound(0, count, 65536), Qt::Uninitialized);
    for (char &c : data)
        c = char(QRandomGenerator::system()->bounded(256));
    return hexOf(data);
}

QString ScriptHost::atob(const QString &base64) const
{
    const auto decoded
        = QByteArray::fromBase64Encoding(base64.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded) {
        m_engine->m_engine->throwError(u"atob: the text is not Base64."_s);
        return QString();
    }
    return QString::fromLatin1(*decoded);
}

QString ScriptHost::btoa(const QString &text) const
{
    for (const QChar c : text) {
        if (c.unicode() > 0xFF) {
            m_engine->m_engine->throwError(u"btoa: the text has characters outside Latin-1."_s);
            return QString();
        }
    }
    return QString::fromLatin1(text.toLatin1().toBase64());
}

} // namespace Postern

// Its own moc code here, not in the library's combined moc file: a program that only runs scripts in
// postern-script-worker then links none of Qt's JavaScript engine (see ScriptProcess).
#include "moc_scripthost_p.cpp"
