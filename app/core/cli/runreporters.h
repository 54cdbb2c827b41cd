#pragma once

#include "runner/runvalues.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace Postern {

// What `postern run` writes about a run, as newman's reporters do. Every text goes through the list
// of secret values given (CollectionRunner::secretValues()), which are replaced by "****"; an empty
// list shows them (--show-secrets).
namespace RunReporters {

QString masked(QString text, const QStringList &secrets);

// cli: a block per request as it ends ("→ name", the method, URL, status, size and time, a line per
// test with ✓ or a failure number, script errors), then the summary table and the failures.
struct Cli
{
    bool color = false;
    bool verbose = false;
    QStringList secrets;
    int failureCount = 0; // numbers the failures as they come, for the list at the end

    QString execution(const RunExecution &execution, int iterations);
    QString summary(const RunReport &report, bool withTable);

private:
    struct Failure
    {
        QString kind;
        QString title;
        QString detail;
        QString where;
    };
    QList<Failure> m_failures;
    QString paint(const QString &text, const char *code) const;
};

// junit: one <testsuite> per request per iteration, one <testcase> per test (a failed one with its
// <failure>), a request without an answer or a script that did not end as an <error>; counts and times
// add up.
QByteArray junit(const RunReport &report, const QStringList &secrets);

} // namespace RunReporters

} // namespace Postern
