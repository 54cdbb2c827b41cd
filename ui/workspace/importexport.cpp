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
        parent, u"Import"_s, QStandardPaths::writableLocation(QStandardPaths::DownloadLocation),
        u"Postman or Postern files (*.json);;curl commands (*.sh *.txt);;All files (*)"_s);
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
        QMessageBox::Question, u"Export"_s,
        u"Include secret values (passwords, tokens, client secrets, secret variables) in the file? "
        "Without them, they are exported as empty values; {{variable}} references are not secrets and "
        "are exported as they are."_s,
        QMessageBox::No | QMessageBox::Yes, parent);
    box.setObjectName(u"exportSecretsQuestion"_s);
    box.setDefaultButton(QMessageBox::No);
    box.button(QMessageBox::No)->setText(u"Leave Them Out"_s);
    box.button(QMessageBox::Yes)->setText(u"Include Them"_s);
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
        parent, u"Export to Postman v2.1"_s, fileNameFor(collection->name, u".postman_collection.json"_s),
        u"Postman collection (*.json)"_s);
    if (path.isEmpty())
        return;
    const QString error = exportCollection(workspace, collectionId, path, askIncludeSecrets(parent));
    if (!error.isEmpty())
        QMessageBox::warning(parent, u"Not Exported"_s, error);
}

void ImportExport::exportEnvironmentInteractively(QWidget *parent, const Workspace *workspace,
                                                  const QString &environmentId)
{
    const Environment *environment = workspace->environment(environmentId);
    const QString name = environment ? environment->name : u"Globals"_s;
    const QString path = QFileDialog::getSaveFileName(parent, u"Export Environment"_s,
                                                      fileNameFor(name, u".postman_environment.json"_s),
                                                      u"Postman environment (*.json)"_s);
    if (path.isEmpty())
        return;
    const QString error = exportEnvironment(workspace, environmentId, path, askIncludeSecrets(parent));
    if (!error.isEmpty())
        QMessageBox::warning(parent, u"Not Exported"_s, error);
}

} // namespace Postern
