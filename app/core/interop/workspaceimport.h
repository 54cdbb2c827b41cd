#pragma once

#include "http/httprequest.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

namespace Postern {

class Workspace;

// What an import put into the workspace and what the user is told about it.
struct ImportOutcome
{
    QString error; // why nothing was imported ("Not imported: …"); empty when something was
    QString message; // what was imported ("Imported the collection “…” (3 requests).")
    QStringList summary; // one line per thing kept but not used, or left out
    QString collectionId;
    QString environmentId;
    std::optional<HttpRequest> request; // a curl command: the request to open in a new tab

    bool ok() const { return error.isEmpty(); }
    // The line the user reads first: message, or error when nothing was imported.
    QString title() const { return ok() ? message : error; }
    // The summary box's title and the line above its notes ("3 note(s) on …"; empty without notes).
    QString heading() const;
    QString notesLine() const;
};

// File > Import without a window: reads a file (Interop tells its kind) and puts what it holds into
// the workspace. A Postman collection (v2.0, v2.1), a Postman environment or globals file, a Postern
// collection or environment file, or a text file holding a curl command (handed back as a request).
// Never throws away the workspace's own files: an import whose id is taken gets new ids.
class WorkspaceImport
{
    Q_DECLARE_TR_FUNCTIONS(Postern::WorkspaceImport)

public:
    static ImportOutcome importData(Workspace *workspace, const QByteArray &data);
    static ImportOutcome importFile(Workspace *workspace, const QString &path);
};

// Export without a window: a collection as Postman v2.1, an environment (or the globals) as a Postman
// environment file, written atomically; secret values only with Secrets::Include.
class WorkspaceExport
{
public:
    enum class Secrets { Omit, Include };

    // An error for people, empty on success.
    static QString exportCollection(const Workspace *workspace, const QString &collectionId,
                                    const QString &path, Secrets secrets);
    static QString exportEnvironment(const Workspace *workspace, const QString &environmentId,
                                     const QString &path, Secrets secrets);

    // The file name offered for an export: name with what is not [A-Za-z0-9._-] as "_", then suffix.
    static QString fileName(const QString &name, const QString &suffix);
};

} // namespace Postern
