#include "scripting/scriptworkerloop.h"

#include "scripting/scriptjson.h"

#include <QCoreApplication>
#include <QJsonDocument>

#include <cerrno>
#include <cstdio>
#include <thread>

#ifdef Q_OS_WIN
#include <io.h>
#define read _read
#else
#include <unistd.h>
#endif

using namespace Qt::StringLiterals;

namespace Postern {

ScriptWorkerLoop::ScriptWorkerLoop(QObject *parent)
    : QObject(parent)
{
    m_engine.setSender([this](const HttpRequest &request, std::function<void(const HttpResponse &)> done) {
        const int id = m_nextId++;
        m_waiting.insert(id, std::move(done));
        write({ { u"type"_s, u"send"_s },
                { u"id"_s, id },
                { u"request"_s, ScriptEngine::requestJson(request) } });
    });
    connect(&m_engine, &ScriptEngine::testFinished, this, [this](const ScriptTest &test) {
        write({ { u"type"_s, u"test"_s }, { u"test"_s, ScriptJson::fromTest(test) } });
    });
    connect(&m_engine, &ScriptEngine::consoleLine, this, [this](const ScriptConsoleLine &line) {
        write({ { u"type"_s, u"console"_s }, { u"line"_s, ScriptJson::fromConsoleLine(line) } });
    });
    connect(&m_engine, &ScriptEngine::finished, this, [this](const ScriptOutcome &outcome) {
        m_waiting.clear();
        write({ { u"type"_s, u"finished"_s }, { u"outcome"_s, ScriptJson::fromOutcome(outcome) } });
    });
}

void ScriptWorkerLoop::start()
{
    write({ { u"type"_s, u"ready"_s }, { u"error"_s, m_engine.loadError() } });
    std::thread([this] {
        // Whole blocks, split at newlines: a request or an answer of megabytes is one line.
        QByteArray pending;
        char block[1 << 16];
        for (;;) {
            const auto count = ::read(0, block, sizeof block);
            if (count < 0 && errno == EINTR)
                continue;
            if (count <= 0)
                break;
            pending.append(block, qsizetype(count));
            qsizetype start = 0;
            for (qsizetype newline; (newline = pending.indexOf('\n', start)) >= 0; start = newline + 1) {
                QMetaObject::invokeMethod(
                    this, [this, text = pending.mid(start, newline - start)] { handle(text); },
                    Qt::QueuedConnection);
            }
            pending.remove(0, start);
        }
    }).detach();
}

void ScriptWorkerLoop::handle(const QByteArray &line)
{
    const QJsonObject message = QJsonDocument::fromJson(line).object();
    const QString type = message.value(u"type"_s).toString();
    if (type == u"run"_s) {
        m_engine.setTimeLimit(std::chrono::milliseconds(
            message.value(u"timeLimitMs"_s).toInteger(ScriptEngine::DefaultTimeLimit.count())));
        if (!m_engine.run(ScriptJson::toInput(message.value(u"input"_s).toObject())))
            write({ { u"type"_s, u"busy"_s } });
    } else if (type == u"answer"_s) {
        const auto done = m_waiting.take(message.value(u"id"_s).toInt());
        if (done)
            done(ScriptJson::toResponse(message.value(u"response"_s).toObject()));
    } else if (type == u"cancel"_s) {
        m_engine.cancel();
    }
}

void ScriptWorkerLoop::write(const QJsonObject &message)
{
    const QByteArray line = QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n';
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fflush(stdout);
}

} // namespace Postern

// Its own moc code here, not in the library's combined moc file: a program that only runs scripts in
// postern-script-worker then links none of Qt's JavaScript engine (see ScriptProcess).
#include "moc_scriptworkerloop.cpp"
