#pragma once

#include <QJSValue>
#include <QObject>
#include <QString>

namespace Postern {

class ScriptEngine;

// The one object scripts reach the application through (as `host` in pm.js): the console, test
// results, waits, timers, pm.sendRequest, and the byte work of crypto-js, atob and btoa. Everything
// else a script could want from outside does not exist in its engine.
class ScriptHost : public QObject
{
    Q_OBJECT

public:
    explicit ScriptHost(ScriptEngine *engine);

    Q_INVOKABLE void console(const QString &level, const QString &text);
    Q_INVOKABLE void test(const QString &name, const QString &outcome, const QString &message,
                          const QString &errorName);
    Q_INVOKABLE int beginWait(const QString &what);
    Q_INVOKABLE void endWait(int id);
    Q_INVOKABLE int sendRequest(const QString &json);
    Q_INVOKABLE int setTimeout(int ms);
    Q_INVOKABLE void clearTimeout(int id);
    Q_INVOKABLE void secretRead(const QString &scope, const QString &key);
    // A file of the embedded CommonJS packages, for js/modules.js's require.
    Q_INVOKABLE QJSValue nodeFile(const QString &path);

    // Bytes travel as lower-case hex text.
    Q_INVOKABLE QString hash(const QString &algorithm, const QString &hex) const;
    Q_INVOKABLE QString hmac(const QString &algorithm, const QString &keyHex,
                             const QString &messageHex) const;
    Q_INVOKABLE QString hexFromText(const QString &text) const;
    Q_INVOKABLE QString textFromHex(const QString &hex) const;
    Q_INVOKABLE QString hexFromLatin1(const QString &text) const;
    Q_INVOKABLE QString latin1FromHex(const QString &hex) const;
    Q_INVOKABLE QString hexFromHex(const QString &hex) const;
    Q_INVOKABLE QString base64FromHex(const QString &hex) const;
    Q_INVOKABLE QString hexFromBase64(const QString &base64) const;
    Q_INVOKABLE QString randomHex(int bytes) const;
    Q_INVOKABLE QString atob(const QString &base64) const;
    Q_INVOKABLE QString btoa(const QString &text) const;

private:
    ScriptEngine *m_engine;
};

} // namespace Postern
