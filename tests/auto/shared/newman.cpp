#include "shared/newman.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Newman {

QString node()
{
    return QStandardPaths::findExecutable(u"node"_s);
}

QString directory()
{
    return QStringLiteral(POSTERN_NEWMAN_DIR);
}

QString script()
{
    const QString path = directory() + u"/node_modules/newman/bin/newman.js"_s;
    return QFileInfo::exists(path) ? path : QString();
}

QString unavailable()
{
    const QString hint
        = u"Install with `bash packaging/dev.sh test` (installs Node.js if missing and runs npm ci in "
          "tests/e2e/newman), or by hand: `apt-get install nodejs npm`, then `npm ci` in "_s
        + directory() + u"."_s;
    if (node().isEmpty())
        return u"Node.js (`node`) is not on PATH. "_s + hint;
    if (script().isEmpty())
        return u"newman is not installed in "_s + directory() + u"/node_modules. "_s + hint;
    return QString();
}

Result run(const QStringList &arguments, const QString &folder, int timeoutMs)
{
    Result result;
    const QString report = QDir(folder).filePath(u"newman-report.json"_s);
    const QString environment = QDir(folder).filePath(u"newman-environment.json"_s);
    QFile::remove(report);
    QFile::remove(environment);
    QProcess process;
    process.setProgram(node());
    process.setArguments(QStringList { script(), u"run"_s } + arguments
                         + QStringList { u"--reporters"_s, u"cli,json"_s, u"--reporter-json-export"_s, report,
                                         u"--export-environment"_s, environment, u"--color"_s, u"off"_s });
    process.setWorkingDirectory(directory());
    process.setProcessChannelMode(QProcess::MergedChannels);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start();
    if (!process.waitForStarted(10000)) {
        result.output = process.errorString().toUtf8();
        return result;
    }
    if (!finished.wait(timeoutMs)) {
        process.kill();
        process.waitForFinished(5000);
        result.output = "newman did not finish in time\n" + process.readAll();
        return result;
    }
    result.output = process.readAll();
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    QFile reportFile(report);
    if (reportFile.open(QIODevice::ReadOnly))
        result.run = QJsonDocument::fromJson(reportFile.readAll()).object().value(u"run"_s).toObject();
    QFile environmentFile(environment);
    if (environmentFile.open(QIODevice::ReadOnly))
        result.environment = QJsonDocument::fromJson(environmentFile.readAll()).object();
    return result;
}

QStringList lines(const QJsonObject &run)
{
    QStringList lines;
    QSet<QString> seen;
    for (const QJsonValue &value : run.value(u"executions"_s).toArray()) {
        const QJsonObject execution = value.toObject();
        // The json reporter lists an execution once more for each pm.sendRequest it made; the
        // cursor's ref names the execution.
        const QString ref = execution.value(u"cursor"_s).toObject().value(u"ref"_s).toString();
        if (seen.contains(ref))
            continue;
        seen.insert(ref);
        const int iteration = execution.value(u"cursor"_s).toObject().value(u"iteration"_s).toInt();
        lines << u"%1. %2 \u2192 %3"_s.arg(iteration + 1)
                     .arg(execution.value(u"item"_s).toObject().value(u"name"_s).toString())
                     .arg(execution.value(u"response"_s).toObject().value(u"code"_s).toInt());
        for (const QJsonValue &assertionValue : execution.value(u"assertions"_s).toArray()) {
            const QJsonObject assertion = assertionValue.toObject();
            const QString name = assertion.value(u"assertion"_s).toString();
            if (assertion.value(u"skipped"_s).toBool())
                lines << u"   skipped: "_s + name;
            else if (assertion.contains(u"error"_s))
                lines << u"   failed: "_s + name + u": "_s
                        + assertion.value(u"error"_s).toObject().value(u"message"_s).toString();
            else
                lines << u"   passed: "_s + name;
        }
        for (const QString &kind : { u"prerequestScript"_s, u"testScript"_s }) {
            for (const QJsonValue &scriptValue : execution.value(kind).toArray()) {
                const QJsonObject error = scriptValue.toObject().value(u"error"_s).toObject();
                if (!error.isEmpty())
                    lines << u"   script error: "_s + error.value(u"name"_s).toString() + u": "_s
                            + error.value(u"message"_s).toString();
            }
        }
    }
    return lines;
}

QStringList posternLines(const QJsonObject &report)
{
    QStringList lines;
    for (const QJsonValue &value : report.value(u"executions"_s).toArray()) {
        const QJsonObject execution = value.toObject();
        lines << u"%1. %2 \u2192 %3"_s.arg(execution.value(u"iteration"_s).toInt())
                     .arg(execution.value(u"name"_s).toString())
                     .arg(execution.value(u"status"_s).toInt());
        for (const QJsonValue &test : execution.value(u"tests"_s).toArray()) {
            const QString outcome = test[u"outcome"_s].toString();
            lines << u"   "_s + outcome + u": "_s + test[u"name"_s].toString()
                    + (outcome == u"failed"_s ? u": "_s + test[u"message"_s].toString() : QString());
        }
        for (const QJsonValue &error : execution.value(u"scriptErrors"_s).toArray())
            lines << u"   script error: "_s + error[u"name"_s].toString() + u": "_s
                    + error[u"message"_s].toString();
    }
    return lines;
}

} // namespace Newman
