#include "ui/workspace/importexport.h"

#include "workspace/workspace.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

using namespace Qt::StringLiterals;

namespace Postern {

ImportExport::Outcome ImportExport::importData(Workspace *workspace, const QByteArray &data)
{
    return WorkspaceImport::importData(workspace, data);
}

ImportExport::Outcome ImportExport::importFile(Workspace *workspace, const QString &path)
{
    return WorkspaceImport::importFile(workspace, path);
}

QString ImportExport::exportCollection(const Workspace *workspace, const QString &collectionId,
                                       const QString &path, bool includeSecrets)
{
    return WorkspaceExport::exportCollection(workspace, collectionId, path,
                                             includeSecrets ? WorkspaceExport::Secrets::Include
                                                            : WorkspaceExport::Secrets::Omit);
}

QString ImportExport::exportEnvironment(const Workspace *workspace, const QString &environmentId,
                                        const QString &path, bool includeSecrets)
{
    return WorkspaceExport::exportEnvironment(workspace, environmentId, path,
                                              includeSecrets ? WorkspaceExport::Secrets::Include
                                                             : WorkspaceExport::Secrets::Omit);
}

void ImportExport::showOutcome(QWidget *parent, const Outcome &outcome)
{
    QMessageBox box(outcome.ok() ? QMessageBox::Information : QMessageBox::Warning, outcome.heading(),
                    outcome.title(), QMessageBox::Ok, parent);
    box.setObjectName(u"importSummary"_s);
    if (!outcome.summary.isEmpty()) {
        box.setInformativeText(outcome.notesLine());
        box.setDetailedText(outcome.summary.join(u'\n'));
    }
    box.exec();
}

ImportExport::Outcome ImportExport::importInteractively(QWidget *parent, Workspace *workspace)
{
    const QString path = QFileDialog::getOpenFileName(
        parent, tr("Import"), QStandardPaths::writableLocation(QStandardPaths::DownloadLocation),
        tr("Postman or Postern files (%1)").arg(u"*.json"_s) + u";;"_s
            + tr("curl commands (%1)").arg(u"*.sh *.txt"_s) + u";;"_s + tr("All files (%1)").arg(u"*"_s));
    if (path.isEmpty())
        return {};
    const Outcome outcome = importFile(workspace, path);
    showOutcome(parent, outcome);
    return outcome;
}

namespace {

bool askIncludeSecrets(QWidget *parent)
{
    QMessageBox box(
        QMessageBox::Question, QCoreApplication::translate("Postern::ImportExport", "Export"),
        QCoreApplication::translate(
            "Postern::ImportExport",
            "Include secret values (passwords, tokens, client secrets, secret variables) in the file? "
            "Without them, they are exported as empty values; {{variable}} references are not secrets and "
            "are exported as they are."),
        QMessageBox::No | QMessageBox::Yes, parent);
    box.setObjectName(u"exportSecretsQuestion"_s);
    box.setDefaultButton(QMessageBox::No);
    box.button(QMessageBox::No)
        ->setText(QCoreApplication::translate("Postern::ImportExport", "Leave Them Out"));
    box.button(QMessageBox::Yes)
        ->setText(QCoreApplication::translate("Postern::ImportExport", "Include Them"));
    return box.exec() == QMessageBox::Yes;
}

QString fileNameFor(const QString &name, const QString &suffix)
{
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + u'/'
        + WorkspaceExport::fileName(name, suffix);
}

} // namespace

void ImportExport::exportCollectionInteractively(QWidget *parent, const Workspace *workspace,
                                                 const QString &collectionId)
{
    const Collection *collection = workspace->collection(collectionId);
    if (!collection)
        return;
    const QString path = QFileDialog::getSaveFileName(
        parent, tr("Export to Postman v2.1"), fileNameFor(collection->name, u".postman_collection.json"_s),
        tr("Postman collection (%1)").arg(u"*.json"_s));
    if (path.isEmpty())
        return;
    const QString error = exportCollection(workspace, collectionId, path, askIncludeSecrets(parent));
    if (!error.isEmpty())
        QMessageBox::warning(parent, tr("Not Exported"), error);
}

void ImportExport::exportEnvironmentInteractively(QWidget *parent, const Workspace *workspace,
                                                  const QString &environmentId)
{
    const Environment *environment = workspace->environment(environmentId);
    const QString name = environment ? environment->name : tr("Globals");
    const QString path = QFileDialog::getSaveFileName(parent, tr("Export Environment"),
                                                      fileNameFor(name, u".postman_environment.json"_s),
                                                      tr("Postman environment (%1)").arg(u"*.json"_s));
    if (path.isEmpty())
        return;
    const QString error = exportEnvironment(workspace, environmentId, path, askIncludeSecrets(parent));
    if (!error.isEmpty())
        QMessageBox::warning(parent, tr("Not Exported"), error);
}

} // namespace Postern
