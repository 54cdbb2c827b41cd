#include "interop/workspaceimport.h"

#include "base/atomicfile.h"
#include "http/fileaccess.h"
#include "http/requestbody.h"
#include "interop/interop.h"
#include "interop/postmancollection.h"
#include "interop/postmanenvironment.h"
#include "workspace/workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// Files an imported request would read and send, in any body mode, and whether the working-directory
// rule lets Send read them: named, so that nobody sends ~/.ssh by surprise.
void listFiles(const QList<CollectionItem> &items, const FileAccess &files, QStringList *summary)
{
    for (const CollectionItem &item : items) {
        for (const RequestBody::FileReference &file : RequestBody::fileReferences(item.request)) {
            const QString what = !file.formPart
                ? WorkspaceImport::tr("Request “%1” names the file %2 as its binary body")
                      .arg(item.name, file.path)
                : WorkspaceImport::tr("Request “%1” names the file %2 (form field “%3”)")
                      .arg(item.name, file.path, file.partName);
            const QString folder = QDir::toNativeSeparators(files.workingDirectory());
            if (files.isInWorkingDirectory(file.path))
                summary->append(
                    file.sent
                        ? WorkspaceImport::tr("%1; it is in the working directory, so Send reads it.")
                              .arg(what)
                        : WorkspaceImport::tr("%1 (not part of the body as it is now); it is in the working "
                                              "directory, so Send reads it.")
                              .arg(what));
            else
                summary->append(
                    file.sent ? WorkspaceImport::tr(
                                    "%1; it is outside the working directory %2, so Send refuses it unless "
                                    "you copy it there or choose it with the file dialog.")
                                    .arg(what, folder)
                              : WorkspaceImport::tr(
                                    "%1 (not part of the body as it is now); it is outside the working "
                                    "directory %2, so Send refuses it unless you copy it there or choose it "
                                    "with the file dialog.")
                                    .arg(what, folder));
        }
        listFiles(item.children, files, summary);
    }
}

ImportOutcome saveCollection(Workspace *workspace, Collection collection, QStringList summary)
{
    ImportOutcome outcome;
    listFiles(collection.items,
              FileAccess(WorkingDirectory::read(workspace->root(), workspace->stateDirectory())), &summary);
    if (workspace->collection(collection.id)) {
        collection.renewIds();
        summary.prepend(
            WorkspaceImport::tr("A collection with the same id is already in the workspace; this one "
                                "was imported as a copy with new ids."));
    }
    if (const QString error = workspace->saveCollection(collection); !error.isEmpty()) {
        outcome.error = WorkspaceImport::tr("The collection could not be saved: %1").arg(error);
        return outcome;
    }
    outcome.message = WorkspaceImport::tr("Imported the collection “%1” (%2 requests).")
                          .arg(collection.name)
                          .arg(collection.requestCount());
    outcome.summary = summary;
    outcome.collectionId = collection.id;
    return outcome;
}

ImportOutcome saveEnvironment(Workspace *workspace, Environment environment, QStringList summary)
{
    ImportOutcome outcome;
    if (workspace->environment(environment.id) || environment.id == workspace->globals().id
        || environment.id.isEmpty()) {
        environment.id = Collection::newId();
        summary.prepend(WorkspaceImport::tr(
            "An environment with the same id is already in the workspace; this one was imported as a copy."));
    }
    if (const QString error = workspace->saveEnvironment(environment); !error.isEmpty()) {
        outcome.error = WorkspaceImport::tr("The environment could not be saved: %1").arg(error);
        return outcome;
    }
    outcome.message = WorkspaceImport::tr("Imported the environment “%1” (%2 variables).")
                          .arg(environment.name)
                          .arg(environment.variables.size());
    outcome.summary = summary;
    outcome.environmentId = environment.id;
    return outcome;
}

} // namespace

QString ImportOutcome::heading() const
{
    return ok() ? WorkspaceImport::tr("Import Summary") : WorkspaceImport::tr("Not Imported");
}

QString ImportOutcome::notesLine() const
{
    if (summary.isEmpty())
        return QString();
    return WorkspaceImport::tr(
               "%1 note(s) on what Postern keeps but does not use yet (it exports it back), or leaves out.")
        .arg(summary.size());
}

ImportOutcome WorkspaceImport::importData(Workspace *workspace, const QByteArray &data)
{
    const InteropImport imported = Interop::read(data);
    ImportOutcome outcome;
    if (!imported.ok()) {
        outcome.error = WorkspaceImport::tr("Not imported: %1").arg(imported.error);
        return outcome;
    }
    switch (imported.kind) {
    case InteropImport::Kind::Curl:
        outcome.message = WorkspaceImport::tr("Imported the curl command into a new tab.");
        outcome.summary = imported.summary;
        outcome.request = imported.request;
        return outcome;
    case InteropImport::Kind::PostmanCollection:
    case InteropImport::Kind::PosternCollection:
        return saveCollection(workspace, imported.collection, imported.summary);
    case InteropImport::Kind::PostmanEnvironment:
    case InteropImport::Kind::PosternEnvironment:
        return saveEnvironment(workspace, imported.environment, imported.summary);
    case InteropImport::Kind::None:
        break;
    }
    outcome.error = WorkspaceImport::tr("Not imported: the file is not one Postern reads.");
    return outcome;
}

ImportOutcome WorkspaceImport::importFile(Workspace *workspace, const QString &path)
{
    ImportOutcome outcome;
    if (QFileInfo(path).size() > Interop::maxFileSize) {
        outcome.error = WorkspaceImport::tr("Not imported: the file is larger than 64 MiB.");
        return outcome;
    }
    QByteArray data;
    QString error;
    if (AtomicFile::read(path, &data, &error) != AtomicFile::ReadStatus::Ok) {
        outcome.error = (error.isEmpty() ? WorkspaceImport::tr("Not imported: the file is not there.")
                                         : WorkspaceImport::tr("Not imported: %1").arg(error));
        return outcome;
    }
    return importData(workspace, data);
}

QString WorkspaceExport::exportCollection(const Workspace *workspace, const QString &collectionId,
                                          const QString &path, Secrets secrets)
{
    const Collection *collection = workspace->collection(collectionId);
    if (!collection)
        return WorkspaceImport::tr("The collection is not in the workspace.");
    return AtomicFile::write(path,
                             PostmanCollection::exportV21(*collection,
                                                          secrets == Secrets::Include
                                                              ? PostmanCollection::Secrets::Include
                                                              : PostmanCollection::Secrets::Omit));
}

QString WorkspaceExport::exportEnvironment(const Workspace *workspace, const QString &environmentId,
                                           const QString &path, Secrets secrets)
{
    const Environment *environment = workspace->environment(environmentId);
    const Environment globals = workspace->globals();
    if (!environment && environmentId != globals.id)
        return WorkspaceImport::tr("The environment is not in the workspace.");
    return AtomicFile::write(path,
                             PostmanEnvironment::exportJson(environment ? *environment : globals,
                                                            secrets == Secrets::Include
                                                                ? PostmanEnvironment::Secrets::Include
                                                                : PostmanEnvironment::Secrets::Omit));
}

QString WorkspaceExport::fileName(const QString &name, const QString &suffix)
{
    QString stem = name;
    stem.replace(QRegularExpression(u"[^A-Za-z0-9._-]+"_s), u"_"_s);
    return stem + suffix;
}

} // namespace Postern
