#include "shared/newman.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
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

} // namespace Newman
