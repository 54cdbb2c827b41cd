#pragma once

#include "runner/collectionrunner.h"

#include <QDialog>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;
QT_END_NAMESPACE

namespace Postern {

class Workspace;

// Run Collection: the options of a run (environment, iterations, a data file, the delay between
// requests, stop on the first failure, keep the variables' values, and which requests in which
// order), then the run as it goes (request n of N, iteration i of I), each request's status, time and
// tests as they arrive, the totals, Cancel, and Export of the report as JSON. Every value shown is a
// label or a tree item, so a screen reader reads the run as it is shown. Runs a CollectionRunner; the
// workspace is touched only to keep the variables' values when that is asked for.
class RunnerDialog : public QDialog
{
    Q_OBJECT

public:
    RunnerDialog(Workspace *workspace, const QString &collectionId, const QString &folderId,
                 CollectionRunner::Sender sender, HttpClient *scriptClient, QWidget *parent = nullptr);

    CollectionRunner *runner() const { return m_runner; }

    // The options as the dialog shows them (for the tests and the Run button).
    RunOptions options() const;
    // Reads a data file; the note under it says how many rows or what is wrong. False on error.
    bool setDataFile(const QString &path);
    // Writes the last run's report as JSON (secret values masked) to path; empty on success, else why.
    QString exportReport(const QString &path) const;

    void start();

    // Close, Escape or the window's close box during a run: the run is canceled first, what it set is
    // kept (when Keep variable values is on), and the window closes when it has ended.
    void reject() override;

private:
    void moveRequest(int by);
    void onExecution(const RunExecution &execution);
    void onFinished(const RunReport &report);
    void showTotals(const RunReport &report);

    Workspace *m_workspace;
    QString m_collectionId;
    QString m_folderId;
    CollectionRunner *m_runner;
    QList<QJsonObject> m_data;

    QComboBox *m_environment = nullptr;
    QSpinBox *m_iterations = nullptr;
    QLineEdit *m_dataPath = nullptr;
    QLabel *m_dataNote = nullptr;
    QSpinBox *m_delay = nullptr;
    QCheckBox *m_stopOnFailure = nullptr;
    QCheckBox *m_keepValues = nullptr;
    QListWidget *m_requests = nullptr;
    QPushButton *m_run = nullptr;
    QPushButton *m_cancel = nullptr;
    QPushButton *m_export = nullptr;
    bool m_closeWhenEnded = false;
    QProgressBar *m_progress = nullptr;
    QLabel *m_position = nullptr;
    QTreeWidget *m_results = nullptr;
    QLabel *m_totals = nullptr;
    int m_perIteration = 0;
};

} // namespace Postern
