#pragma once

#include "interop/workspaceimport.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <optional>

QT_BEGIN_NAMESPACE
class QWidget;
QT_END_NAMESPACE

namespace Postern {

class Workspace;

// File > Import and the Export actions as dialogs: the file pickers, the secrets question and the
// summary box; reading, recognising and writing the files is WorkspaceImport's and WorkspaceExport's.
class ImportExport
{
    Q_DECLARE_TR_FUNCTIONS(Postern::ImportExport)

public:
    using Outcome = ImportOutcome;

    // The import and export themselves, without a window (WorkspaceImport, WorkspaceExport).
    static Outcome importData(Workspace *workspace, const QByteArray &data);
    static Outcome importFile(Workspace *workspace, const QString &path);
    static QString exportCollection(const Workspace *workspace, const QString &collectionId,
                                    const QString &path, bool includeSecrets);
    static QString exportEnvironment(const Workspace *workspace, const QString &environmentId,
                                     const QString &path, bool includeSecrets);

    // The dialogs: choose a file, import it, show the summary.
    static Outcome importInteractively(QWidget *parent, Workspace *workspace);
    static void exportCollectionInteractively(QWidget *parent, const Workspace *workspace,
                                              const QString &collectionId);
    static void exportEnvironmentInteractively(QWidget *parent, const Workspace *workspace,
                                               const QString &environmentId);
    static void showOutcome(QWidget *parent, const Outcome &outcome);
};

} // namespace Postern
