#include "ui/runner/runnerdialog.h"

#include "base/atomicfile.h"
#include "runner/datafile.h"
#include "runner/runvariables.h"
#include "ui/widgets/formrow.h"
#include "ui/widgets/palette.h"
#include "workspace/workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QCoreApplication>
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
        return QCoreApplication::translate("Postern::RunnerDialog", "Pass — %1").arg(test.name);
    case ScriptTest::Outcome::Failed:
        return QCoreApplication::translate("Postern::RunnerDialog", "Fail — %1: %2")
            .arg(test.name, test.message);
    case ScriptTest::Outcome::Skipped:
        break;
    }
    return QCoreApplication::translate("Postern::RunnerDialog", "Skipped — %1").arg(test.name);
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
    setWindowTitle(tr("Run “%1”").arg(name));
    resize(980, 680);

    auto *layout = new QVBoxLayout(this);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter, 1);

    // The options.
    auto *optionsPage = new QWidget(splitter);
    auto *form = new QFormLayout(optionsPage);
    m_environment = new QComboBox(optionsPage);
    m_environment->setObjectName(u"runEnvironment"_s);
    m_environment->addItem(tr("No Environment"), QString());
    for (const Environment &environment : m_workspace->environments())
        m_environment->addItem(environment.name, environment.id);
    m_environment->setCurrentIndex(qMax(0, m_environment->findData(m_workspace->currentEnvironmentId())));
    addLabelledRow(form, tr("En&vironment:"), m_environment);
    m_iterations = new QSpinBox(optionsPage);
    m_iterations->setObjectName(u"runIterations"_s);
    m_iterations->setRange(1, 100000);
    addLabelledRow(form, tr("&Iterations:"), m_iterations);
    auto *dataRow = new QHBoxLayout;
    m_dataPath = new QLineEdit(optionsPage);
    m_dataPath->setObjectName(u"runDataFile"_s);
    m_dataPath->setPlaceholderText(tr("CSV or JSON, one iteration per row"));
    auto *choose = new QPushButton(tr("C&hoose…"), optionsPage);
    choose->setObjectName(u"runChooseData"_s);
    choose->setAccessibleName(tr("Choose a data file"));
    dataRow->addWidget(m_dataPath, 1);
    dataRow->addWidget(choose);
    addLabelledRow(form, tr("&Data file:"), m_dataPath, dataRow, tr("Data file"));
    m_dataNote = new QLabel(optionsPage);
    m_dataNote->setObjectName(u"runDataNote"_s);
    m_dataNote->setWordWrap(true);
    form->addRow(QString(), m_dataNote);
    m_delay = new QSpinBox(optionsPage);
    m_delay->setObjectName(u"runDelay"_s);
    m_delay->setRange(0, 600000);
    m_delay->setSingleStep(100);
    m_delay->setSuffix(tr(" ms"));
    addLabelledRow(form, tr("De&lay:"), m_delay, tr("Delay between requests"));
    m_stopOnFailure = new QCheckBox(tr("&Stop on the first failure"), optionsPage);
    m_stopOnFailure->setObjectName(u"runStopOnFailure"_s);
    m_stopOnFailure->setAccessibleName(tr("Stop on the first failure"));
    form->addRow(QString(), m_stopOnFailure);
    m_keepValues = new QCheckBox(tr("&Keep variable values"), optionsPage);
    m_keepValues->setObjectName(u"runKeepValues"_s);
    m_keepValues->setAccessibleName(tr("Keep variable values"));
    m_keepValues->setToolTip(tr("Save what scripts set in the environment, the collection and the globals"));
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
    auto *up = new QPushButton(tr("&Up"), optionsPage);
    up->setObjectName(u"runMoveUp"_s);
    up->setAccessibleName(tr("Move the request up"));
    auto *down = new QPushButton(tr("Do&wn"), optionsPage);
    down->setObjectName(u"runMoveDown"_s);
    down->setAccessibleName(tr("Move the request down"));
    order->addWidget(up);
    order->addWidget(down);
    order->addStretch(1);
    form->addRow(captionFor(tr("Re&quests (ticked run, in this order):"), m_requests, tr("Requests to run")));
    form->addRow(m_requests);
    form->addRow(order);
    splitter->addWidget(optionsPage);

    // The run.
    auto *runPage = new QWidget(splitter);
    auto *runLayout = new QVBoxLayout(runPage);
    m_position = new QLabel(tr("Not run yet."), runPage);
    m_position->setObjectName(u"runPosition"_s);
    m_position->setAccessibleName(tr("Progress"));
    m_position->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_position->setFocusPolicy(Qt::TabFocus);
    runLayout->addWidget(m_position);
    m_progress = new QProgressBar(runPage);
    m_progress->setObjectName(u"runProgress"_s);
    m_progress->setAccessibleName(tr("Requests run"));
    runLayout->addWidget(m_progress);
    m_results = new QTreeWidget(runPage);
    m_results->setObjectName(u"runResults"_s);
    m_results->setAccessibleName(tr("Run results"));
    m_results->setHeaderHidden(true);
    m_results->setWordWrap(true);
    runLayout->addWidget(m_results, 1);
    m_totals = new QLabel(runPage);
    m_totals->setObjectName(u"runTotals"_s);
    m_totals->setAccessibleName(tr("Totals"));
    m_totals->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_totals->setFocusPolicy(Qt::TabFocus);
    m_totals->setWordWrap(true);
    runLayout->addWidget(m_totals);
    splitter->addWidget(runPage);
    splitter->setStretchFactor(1, 1);

    auto *buttons = new QDialogButtonBox(this);
    m_run = buttons->addButton(tr("&Run"), QDialogButtonBox::ActionRole);
    m_run->setObjectName(u"runStart"_s);
    m_cancel = buttons->addButton(tr("&Cancel Run"), QDialogButtonBox::ActionRole);
    m_cancel->setObjectName(u"runCancel"_s);
    m_cancel->setEnabled(false);
    m_export = buttons->addButton(tr("&Export…"), QDialogButtonBox::ActionRole);
    m_export->setObjectName(u"runExport"_s);
    m_export->setAccessibleName(tr("Export the run as JSON"));
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
        const QString path = QFileDialog::getOpenFileName(this, tr("Choose a Data File"), QString(),
                                                          tr("Data files (%1)").arg(u"*.csv *.json"_s)
                                                              + u";;"_s + tr("All files (%1)").arg(u"*"_s));
        if (!path.isEmpty())
            setDataFile(path);
    });
    connect(m_dataPath, &QLineEdit::editingFinished, this,
            [this] { setDataFile(m_dataPath->text().trimmed()); });
    connect(m_export, &QPushButton::clicked, this, [this] {
        const QString path
            = QFileDialog::getSaveFileName(this, tr("Export the Run"), u"run.json"_s, u"JSON (*.json)"_s);
        if (path.isEmpty())
            return;
        const QString error = exportReport(path);
        m_totals->setText(error.isEmpty() ? m_totals->text()
                                          : tr("The report could not be saved: %1").arg(error));
    });
    connect(m_runner, &CollectionRunner::started, this, [this](int perIteration, int iterations) {
        m_perIteration = perIteration;
        m_progress->setRange(0, qMax(1, perIteration * iterations));
        m_progress->setValue(0);
    });
    connect(m_runner, &CollectionRunner::requestStarted, this,
            [this](int iteration, int index, const QString &request) {
                m_position->setText(tr("Request %1 of %2 (“%3”), iteration %4 of %5")
                                        .arg(QString::number(index + 1), QString::number(m_perIteration),
                                             request, QString::number(iteration + 1),
                                             QString::number(m_runner->report().iterations)));
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
    m_dataNote->setText(tr("%1 row(s): at least one iteration per row.").arg(m_data.size()));
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
        m_position->setText(tr("Tick at least one request to run."));
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
        status = tr("skipped");
    else if (!execution.error.isEmpty())
        status = execution.error;
    else
        status = tr("%1 %2, %3 ms").arg(execution.status).arg(execution.reason).arg(execution.responseTime);
    int passed = 0;
    int counted = 0;
    for (const ScriptTest &test : execution.tests) {
        if (test.outcome != ScriptTest::Outcome::Skipped) {
            ++counted;
            passed += test.passed() ? 1 : 0;
        }
    }
    const QString iteration = QString::number(execution.iteration + 1);
    const QString text = counted > 0
        ? tr("%1. %2 — %3 — %4 of %5 tests passed")
              .arg(iteration, execution.name, status, QString::number(passed), QString::number(counted))
        : tr("%1. %2 — %3").arg(iteration, execution.name, status);
    auto *top = new QTreeWidgetItem(m_results, { text });
    top->setForeground(
        0, Theme::color(execution.failed() ? ColorRole::ErrorText : ColorRole::SuccessText, palette()));
    top->setToolTip(0, text);
    for (const ScriptFailure &failure : execution.failures) {
        auto *line = new QTreeWidgetItem(top, { tr("Error — %1").arg(failure.text()) });
        line->setToolTip(0, line->text(0));
    }
    for (const ScriptTest &test : execution.tests) {
        auto *line = new QTreeWidgetItem(top, { testLine(test) });
        line->setToolTip(0, line->text(0));
    }
    for (const ScriptConsoleLine &console : execution.console) {
        auto *line = new QTreeWidgetItem(top, { tr("Console — %1: %2").arg(console.level, console.text) });
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
    const auto number = [](int n) {
        return QString::number(n);
    };
    QStringList parts { t.skipped > 0 ? tr("%1 request(s), %2 test(s): %3 passed, %4 failed, %5 skipped")
                                            .arg(number(t.requests), number(t.tests), number(t.passed),
                                                 number(t.failed), number(t.skipped))
                                      : tr("%1 request(s), %2 test(s): %3 passed, %4 failed")
                                            .arg(number(t.requests), number(t.tests), number(t.passed),
                                                 number(t.failed)) };
    if (t.scriptErrors > 0)
        parts.append(tr("%1 script error(s)").arg(t.scriptErrors));
    if (t.failedRequests > 0)
        parts.append(tr("%1 request(s) without an answer").arg(t.failedRequests));
    //: The run's totals: "2 request(s), 3 test(s): 3 passed, 0 failed; 1 script error(s)."
    m_totals->setText(parts.join(tr("; ")) + u'.');
}

void RunnerDialog::onFinished(const RunReport &report)
{
    m_run->setEnabled(true);
    m_cancel->setEnabled(false);
    m_export->setEnabled(true);
    if (!report.canceled && report.stoppedBecause.isEmpty())
        m_progress->setValue(m_progress->maximum()); // setNextRequest may have left some out
    showTotals(report);
    QString ended = report.canceled ? tr("Canceled after %1 ms.").arg(report.durationMs)
                                    : tr("Finished in %1 ms.").arg(report.durationMs);
    if (!report.stoppedBecause.isEmpty() && !report.canceled)
        ended += u' ' + report.stoppedBecause;
    m_position->setText(ended);
    if (m_keepValues->isChecked()) {
        const QString error = keepRunVariables(m_workspace, m_collectionId,
                                               m_environment->currentData().toString(), *m_runner);
        if (!error.isEmpty())
            m_position->setText(ended + u' ' + tr("The variables could not be kept: %1").arg(error));
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
    m_position->setText(tr("Canceling the run before closing…"));
    m_runner->cancel();
}

QString RunnerDialog::exportReport(const QString &path) const
{
    const QByteArray json = QJsonDocument(m_runner->report().toJson(m_runner->secretValues())).toJson();
    return AtomicFile::write(path, json);
}

} // namespace Postern
