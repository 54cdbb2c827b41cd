#include "cli/runreporters.h"

#include <QXmlStreamWriter>

using namespace Qt::StringLiterals;

namespace Postern::RunReporters {

QString masked(QString text, const QStringList &secrets)
{
    for (const QString &value : secrets) {
        if (value.size() >= 3) // as RunReport::toJson: a short value would mask half of every line
            text.replace(value, u"****"_s);
    }
    return text;
}

QString Cli::paint(const QString &text, const char *code) const
{
    if (!color)
        return text;
    return u"\x1b["_s + QLatin1StringView(code) + u'm' + text + u"\x1b[0m"_s;
}

QString Cli::execution(const RunExecution &execution, int iterations)
{
    QString out;
    out += u"\n\u2192 "_s + execution.name
        + (iterations > 1 ? u"  (iteration %1/%2)"_s.arg(execution.iteration + 1).arg(iterations) : QString())
        + u'\n';
    if (execution.skipped) {
        out += paint(u"  skipped (pm.execution.skipRequest)"_s, "2") + u'\n';
        return out;
    }
    QString line = u"  "_s + execution.method + u' ' + masked(execution.url, secrets);
    if (execution.status > 0) {
        line += u" [%1 %2, %3 B, %4 ms]"_s.arg(execution.status)
                    .arg(execution.reason)
                    .arg(execution.responseSize)
                    .arg(execution.responseTime);
    }
    out += paint(line, "2") + u'\n';
    if (verbose && execution.timings.isKnown())
        out += paint(u"  \u2502 timing: "_s + execution.timings.summary(), "2") + u'\n';
    if (!execution.error.isEmpty()) {
        ++failureCount;
        m_failures.append({ u"RequestError"_s, masked(execution.error, secrets), QString(), execution.name });
        out += paint(u"  %1. %2"_s.arg(failureCount).arg(masked(execution.error, secrets)), "31") + u'\n';
    }
    for (const ScriptTest &test : execution.tests) {
        const QString name = masked(test.name, secrets);
        if (test.outcome == ScriptTest::Outcome::Passed) {
            out += paint(u"  \u2713"_s, "32") + u"  "_s + name + u'\n';
        } else if (test.outcome == ScriptTest::Outcome::Skipped) {
            out += paint(u"  -  "_s + name + u" (skipped)"_s, "2") + u'\n';
        } else {
            ++failureCount;
            m_failures.append({ test.errorName.isEmpty() ? u"AssertionError"_s : test.errorName, name,
                                masked(test.message, secrets), execution.name });
            out += paint(u"  %1. %2"_s.arg(failureCount).arg(name), "31") + u'\n';
        }
    }
    for (const ScriptFailure &failure : execution.failures) {
        ++failureCount;
        m_failures.append({ failure.name, masked(failure.message, secrets),
                            failure.where + (failure.line > 0 ? u", line %1"_s.arg(failure.line) : QString()),
                            execution.name });
        out += paint(u"  %1. %2: %3"_s.arg(failureCount).arg(failure.name, masked(failure.message, secrets)),
                     "31")
            + u'\n';
    }
    if (verbose) {
        for (const ScriptConsoleLine &console : execution.console)
            out += paint(u"  \u2502 "_s + console.level + u": "_s + masked(console.text, secrets), "2")
                + u'\n';
    }
    return out;
}

QString Cli::summary(const RunReport &report, bool withTable)
{
    QString out;
    const RunTotals totals = report.totals();
    if (withTable) {
        int requestsFailed = 0;
        for (const RunExecution &execution : report.executions) {
            if (!execution.error.isEmpty())
                ++requestsFailed;
        }
        auto row = [](const QString &name, int executed, int failed) {
            return u"\u2502 %1 \u2502 %2 \u2502 %3 \u2502\n"_s.arg(name, 20).arg(executed, 8).arg(failed, 8);
        };
        const QString rule = QString(22, QChar(0x2500));
        const QString cell = QString(10, QChar(0x2500));
        out += u"\n\u250c"_s + rule + u"\u252c"_s + cell + u"\u252c"_s + cell + u"\u2510\n"_s;
        out += u"\u2502 %1 \u2502 %2 \u2502 %3 \u2502\n"_s.arg(QString(), 20)
                   .arg(u"executed"_s, 8)
                   .arg(u"failed"_s, 8);
        out += u"\u251c"_s + rule + u"\u253c"_s + cell + u"\u253c"_s + cell + u"\u2524\n"_s;
        out += row(u"iterations"_s, report.iterations, 0);
        out += row(u"requests"_s, totals.requests, requestsFailed);
        out += row(u"assertions"_s, totals.tests, totals.failed);
        out += row(u"script errors"_s, totals.scriptErrors, totals.scriptErrors);
        out += u"\u2514"_s + rule + u"\u2534"_s + cell + u"\u2534"_s + cell + u"\u2518\n"_s;
        out += u"total run duration: %1 ms\n"_s.arg(report.durationMs);
    }
    if (!report.stoppedBecause.isEmpty())
        out += paint(report.stoppedBecause, "33") + u'\n';
    if (!m_failures.isEmpty()) {
        out += u"\n  #  failure         detail\n"_s;
        for (qsizetype i = 0; i < m_failures.size(); ++i) {
            const Failure &failure = m_failures.at(i);
            out += paint(u"%1. %2"_s.arg(i + 1, 3).arg(failure.kind, -15), "31") + u' ' + failure.title
                + u'\n';
            if (!failure.detail.isEmpty())
                out += QString(20, u' ') + failure.detail + u'\n';
            out += QString(20, u' ') + u"inside \u201c"_s + failure.where + u"\u201d\n"_s;
        }
    }
    return out;
}

QByteArray junit(const RunReport &report, const QStringList &secrets)
{
    int tests = 0;
    int failures = 0;
    int errors = 0;
    for (const RunExecution &execution : report.executions) {
        const int executionErrors = (execution.error.isEmpty() ? 0 : 1) + int(execution.failures.size());
        errors += executionErrors;
        tests += int(execution.tests.size()) + executionErrors;
        failures += execution.failedTests();
    }
    QByteArray xml;
    QXmlStreamWriter out(&xml);
    out.setAutoFormatting(true);
    out.writeStartDocument();
    out.writeStartElement(u"testsuites"_s);
    out.writeAttribute(u"name"_s, report.collectionName);
    out.writeAttribute(u"tests"_s, QString::number(tests));
    out.writeAttribute(u"failures"_s, QString::number(failures));
    out.writeAttribute(u"errors"_s, QString::number(errors));
    out.writeAttribute(u"time"_s, QString::number(report.durationMs / 1000.0, 'f', 3));
    for (const RunExecution &execution : report.executions) {
        int suiteErrors = execution.error.isEmpty() ? 0 : 1;
        suiteErrors += int(execution.failures.size());
        int suiteFailures = 0;
        int suiteTests = suiteErrors;
        int suiteSkipped = 0;
        for (const ScriptTest &test : execution.tests) {
            if (test.outcome == ScriptTest::Outcome::Failed)
                ++suiteFailures;
            if (test.outcome == ScriptTest::Outcome::Skipped)
                ++suiteSkipped;
            ++suiteTests;
        }
        const QString time = QString::number(execution.responseTime / 1000.0, 'f', 3);
        const QString suiteName = report.iterations > 1
            ? u"%1 (iteration %2)"_s.arg(execution.name).arg(execution.iteration + 1)
            : execution.name;
        out.writeStartElement(u"testsuite"_s);
        out.writeAttribute(u"name"_s, suiteName);
        out.writeAttribute(u"id"_s, execution.itemId);
        out.writeAttribute(u"tests"_s, QString::number(suiteTests));
        out.writeAttribute(u"failures"_s, QString::number(suiteFailures));
        out.writeAttribute(u"errors"_s, QString::number(suiteErrors));
        out.writeAttribute(u"skipped"_s, QString::number(suiteSkipped));
        out.writeAttribute(u"time"_s, time);
        const QString className = report.collectionName + u'.' + execution.name;
        for (const ScriptTest &test : execution.tests) {
            out.writeStartElement(u"testcase"_s);
            out.writeAttribute(u"name"_s, masked(test.name, secrets));
            out.writeAttribute(u"classname"_s, className);
            out.writeAttribute(u"time"_s, u"0.000"_s);
            if (test.outcome == ScriptTest::Outcome::Failed) {
                out.writeStartElement(u"failure"_s);
                out.writeAttribute(u"type"_s,
                                   test.errorName.isEmpty() ? u"AssertionError"_s : test.errorName);
                out.writeAttribute(u"message"_s, masked(test.message, secrets));
                out.writeCharacters(masked(test.message, secrets));
                out.writeEndElement();
            } else if (test.outcome == ScriptTest::Outcome::Skipped) {
                out.writeEmptyElement(u"skipped"_s);
            }
            out.writeEndElement();
        }
        auto error = [&](const QString &name, const QString &type, const QString &message) {
            out.writeStartElement(u"testcase"_s);
            out.writeAttribute(u"name"_s, name);
            out.writeAttribute(u"classname"_s, className);
            out.writeAttribute(u"time"_s, time);
            out.writeStartElement(u"error"_s);
            out.writeAttribute(u"type"_s, type);
            out.writeAttribute(u"message"_s, masked(message, secrets));
            out.writeCharacters(masked(message, secrets));
            out.writeEndElement();
            out.writeEndElement();
        };
        if (!execution.error.isEmpty())
            error(u"request"_s, u"RequestError"_s, execution.error);
        for (const ScriptFailure &failure : execution.failures)
            error(failure.where, failure.name, failure.text());
        out.writeEndElement();
    }
    out.writeEndElement();
    out.writeEndDocument();
    return xml;
}

} // namespace Postern::RunReporters
