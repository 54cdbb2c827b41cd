#pragma once

#include "scripting/scriptvalues.h"

#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QListWidget;
QT_END_NAMESPACE

namespace Postern {

// What the scripts of one send said: each test passed, failed (with chai's message) or skipped, and
// each script that did not run to its end, with a one-line summary above and a filter (all, passed,
// failed). Every line is a list item, so a screen reader reads it as shown.
class TestResultsView : public QWidget
{
    Q_OBJECT

public:
    enum class Filter { All, Passed, Failed };

    explicit TestResultsView(QWidget *parent = nullptr);

    void setResults(const QList<ScriptTest> &tests, const QList<ScriptFailure> &failures);
    void clear();

    // "3 of 4 tests passed, 1 failed" (and ", 1 script error"); "No tests" without any.
    QString summary() const { return summary(m_tests, m_failures); }
    // The tab's title: "Test Results (3/4)", or "Test Results" without tests. Mnemonic included.
    QString tabTitle() const { return tabTitle(m_tests, m_failures); }
    bool hasFailures() const { return hasFailures(m_tests, m_failures); }
    // The same for results not shown in a view.
    static QString summary(const QList<ScriptTest> &tests, const QList<ScriptFailure> &failures);
    static QString tabTitle(const QList<ScriptTest> &tests, const QList<ScriptFailure> &failures);
    static bool hasFailures(const QList<ScriptTest> &tests, const QList<ScriptFailure> &failures);

    void setFilter(Filter filter);

Q_SIGNALS:
    void changed();

private:
    void refill();

    QComboBox *m_filter = nullptr;
    QLabel *m_summary = nullptr;
    QListWidget *m_list = nullptr;
    QList<ScriptTest> m_tests;
    QList<ScriptFailure> m_failures;
};

} // namespace Postern
