#pragma once

#include <QSet>
#include <QString>
#include <QStringList>

namespace Postern {

// Which files a request may read from disk (a binary body, the file parts of a form-data body): only
// those in the workspace's working directory, as in Postman, so that a collection from elsewhere cannot
// make Send upload ~/.ssh/id_rsa.
//  - A relative path is a file in the working directory; an absolute one must lie inside it.
//  - "Inside" is decided on canonical paths: a ".." or a symbolic link that leads out is outside.
//  - A file the user picked with the file dialog (allowChosenFile()) is allowed wherever it is: the
//    user chose it in this session, no file did.
// Without a working directory no file may be read. A plain value, copied with the request it guards.
class FileAccess
{
public:
    FileAccess() = default;
    explicit FileAccess(const QString &workingDirectory);

    QString workingDirectory() const { return m_workingDirectory; }
    void setWorkingDirectory(const QString &path);

    // A file the user chose in a file dialog: sent from wherever it is.
    void allowChosenFile(const QString &path);
    bool isChosen(const QString &path) const;

    // The path as a request names it, made absolute: a relative one is in the working directory
    // (empty when there is none).
    QString absolutePath(const QString &path) const;

    // Whether the file is in the working directory, canonically (a file that does not exist: by its
    // nearest existing folder, resolved, and the rest of its path). The folder itself counts as inside.
    bool isInWorkingDirectory(const QString &path) const;

    // The path to store for a file the user chose: relative when it is in the working directory (so
    // that the request works for whoever shares the folder), absolute otherwise.
    QString pathToStore(const QString &chosenPath) const;

    // Why the file may not be read, one sentence that names it; empty when it may. *readPath gets the
    // file to open (canonical when it exists).
    QString refusal(const QString &path, QString *readPath = nullptr) const;

private:
    QString canonical(const QString &absolute) const;

    QString m_workingDirectory;
    QSet<QString> m_chosen; // canonical paths
};

// Where a workspace's working directory is kept: <state directory>/settings.json
// ({"workingDirectory": "/abs/path"}), this machine's own file (never in git, never in a collection,
// so nothing imported can move it). Without a choice it is <workspace>/files.
namespace WorkingDirectory {

QString defaultFor(const QString &workspaceRoot);

// The chosen working directory, or the default.
QString read(const QString &workspaceRoot, const QString &stateDirectory);

// Stores the choice; returns an error for people, empty on success.
QString write(const QString &stateDirectory, const QString &path);

} // namespace WorkingDirectory

} // namespace Postern
