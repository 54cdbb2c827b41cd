#pragma once

#include "http/httprequest.h"

#include <QString>
#include <QStringList>

#include <optional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace Postern {

class Workspace;

// File > Import and the Export actions: what the user picks is read, recognised by its content and
// put into the workspace; what Postern could not represent is listed in a summary the user sees.
class ImportExport
{
public:
    struct Outcome
    {
        bool ok = false;
        QString title;       // "Imported the collection “…”" or why nothing was imported
        QStringList summary; // one line per thing kept but not used, or left out
        QString collectionId;
        QString environmentId;
        std::optional<HttpRequest> request; // a curl command: the request to open in a new tab
    };

    // A Postman collection (v2.0, v2.1), a Postman environment or globals file, a Postern
    // collection or environment file, or a text file holding a curl command (opened as a new tab). Never throws away the workspace's own files: an import whose
    // id is taken gets new ids.
    static Outcome importData(Workspace *workspace, const QByteArray &data);
    static Outcome importFile(Workspace *workspace, const QString &path);

    // Writes Postman v2.1 (collections) or a Postman environment file, atomically; secrets only when
    // includeSecrets. An error for people, empty on success.
    static QString exportCollection(const Workspace *workspace, const QString &collectionId, const QString &path,
                                    bool includeSecrets);
    static QString exportEnvironment(const Workspace *workspace, const QString &environmentId, const QString &path,
                                     bool includeSecrets);

    // The dialogs: choose a file, import it, show the summary.
    static Outcome importInteractively(QWidget *parent, Workspace *workspace);
    static void exportCollectionInteractively(QWidget *parent, const Workspace *workspace, const QString &collectionId);
    static void exportEnvironmentInteractively(QWidget *parent, const Workspace *workspace, const QString &environmentId);
    static void showOutcome(QWidget *parent, const Outcome &outcome);
};

} // namespace Postern
