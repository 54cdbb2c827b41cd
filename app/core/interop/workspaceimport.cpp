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
                ? u"Request \u201c%1\u201d names the file %2 as its binary body"_s.arg(item.name, file.path)
                : u"Request \u201c%1\u201d names the file %2 (form field \u201c%3\u201d)"_s.arg(
                    item.name, file.path, file.partName);
            const QString where = files.isInWorkingDirectory(file.path)
                ? u"; it is in the working directory, so Send reads it."_s
                : u"; it is outside the working directory %1, so Send refuses it unless you copy it there or "
                  u"choose it with the file dialog."_s.arg(
                      QDir::toNativeSeparators(files.workingDirectory()));
            summary->append(what + (file.sent ? QString() : u" (not part of the body as it is now)"_s)
                            + where);
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
            u"A collection with the same id is already in the workspace; this one was imported as a copy with new ids."_s);
    }
    if (const QString error = workspace->saveCollection(collection); !error.isEmpty()) {
        outcome.error = u"The collection could not be saved: "_s + error;
        return outcome;
    }
    outcome.message = u"Imported the collection \u201c%1\u201d (%2 requests)."_s.arg(collection.name)
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
        summary.prepend(
            u"An environment with the same id is already in the workspace; this one was imported as a copy."_s);
    }
    if (const QString error = workspace->saveEnvironment(environment); !error.isEmpty()) {
        outcome.error = u"The environment could not be saved: "_s + error;
        return outcome;
    }
    outcome.message = u"Imported the environment \u201c%1\u201d (%2 variables)."_s.arg(environment.name)
                          .arg(environment.variables.size());
    outcome.summary = summary;
    outcome.environmentId = environment.id;
    return outcome;
}

} // namespace

QString ImportOutcome::heading() const
{
    return ok() ? u"Import Summary"_s : u"Not Imported"_s;
}

QString ImportOutcome::notesLine() const
{
    if (summary.isEmpty())
        return QString();
    return u"%1 note(s) on what Postern keeps but does not use yet (it exports it back), or leaves out."_s
        .arg(summary.size());
}

ImportOutcome WorkspaceImport::importData(Workspace *workspace, const QByteArray &data)
{
    const InteropImport imported = Interop::read(data);
    ImportOutcome outcome;
    if (!imported.ok()) {
        outcome.error = u"Not imported: "_s + imported.error;
        return outcome;
    }
    switch (imported.kind) {
    case InteropImport::Kind::Curl:
        outcome.message = u"Imported the curl command into a new tab."_s;
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
    outcome.error = u"Not imported: the file is not one Postern reads."_s;
    return outcome;
}

ImportOutcome WorkspaceImport::importFile(Workspace *workspace, const QString &path)
{
    ImportOutcome outcome;
    if (QFileInfo(path).size() > Interop::maxFileSize) {
        outcome.error = u"Not imported: the file is larger than 64 MiB."_s;
        return outcome;
    }
    QByteArray data;
    QString error;
    if (AtomicFile::read(path, &data, &error) != AtomicFile::ReadStatus::Ok) {
        outcome.error = u"Not imported: "_s + (error.isEmpty() ? u"the file is not there."_s : error);
        return outcome;
    }
    return importData(workspace, data);
}

QString WorkspaceExport::exportCollection(const Workspace *workspace, const QString &collectionId,
                                          const QString &path, Secrets secrets)
{
    const Collection *collection = workspace->collection(collectionId);
    if (!collection)
        return u"The collection is not in the workspace."_s;
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
        return u"The environment is not in the workspace."_s;
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
