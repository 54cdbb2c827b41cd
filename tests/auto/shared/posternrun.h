#pragma once

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

// For tests of postern-run: small Postman collection files, and running the program while this
// process's servers keep answering (an event loop runs while it waits).
namespace PosternRun {

struct Result
{
    int exitCode = -1; // -1: did not start, did not end in time, or crashed
    QString output;
    QString errors;
};

// Runs program with arguments in folder (with environment, when it is not empty).
Result run(const QString &program, const QStringList &arguments, const QString &folder,
           const QProcessEnvironment &environment = {}, int timeoutMs = 120000);

// {"listen": "test", "script": {"type": "text/javascript", "exec": lines}}
QJsonObject testEvent(const QStringList &lines);
// A GET request item, with a post-response script when testLines is not empty.
QJsonObject requestItem(const QString &name, const QString &url, const QStringList &testLines = {});
// {"type": "oauth2", "oauth2": [{"key", "value"}, …]}, the parameters in the order given.
QJsonObject oauth2(const QList<QPair<QString, QString>> &parameters);
// A Postman v2.1 collection file.
QByteArray collection(const QString &name, const QJsonArray &items, const QJsonObject &auth = {});
bool writeFile(const QString &path, const QByteArray &bytes);
// About 12 KB of compact JSON: a page of 52 incident records as the Table API returns them (benchmarks).
QByteArray incidentPage();

} // namespace PosternRun
