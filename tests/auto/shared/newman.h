#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// newman, Postman's command-line collection runner (pinned in tests/e2e/newman), run under Node.js as
// an oracle. A test that finds it missing skips with unavailable()'s reason.
namespace Newman {

QString node(); // the node program, or empty
QString script(); // newman's bin/newman.js, or empty
QString directory(); // tests/e2e/newman
// Why newman cannot run here, with how to install it; empty when it can.
QString unavailable();

struct Result
{
    int exitCode = -1;
    QByteArray output; // the cli reporter's text
    QJsonObject run; // the json reporter's "run"
    QJsonObject environment; // --export-environment's file
};

// `newman run ARGUMENTS` with the json reporter and the environment exported into folder, waiting with
// an event loop running (for servers in the test's own thread).
Result run(const QStringList &arguments, const QString &folder, int timeoutMs = 180000);

// The json reporter's run as lines to compare with another runner's: one per request ("1. name → 200",
// iteration first), then one per test ("   passed: name", "   failed: name: message",
// "   skipped: name") and per script error ("   script error: TypeError: message"), in the order
// they happened.
QStringList lines(const QJsonObject &run);

// postern run's json report (the whole file) in the lines of lines(), to compare the two.
QStringList posternLines(const QJsonObject &report);

} // namespace Newman
