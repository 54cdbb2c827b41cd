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
    m_filter->addItem(u"All"_s, int(Filter::All));
    m_filter->addItem(u"Passed"_s, int(Filter::Passed));
    m_filter->addItem(u"Failed"_s, int(Filter::Failed));
    bar->addWidget(captionFor(u"Show:"_s, m_filter, u"Show tests"_s));
    bar->addWidget(m_filter);
    layout->addLayout(bar);
    m_list = new QListWidget(this);
    m_list->setObjectName(u"testList"_s);
    m_list->setAccessibleName(u"Test results"_s);
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

bool TestResultsView::hasFailures() const
{
    if (!m_failures.isEmpty())
        return true;
    for (const ScriptTest &test : m_tests) {
        if (test.outcome == ScriptTest::Outcome::Failed)
            return true;
    }
    return false;
}

QString TestResultsView::summary() const
{
    int passed = 0;
    int failed = 0;
    int skipped = 0;
    for (const ScriptTest &test : m_tests) {
        passed += test.outcome == ScriptTest::Outcome::Passed ? 1 : 0;
        failed += test.outcome == ScriptTest::Outcome::Failed ? 1 : 0;
        skipped += test.outcome == ScriptTest::Outcome::Skipped ? 1 : 0;
    }
    QString text
        = m_tests.isEmpty() ? u"No tests"_s : u"%1 of %2 tests passed"_s.arg(passed).arg(passed + failed);
    if (failed > 0)
        text += u", %1 failed"_s.arg(failed);
    if (skipped > 0)
        text += u", %1 skipped"_s.arg(skipped);
    if (!m_failures.isEmpty())
        text += m_failures.size() == 1 ? u", 1 script error"_s
                                       : u", %1 script errors"_s.arg(m_failures.size());
    return text;
}

QString TestResultsView::tabTitle() const
{
    int passed = 0;
    int counted = 0;
    for (const ScriptTest &test : m_tests) {
        if (test.outcome == ScriptTest::Outcome::Skipped)
            continue;
        ++counted;
        passed += test.passed() ? 1 : 0;
    }
    if (counted == 0 && m_failures.isEmpty())
        return u"Test Resu&lts"_s;
    return u"Test Resu&lts (%1/%2)"_s.arg(passed).arg(counted);
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
        auto *item = new QListWidgetItem(u"Error \u2014 "_s + failure.text(), m_list);
        item->setForeground(bad);
    }
    for (const ScriptTest &test : std::as_const(m_tests)) {
        if ((filter == Filter::Passed && test.outcome != ScriptTest::Outcome::Passed)
            || (filter == Filter::Failed && test.outcome != ScriptTest::Outcome::Failed))
            continue;
        QString text;
        switch (test.outcome) {
        case ScriptTest::Outcome::Passed:
            text = u"Pass \u2014 "_s + test.name;
            break;
        case ScriptTest::Outcome::Failed:
            text = u"Fail \u2014 "_s + test.name + u": "_s + test.message;
            break;
        case ScriptTest::Outcome::Skipped:
            text = u"Skipped \u2014 "_s + test.name;
            break;
        }
        auto *item = new QListWidgetItem(text, m_list);
        item->setToolTip(test.where);
        if (test.outcome != ScriptTest::Outcome::Skipped)
            item->setForeground(test.passed() ? good : bad);
    }
    m_summary->setText(summary());
    m_summary->setAccessibleName(u"Test summary"_s);
    m_summary->setAccessibleDescription(summary());
    Q_EMIT changed();
}

} // namespace Postern
