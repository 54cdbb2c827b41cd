// Run Collection, driven as a screen-reader user would: the corpus collection of the runner tests
// imported with its environment, a CSV data file chosen, Run; then everything read back from labels and
// tree items: the progress line, each request's line with its tests (a failing test with chai's
// message), the totals, and the exported report (secret values masked); the variables the scripts set
// kept in the environment.

#include "ui/mainwindow.h"
#include "ui/runner/runnerdialog.h"
#include "ui/workspace/importexport.h"
#include "workspace/workspace.h"
#include "workspacefixture.h"

#include <QCheckBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace Postern;

class tst_RunnerWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void runWithADataFile();
    void badDataFileIsSaid();
    void cancelStopsTheRun();
    void stopOnFailureUntickedAndNothingKept();
    void escapeDuringARunCancelsAndKeeps();
    void eachMnemonicOnce();

private:
    QString importCorpus();

    WorkspaceFixture m_f;
};

void tst_RunnerWindow::initTestCase()
{
    qRegisterMetaType<RunReport>();
    qputenv("POSTERN_SCRIPT_WORKER", POSTERN_SCRIPT_WORKER_PATH);
    QVERIFY(m_f.startSandbox());
}

void tst_RunnerWindow::init()
{
    QVERIFY(m_f.setUp());
    QVERIFY(m_f.openWindow());
}

void tst_RunnerWindow::cleanup()
{
    m_f.tearDown();
}

// The collection, and its environment made current with baseUrl at this test's sandbox.
QString tst_RunnerWindow::importCorpus()
{
    const QString data = QStringLiteral(POSTERN_RUNNER_DATA_DIR);
    const ImportExport::Outcome collection
        = ImportExport::importFile(m_f.workspace.get(), data + u"/chain.postman_collection.json"_s);
    const ImportExport::Outcome environment
        = ImportExport::importFile(m_f.workspace.get(), data + u"/runner.postman_environment.json"_s);
    if (!collection.ok() || !environment.ok())
        return QString();
    Environment runner = *m_f.workspace->environment(environment.environmentId);
    for (Variable &variable : runner.variables) {
        if (variable.key == u"baseUrl"_s)
            variable.value = m_f.sandbox->baseUrl().toString();
    }
    m_f.workspace->saveEnvironment(runner);
    m_f.workspace->setCurrentEnvironmentId(runner.id);
    return collection.collectionId;
}

void tst_RunnerWindow::runWithADataFile()
{
    const QString collectionId = importCorpus();
    QVERIFY(!collectionId.isEmpty());
    RunnerDialog *dialog = m_f.window->runCollection(collectionId);
    QVERIFY(dialog);
    QCOMPARE(dialog->windowTitle(), u"Run \u201cRunner chain\u201d"_s);
    QVERIFY(dialog->setDataFile(QStringLiteral(POSTERN_RUNNER_DATA_DIR "/limits.csv")));
    QCOMPARE(dialog->findChild<QLabel *>(u"runDataNote"_s)->text(),
             u"2 row(s): at least one iteration per row."_s);
    QCOMPARE(dialog->options().requestIds.size(), 5);

    QSignalSpy finished(dialog->runner(), &CollectionRunner::finished);
    // Where the run is, as the window says it while it goes (the window's own slot runs first).
    QStringList positions;
    auto *position = dialog->findChild<QLabel *>(u"runPosition"_s);
    connect(dialog->runner(), &CollectionRunner::requestStarted, this,
            [&positions, position] { positions << position->text(); });
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"runStart"_s), Qt::LeftButton);
    QVERIFY(finished.wait(120000));
    QVERIFY2(positions.contains(u"Request 2 of 5 (\u201cList incidents\u201d), iteration 1 of 2"_s),
             qPrintable(positions.join(u'\n')));
    QVERIFY2(positions.contains(u"Request 5 of 5 (\u201cSide requests\u201d), iteration 2 of 2"_s),
             qPrintable(positions.join(u'\n')));

    auto *totals = dialog->findChild<QLabel *>(u"runTotals"_s);
    QCOMPARE(totals->accessibleName(), u"Totals"_s);
    QCOMPARE(totals->text(),
             u"9 request(s), 41 test(s): 33 passed, 6 failed, 2 skipped; 2 script error(s)."_s);
    QVERIFY2(dialog->findChild<QLabel *>(u"runPosition"_s)->text().startsWith(u"Finished in "_s),
             qPrintable(dialog->findChild<QLabel *>(u"runPosition"_s)->text()));
    auto *results = dialog->findChild<QTreeWidget *>(u"runResults"_s);
    QCOMPARE(results->topLevelItemCount(), 9);
    // setNextRequest skipped "Creating is refused" in the first iteration only.
    QVERIFY2(results->topLevelItem(2)->text(0).startsWith(u"1. Read the first one \u2014 200 OK"_s),
             qPrintable(results->topLevelItem(2)->text(0)));
    const QTreeWidgetItem *list = results->topLevelItem(1);
    QCOMPARE(list->text(0).section(u" \u2014 "_s, 0, 0), u"1. List incidents"_s);
    QVERIFY2(list->text(0).endsWith(u"5 of 8 tests passed"_s), qPrintable(list->text(0)));
    QStringList lines;
    for (int i = 0; i < list->childCount(); ++i)
        lines << list->child(i)->text(0);
    QVERIFY2(
        lines.contains(
            u"Fail \u2014 deliberately wrong status: expected response to have status code 201 but got 200"_s),
        qPrintable(lines.join(u'\n')));
    const QTreeWidgetItem *read = results->topLevelItem(2);
    QCOMPARE(read->child(0)->text(0),
             u"Error \u2014 ReferenceError in the request \u201cRead the first one\u201d post-response "
             u"script, line 5: "
             "undefinedHelper is not defined"_s);

    // Kept: what the scripts set, in the environment.
    const Environment *environment = m_f.workspace->environment(m_f.workspace->currentEnvironmentId());
    QStringList keys;
    for (const Variable &variable : environment->variables)
        keys << variable.key;
    QVERIFY2(keys.contains(u"token"_s) && keys.contains(u"count"_s), qPrintable(keys.join(u", "_s)));

    // Exported: the report, the secret variable's value nowhere in it.
    QTemporaryDir dir;
    const QString path = dir.filePath(u"run.json"_s);
    QCOMPARE(dialog->exportReport(path), QString());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray exported = file.readAll();
    QVERIFY(!exported.contains("postern-secret"));
    const QJsonObject report = QJsonDocument::fromJson(exported).object();
    QCOMPARE(report.value(u"totals"_s).toObject().value(u"failed"_s).toInt(), 6);
    QCOMPARE(report.value(u"executions"_s).toArray().size(), 9);

    if (const QString shots = qEnvironmentVariable("POSTERN_SCREENSHOT_DIR"); !shots.isEmpty()) {
        QTest::qWait(300);
        QVERIFY(dialog->grab().save(shots + u"/run-collection.png"_s));
    }
    dialog->close();
}

void tst_RunnerWindow::badDataFileIsSaid()
{
    const QString collectionId = importCorpus();
    RunnerDialog *dialog = m_f.window->runCollection(collectionId);
    QTemporaryDir dir;
    QFile bad(dir.filePath(u"rows.csv"_s));
    QVERIFY(bad.open(QIODevice::WriteOnly));
    bad.write("limit,note\n1\n");
    bad.close();
    QVERIFY(!dialog->setDataFile(bad.fileName()));
    QCOMPARE(dialog->findChild<QLabel *>(u"runDataNote"_s)->text(),
             u"Row 1 of the CSV data file has 1 values for 2 columns."_s);
    QVERIFY(dialog->options().data.isEmpty());
    dialog->close();
}

// Cancel Run, by keyboard, between two requests: the run ends there and says so.
void tst_RunnerWindow::cancelStopsTheRun()
{
    const QString collectionId = importCorpus();
    RunnerDialog *dialog = m_f.window->runCollection(collectionId);
    dialog->findChild<QSpinBox *>(u"runDelay"_s)->setValue(3000);
    QSignalSpy executed(dialog->runner(), &CollectionRunner::executionFinished);
    QSignalSpy finished(dialog->runner(), &CollectionRunner::finished);
    dialog->start();
    QVERIFY(executed.wait(30000));
    auto *cancel = dialog->findChild<QPushButton *>(u"runCancel"_s);
    QVERIFY(cancel->isEnabled());
    cancel->setFocus();
    QTest::keyClick(cancel, Qt::Key_Space);
    QVERIFY(!finished.isEmpty() || finished.wait(10000)); // between two requests it ends at once
    QCOMPARE(executed.size(), 1);
    QVERIFY2(dialog->findChild<QLabel *>(u"runPosition"_s)->text().startsWith(u"Canceled after "_s),
             qPrintable(dialog->findChild<QLabel *>(u"runPosition"_s)->text()));
    QVERIFY(!cancel->isEnabled());
    QVERIFY(dialog->findChild<QPushButton *>(u"runStart"_s)->isEnabled());
    dialog->close();
}

// Stop on the first failure, with "Get a token" unticked and Keep variable values off: the run stops
// after the first request with a failed test, and the environment is as it was.
void tst_RunnerWindow::stopOnFailureUntickedAndNothingKept()
{
    const QString collectionId = importCorpus();
    const Environment before = *m_f.workspace->environment(m_f.workspace->currentEnvironmentId());
    RunnerDialog *dialog = m_f.window->runCollection(collectionId);
    auto *requests = dialog->findChild<QListWidget *>(u"runRequests"_s);
    QCOMPARE(requests->item(0)->text(), u"Get a token"_s);
    requests->item(0)->setCheckState(Qt::Unchecked);
    QCOMPARE(dialog->options().requestIds.size(), 4);
    dialog->findChild<QCheckBox *>(u"runStopOnFailure"_s)->setChecked(true);
    dialog->findChild<QCheckBox *>(u"runKeepValues"_s)->setChecked(false);
    QSignalSpy finished(dialog->runner(), &CollectionRunner::finished);
    dialog->start();
    QVERIFY(finished.wait(60000));
    const RunReport report = dialog->runner()->report();
    QCOMPARE(report.executions.size(), 1);
    QCOMPARE(report.executions.constFirst().name, u"List incidents"_s);
    QCOMPARE(report.stoppedBecause,
             u"Stopped after \u201cList incidents\u201d failed (stop on first failure)."_s);
    QVERIFY2(dialog->findChild<QLabel *>(u"runTotals"_s)->text().startsWith(u"1 request(s)"_s),
             qPrintable(dialog->findChild<QLabel *>(u"runTotals"_s)->text()));
    const Environment after = *m_f.workspace->environment(m_f.workspace->currentEnvironmentId());
    QCOMPARE(after.variables, before.variables); // "count" was set by the script, and not kept
    dialog->close();
}

// Escape while a run waits between two requests: the run is canceled, what the first request's
// scripts set is kept, and the window closes once the run has ended.
void tst_RunnerWindow::escapeDuringARunCancelsAndKeeps()
{
    const QString collectionId = importCorpus();
    RunnerDialog *dialog = m_f.window->runCollection(collectionId);
    QPointer<RunnerDialog> alive(dialog);
    dialog->findChild<QSpinBox *>(u"runDelay"_s)->setValue(3000);
    QSignalSpy executed(dialog->runner(), &CollectionRunner::executionFinished);
    QSignalSpy finished(dialog->runner(), &CollectionRunner::finished);
    dialog->start();
    QVERIFY(executed.wait(30000));
    QTest::keyClick(dialog, Qt::Key_Escape);
    QVERIFY(!finished.isEmpty() || finished.wait(10000));
    QVERIFY(dialog->runner()->report().canceled);
    QTRY_VERIFY(!alive || !alive->isVisible());
    // "Get a token" stored the token it received: kept, since Keep variable values is on.
    const Environment *environment = m_f.workspace->environment(m_f.workspace->currentEnvironmentId());
    QStringList keys;
    for (const Variable &variable : environment->variables)
        keys << variable.key;
    QVERIFY2(keys.contains(u"token"_s), qPrintable(keys.join(u", "_s)));
}

// Every mnemonic of the window is its own: Alt and a letter reaches one control.
void tst_RunnerWindow::eachMnemonicOnce()
{
    const QString collectionId = importCorpus();
    RunnerDialog *dialog = m_f.window->runCollection(collectionId);
    QMap<QChar, QStringList> owners;
    auto note = [&owners](const QString &text) {
        for (qsizetype i = text.indexOf(u'&'); i >= 0 && i + 1 < text.size(); i = text.indexOf(u'&', i + 2)) {
            if (text.at(i + 1) != u'&') {
                owners[text.at(i + 1).toLower()] << text;
                return;
            }
        }
    };
    for (const QAbstractButton *button : dialog->findChildren<QAbstractButton *>()) {
        if (button->isVisibleTo(dialog))
            note(button->text());
    }
    for (const QLabel *label : dialog->findChildren<QLabel *>()) {
        if (label->buddy() && label->isVisibleTo(dialog))
            note(label->text());
    }
    for (const QTabWidget *tabs : dialog->findChildren<QTabWidget *>()) {
        for (int i = 0; i < tabs->count(); ++i)
            note(tabs->tabText(i));
    }
    QVERIFY(owners.size() >= 10);
    for (auto it = owners.cbegin(); it != owners.cend(); ++it)
        QVERIFY2(it.value().size() == 1, qPrintable(u"Alt+%1: "_s.arg(it.key()) + it.value().join(u", "_s)));
    dialog->close();
}

QTEST_MAIN(tst_RunnerWindow)
#include "tst_runnerwindow.moc"
