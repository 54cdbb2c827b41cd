#include "ui/response/testresultsview.h"

#include "ui/widgets/formrow.h"
#include "ui/widgets/palette.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace Postern {

TestResultsView::TestResultsView(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(u"testResults"_s);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *bar = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"testSummary"_s);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    bar->addWidget(m_summary, 1);
    m_filter = new QComboBox(this);
    m_filter->setObjectName(u"testFilter"_s);
    m_filter->addItem(tr("All"), int(Filter::All));
    m_filter->addItem(tr("Passed"), int(Filter::Passed));
    m_filter->addItem(tr("Failed"), int(Filter::Failed));
    bar->addWidget(captionFor(tr("Show:"), m_filter, tr("Show tests")));
    bar->addWidget(m_filter);
    layout->addLayout(bar);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"testList"_s);
    m_list->setAccessibleName(tr("Test results"));
    m_list->setWordWrap(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    layout->addWidget(m_list, 1);
    connect(m_filter, &QComboBox::currentIndexChanged, this, &TestResultsView::refill);
    clear();
}

void TestResultsView::setResults(const QList<ScriptTest> &tests, const QList<ScriptFailure> &failures)
{
    m_tests = tests;
    m_failures = failures;
    refill();
}

void TestResultsView::clear()
{
    setResults({}, {});
}

void TestResultsView::setFilter(Filter filter)
{
    m_filter->setCurrentIndex(m_filter->findData(int(filter)));
}

bool TestResultsView::hasFailures(const QList<ScriptTest> &tests, const QList<ScriptFailure> &failures)
{
    if (!failures.isEmpty())
        return true;
    for (const ScriptTest &test : tests) {
        if (test.outcome == ScriptTest::Outcome::Failed)
            return true;
    }
    return false;
}

QString TestResultsView::summary(const QList<ScriptTest> &tests, const QList<ScriptFailure> &failures)
{
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (const ScriptTest &test : tests) {
        passed += test.outcome == ScriptTest::Outcome::Passed ? 1 : 0;
        failed += test.outcome == ScriptTest::Outcome::Failed ? 1 : 0;
        skipped += test.outcome == ScriptTest::Outcome::Skipped ? 1 : 0;
    }
    QStringList parts { tests.isEmpty() ? tr("No tests")
                                        : tr("%1 of %2 tests passed").arg(passed).arg(passed + failed) };
    if (failed > 0)
        parts.append(tr("%1 failed").arg(failed));
    if (skipped > 0)
        parts.append(tr("%1 skipped").arg(skipped));
    if (!failures.isEmpty())
        parts.append(failures.size() == 1 ? tr("1 script error")
                                          : tr("%1 script errors").arg(failures.size()));
    //: Between the parts of the test summary: "3 of 5 tests passed, 2 failed, 1 skipped".
    return parts.join(tr(", "));
}

QString TestResultsView::tabTitle(const QList<ScriptTest> &tests, const QList<ScriptFailure> &failures)
{
    int passed = 0;
    int counted = 0;
    for (const ScriptTest &test : tests) {
        if (test.outcome == ScriptTest::Outcome::Skipped)
            continue;
        ++counted;
        passed += test.passed() ? 1 : 0;
    }
    if (counted == 0 && failures.isEmpty())
        return tr("Test Resu&lts");
    return tr("Test Resu&lts (%1/%2)").arg(passed).arg(counted);
}

void TestResultsView::refill()
{
    const auto filter = Filter(m_filter->currentData().toInt());
    m_list->clear();
    const QColor good = Theme::color(ColorRole::SuccessText, palette());
    const QColor bad = Theme::color(ColorRole::ErrorText, palette());
    for (const ScriptFailure &failure : std::as_const(m_failures)) {
        if (filter == Filter::Passed)
            continue;
        auto *item = new QListWidgetItem(tr("Error — %1").arg(failure.text()), m_list);
        item->setForeground(bad);
    }
    for (const ScriptTest &test : std::as_const(m_tests)) {
        if ((filter == Filter::Passed && test.outcome != ScriptTest::Outcome::Passed)
            || (filter == Filter::Failed && test.outcome != ScriptTest::Outcome::Failed))
            continue;
        QString text;
        switch (test.outcome) {
        case ScriptTest::Outcome::Passed:
            text = tr("Pass — %1").arg(test.name);
            break;
        case ScriptTest::Outcome::Failed:
            text = tr("Fail — %1: %2").arg(test.name, test.message);
            break;
        case ScriptTest::Outcome::Skipped:
            text = tr("Skipped — %1").arg(test.name);
            break;
        }
        auto *item = new QListWidgetItem(text, m_list);
        item->setToolTip(test.where);
        if (test.outcome != ScriptTest::Outcome::Skipped)
            item->setForeground(test.passed() ? good : bad);
    }
    m_summary->setText(summary());
    m_summary->setAccessibleName(tr("Test summary"));
    m_summary->setAccessibleDescription(summary());
    Q_EMIT changed();
}

} // namespace Postern
