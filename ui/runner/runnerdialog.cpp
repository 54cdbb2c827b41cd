#include "ui/runner/runnerdialog.h"

#include "base/atomicfile.h"
#include "runner/datafile.h"
#include "runner/runvariables.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/palette.h"
#include "workspace/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <utility>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QString testLine(const ScriptTest &test)
{
    switch (test.outcome) {
    case ScriptTest::Outcome::Passed:
        return u"Pass \u2014 "_s + test.name;
    case ScriptTest::Outcome::Failed:
        return u"Fail \u2014 "_s + test.name + u": "_s + test.message;
    case ScriptTest::Outcome::Skipped:
        break;
    }
    return u"Skipped \u2014 "_s + test.name;
}

} // namespace

RunnerDialog::RunnerDialog(Workspace *workspace, const QString &collectionId, const QString &folderId,
                           CollectionRunner::Sender sender, HttpClient *scriptClient, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_collectionId(collectionId)
    , m_folderId(folderId)
    , m_runner(new CollectionRunner(std::move(sender), scriptClient, this))
{
    setObjectName(u"runnerDialog"_s);
    const Collection *collection = m_workspace->collection(collectionId);
    const CollectionItem *folder = collection && !folderId.isEmpty() ? collection->find(folderId) : nullptr;
    const QString name = folder ? folder->name : collection ? collection->name : QString();
    setWindowTitle(u"Run \u201c%1\u201d"_s.arg(name));
    resize(980, 680);

    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter, 1);

    // The options.
    auto *optionsPage = new QWidget(splitter);
    auto *form = new QFormLayout(optionsPage);
    m_environment = new QComboBox(optionsPage);
    m_environment->setObjectName(u"runEnvironment"_s);
    m_environment->addItem(u"No Environment"_s, QString());
    for (const Environment &environment : m_workspace->environments())
        m_environment->addItem(environment.name, environment.id);
    m_environment->setCurrentIndex(qMax(0, m_environment->findData(m_workspace->currentEnvironmentId())));
    addLabelledRow(form, u"En&vironment:"_s, m_environment);
    m_iterations = new QSpinBox(optionsPage);
    m_iterations->setObjectName(u"runIterations"_s);
    m_iterations->setRange(1, 100000);
    addLabelledRow(form, u"&Iterations:"_s, m_iterations);
    auto *dataRow = new QHBoxLayout;
    m_dataPath = new QLineEdit(optionsPage);
    m_dataPath->setObjectName(u"runDataFile"_s);
    m_dataPath->setPlaceholderText(u"CSV or JSON, one iteration per row"_s);
    auto *choose = new QPushButton(u"C&hoose\u2026"_s, optionsPage);
    choose->setObjectName(u"runChooseData"_s);
    choose->setAccessibleName(u"Choose a data file"_s);
    dataRow->addWidget(m_dataPath, 1);
    dataRow->addWidget(choose);
    addLabelledRow(form, u"&Data file:"_s, m_dataPath, dataRow, u"Data file"_s);
    m_dataNote = new QLabel(optionsPage);
    m_dataNote->setObjectName(u"runDataNote"_s);
    m_dataNote->setWordWrap(true);
    form->addRow(QString(), m_dataNote);
    m_delay = new QSpinBox(optionsPage);
    m_delay->setObjectName(u"runDelay"_s);
    m_delay->setRange(0, 600000);
    m_delay->setSingleStep(100);
    m_delay->setSuffix(u" ms"_s);
    addLabelledRow(form, u"De&lay:"_s, m_delay, u"Delay between requests"_s);
    m_stopOnFailure = new QCheckBox(u"&Stop on the first failure"_s, optionsPage);
    m_stopOnFailure->setObjectName(u"runStopOnFailure"_s);
    m_stopOnFailure->setAccessibleName(u"Stop on the first failure"_s);
    form->addRow(QString(), m_stopOnFailure);
    m_keepValues = new QCheckBox(u"&Keep variable values"_s, optionsPage);
    m_keepValues->setObjectName(u"runKeepValues"_s);
    m_keepValues->setAccessibleName(u"Keep variable values"_s);
    m_keepValues->setToolTip(u"Save what scripts set in the environment, the collection and the globals"_s);
    m_keepValues->setChecked(true);
    form->addRow(QString(), m_keepValues);
    m_requests = new QListWidget(optionsPage);
    m_requests->setObjectName(u"runRequests"_s);
    m_requests->setDragDropMode(QAbstractItemView::InternalMove);
    if (collection) {
        RunOptions all;
        all.folderId = folderId;
        for (const auto &[id, requestName] : CollectionRunner::plan(*collection, all)) {
            auto *item = new QListWidgetItem(requestName, m_requests);
            item->setData(Qt::UserRole, id);
            item->setFlags(item->flags() | Qt::ItemIsUserCheckable);
            item->setCheckState(Qt::Checked);
        }
    }
    m_requests->setCurrentRow(0);
    auto *order = new QHBoxLayout;
    auto *up = new QPushButton(u"&Up"_s, optionsPage);
    up->setObjectName(u"runMoveUp"_s);
    up->setAccessibleName(u"Move the request up"_s);
    auto *down = new QPushButton(u"Do&wn"_s, optionsPage);
    down->setObjectName(u"runMoveDown"_s);
    down->setAccessibleName(u"Move the request down"_s);
    order->addWidget(up);
    order->addWidget(down);
    order->addStretch(1);
    form->addRow(captionFor(u"Re&quests (ticked run, in this order):"_s, m_requests, u"Requests to run"_s));
    form->addRow(m_requests);
    form->addRow(order);
    splitter->addWidget(optionsPage);

    // The run.
    auto *runPage = new QWidget(splitter);
    auto *runLayout = new QVBoxLayout(runPage);
    m_position = new QLabel(u"Not run yet."_s, runPage);
    m_position->setObjectName(u"runPosition"_s);
    m_position->setAccessibleName(u"Progress"_s);
    m_position->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_position->setFocusPolicy(Qt::TabFocus);
    runLayout->addWidget(m_position);
    m_progress = new QProgressBar(runPage);
    m_progress->setObjectName(u"runProgress"_s);
    m_progress->setAccessibleName(u"Requests run"_s);
    runLayout->addWidget(m_progress);
    m_results = new QTreeWidget(runPage);
    m_results->setObjectName(u"runResults"_s);
    m_results->setAccessibleName(u"Run results"_s);
    m_results->setHeaderHidden(true);
    m_results->setWordWrap(true);
    runLayout->addWidget(m_results, 1);
    m_totals = new QLabel(runPage);
    m_totals->setObjectName(u"runTotals"_s);
    m_totals->setAccessibleName(u"Totals"_s);
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_totals->setFocusPolicy(Qt::TabFocus);
    m_totals->setWordWrap(true);
    runLayout->addWidget(m_totals);
    splitter->addWidget(runPage);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_run = buttons->addButton(u"&Run"_s, QDialogButtonBox::ActionRole);
    m_run->setObjectName(u"runStart"_s);
    m_cancel = buttons->addButton(u"&Cancel Run"_s, QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(u"runCancel"_s);
    m_cancel->setEnabled(false);
    m_export = buttons->addButton(u"&Export\u2026"_s, QDialogButtonBox::ActionRole);
    m_export->setObjectName(u"runExport"_s);
    m_export->setAccessibleName(u"Export the run as JSON"_s);
    m_export->setEnabled(false);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setAutoDefault(false);
    layout->addWidget(buttons);

    connect(close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_run, &QPushButton::clicked, this, &RunnerDialog::start);
    connect(m_cancel, &QPushButton::clicked, m_runner, &CollectionRunner::cancel);
    connect(up, &QPushButton::clicked, this, [this] { moveRequest(-1); });
    connect(down, &QPushButton::clicked, this, [this] { moveRequest(1); });
    connect(choose, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, u"Choose a Data File"_s, QString(),
                                                          u"Data files (*.csv *.json);;All files (*)"_s);
        if (!path.isEmpty())
            setDataFile(path);
    });
    connect(m_dataPath, &QLineEdit::editingFinished, this,
            [this] { setDataFile(m_dataPath->text().trimmed()); });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, u"Export the Run"_s, u"run.json"_s, u"JSON (*.json)"_s);
        if (path.isEmpty())
            return;
        const QString error = exportReport(path);
        m_totals->setText(error.isEmpty() ? m_totals->text() : u"The report could not be saved: "_s + error);
    });
    connect(m_runner, &CollectionRunner::started, this, [this](int perIteration, int iterations) {
        m_perIteration = perIteration;
        m_progress->setRange(0, qMax(1, perIteration * iterations));
        m_progress->setValue(0);
    });
    connect(m_runner, &CollectionRunner::requestStarted, this,
            [this](int iteration, int index, const QString &request) {
                m_position->setText(u"Request %1 of %2 (\u201c%3\u201d), iteration %4 of %5"_s.arg(index + 1)
                                        .arg(m_perIteration)
                                        .arg(request)
                                        .arg(iteration + 1)
                                        .arg(m_runner->report().iterations));
            });
    connect(m_runner, &CollectionRunner::executionFinished, this, &RunnerDialog::onExecution);
    connect(m_runner, &CollectionRunner::finished, this, &RunnerDialog::onFinished);
}

RunOptions RunnerDialog::options() const
{
    RunOptions options;
    options.folderId = m_folderId;
    for (int i = 0; i < m_requests->count(); ++i) {
        if (m_requests->item(i)->checkState() == Qt::Checked)
            options.requestIds << m_requests->item(i)->data(Qt::UserRole).toString();
    }
    options.iterations = m_iterations->value();
    options.data = m_data;
    options.delay = std::chrono::milliseconds(m_delay->value());
    options.stopOnFailure = m_stopOnFailure->isChecked();
    options.scriptTimeLimit = RunSettings::scriptTimeLimit();
    return options;
}

bool RunnerDialog::setDataFile(const QString &path)
{
    m_dataPath->setText(path);
    m_data.clear();
    if (path.isEmpty()) {
        m_dataNote->clear();
        return true;
    }
    const DataFile file = DataFile::read(path);
    if (!file.ok()) {
        m_dataNote->setText(file.error);
        m_dataNote->setStyleSheet(Theme::textStyleSheet(u"QLabel"_s, ColorRole::ErrorText));
        return false;
    }
    m_data = file.rows;
    m_dataNote->setStyleSheet(QString());
    m_dataNote->setText(u"%1 row(s): at least one iteration per row."_s.arg(m_data.size()));
    return true;
}

void RunnerDialog::moveRequest(int by)
{
    const int row = m_requests->currentRow();
    const int to = row + by;
    if (row < 0 || to < 0 || to >= m_requests->count())
        return;
    QListWidgetItem *item = m_requests->takeItem(row);
    m_requests->insertItem(to, item);
    m_requests->setCurrentRow(to);
}

void RunnerDialog::start()
{
    const Collection *collection = m_workspace->collection(m_collectionId);
    if (!collection || m_runner->isRunning())
        return;
    const RunOptions runOptions = options();
    if (runOptions.requestIds.isEmpty()) {
        m_position->setText(u"Tick at least one request to run."_s);
        return;
    }
    Environment environment;
    if (const Environment *chosen = m_workspace->environment(m_environment->currentData().toString()))
        environment = *chosen;
    m_results->clear();
    m_totals->clear();
    m_run->setEnabled(false);
    m_export->setEnabled(false);
    m_cancel->setEnabled(true);
    m_runner->start(*collection, environment, m_workspace->globals().variables, runOptions);
}

void RunnerDialog::onExecution(const RunExecution &execution)
{
    QString status;
    if (execution.skipped)
        status = u"skipped"_s;
    else if (!execution.error.isEmpty())
        status = execution.error;
    else
        status = u"%1 %2, %3 ms"_s.arg(execution.status).arg(execution.reason).arg(execution.responseTime);
    int passed = 0;
    int counted = 0;
    for (const ScriptTest &test : execution.tests) {
        if (test.outcome != ScriptTest::Outcome::Skipped) {
            ++counted;
            passed += test.passed() ? 1 : 0;
        }
    }
    QString text = u"%1. %2 \u2014 %3"_s.arg(execution.iteration + 1).arg(execution.name, status);
    if (counted > 0)
        text += u" \u2014 %1 of %2 tests passed"_s.arg(passed).arg(counted);
    auto *top = new QTreeWidgetItem(m_results, { text });
    top->setForeground(
        0, Theme::color(execution.failed() ? ColorRole::ErrorText : ColorRole::SuccessText, palette()));
    top->setToolTip(0, text);
    for (const ScriptFailure &failure : execution.failures) {
        auto *line = new QTreeWidgetItem(top, { u"Error \u2014 "_s + failure.text() });
        line->setToolTip(0, line->text(0));
    }
    for (const ScriptTest &test : execution.tests) {
        auto *line = new QTreeWidgetItem(top, { testLine(test) });
        line->setToolTip(0, line->text(0));
    }
    for (const ScriptConsoleLine &console : execution.console) {
        auto *line
            = new QTreeWidgetItem(top, { u"Console \u2014 %1: %2"_s.arg(console.level, console.text) });
        line->setToolTip(0, console.where);
    }
    if (execution.failed())
        top->setExpanded(true);
    m_results->scrollToItem(top);
    m_progress->setValue(qMin(m_progress->maximum(), m_progress->value() + 1));
    showTotals(m_runner->report());
}

void RunnerDialog::showTotals(const RunReport &report)
{
    const RunTotals t = report.totals();
    QString text = u"%1 request(s), %2 test(s): %3 passed, %4 failed"_s.arg(t.requests)
                       .arg(t.tests)
                       .arg(t.passed)
                       .arg(t.failed);
    if (t.skipped > 0)
        text += u", %1 skipped"_s.arg(t.skipped);
    if (t.scriptErrors > 0)
        text += u"; %1 script error(s)"_s.arg(t.scriptErrors);
    if (t.failedRequests > 0)
        text += u"; %1 request(s) without an answer"_s.arg(t.failedRequests);
    m_totals->setText(text + u'.');
}

void RunnerDialog::onFinished(const RunReport &report)
{
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    m_export->setEnabled(true);
    if (!report.canceled && report.stoppedBecause.isEmpty())
        m_progress->setValue(m_progress->maximum()); // setNextRequest may have left some out
    showTotals(report);
    QString ended = report.canceled ? u"Canceled after %1 ms."_s.arg(report.durationMs)
                                    : u"Finished in %1 ms."_s.arg(report.durationMs);
    if (!report.stoppedBecause.isEmpty() && !report.canceled)
        ended += u' ' + report.stoppedBecause;
    m_position->setText(ended);
    if (m_keepValues->isChecked()) {
        const QString error = keepRunVariables(m_workspace, m_collectionId,
                                               m_environment->currentData().toString(), *m_runner);
        if (!error.isEmpty())
            m_position->setText(ended + u" The variables could not be kept: "_s + error);
    }
    if (std::exchange(m_closeWhenEnded, false))
        QDialog::reject();
}

void RunnerDialog::reject()
{
    if (!m_runner->isRunning()) {
        QDialog::reject();
        return;
    }
    m_closeWhenEnded = true;
    m_position->setText(u"Canceling the run before closing\u2026"_s);
    m_runner->cancel();
}

QString RunnerDialog::exportReport(const QString &path) const
{
    const QByteArray json = QJsonDocument(m_runner->report().toJson(m_runner->secretValues())).toJson();
    return AtomicFile::write(path, json);
}

} // namespace Postern
