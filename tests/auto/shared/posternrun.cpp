#include "shared/posternrun.h"

#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>

using namespace Qt::StringLiterals;

namespace PosternRun {

Result run(const QString &program, const QStringList &arguments, const QString &folder,
           const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(program, arguments);
    if (!process.waitForStarted(10000) || !finished.wait(timeoutMs))
        return {};
    return { process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
             QString::fromUtf8(process.readAllStandardOutput()),
             QString::fromUtf8(process.readAllStandardError()) };
}

QJsonObject testEvent(const QStringList &lines)
{
    return QJsonObject { { u"listen"_s, u"test"_s },
                         { u"script"_s,
                           QJsonObject { { u"type"_s, u"text/javascript"_s },
                                         { u"exec"_s, QJsonArray::fromStringList(lines) } } } };
}

QJsonObject requestItem(const QString &name, const QString &url, const QStringList &testLines)
{
    QJsonObject item { { u"name"_s, name },
                       { u"request"_s, QJsonObject { { u"method"_s, u"GET"_s }, { u"url"_s, url } } } };
    if (!testLines.isEmpty())
        item.insert(u"event"_s, QJsonArray { testEvent(testLines) });
    return item;
}

QJsonObject oauth2(const QList<QPair<QString, QString>> &parameters)
{
    QJsonArray list;
    for (const auto &[key, value] : parameters)
        list.append(QJsonObject { { u"key"_s, key }, { u"value"_s, value } });
    return QJsonObject { { u"type"_s, u"oauth2"_s }, { u"oauth2"_s, list } };
}

QByteArray collection(const QString &name, const QJsonArray &items, const QJsonObject &auth)
{
    QJsonObject root {
        { u"info"_s,
          QJsonObject {
              { u"name"_s, name },
              { u"schema"_s, u"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"_s } } },
        { u"item"_s, items }
    };
    if (!auth.isEmpty())
        root.insert(u"auth"_s, auth);
    return QJsonDocument(root).toJson();
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QByteArray incidentPage()
{
    QJsonArray records;
    for (int i = 0; records.size() < 52; ++i) {
        records.append(
            QJsonObject { { u"number"_s, u"INC%1"_s.arg(10000 + i, 7, 10, QChar(u'0')) },
                          { u"short_description"_s, u"Printer on floor %1 does not print"_s.arg(i) },
                          { u"priority"_s, QString::number(1 + i % 5) },
                          { u"state"_s, u"In Progress"_s },
                          { u"sys_id"_s, u"%1"_s.arg(i, 32, 16, QChar(u'0')) },
                          { u"opened_at"_s, u"2026-12-04 10:%1:00"_s.arg(i % 60, 2, 10, QChar(u'0')) },
                          { u"assignment_group"_s, u"Service Desk"_s } });
    }
    return QJsonDocument(QJsonObject { { u"result"_s, records } }).toJson(QJsonDocument::Compact);
}

} // namespace PosternRun
