#include "http/fileaccess.h"

#include "base/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

const QString settingsFile = u"/settings.json"_s;
const QString workingDirectoryKey = u"workingDirectory"_s;

bool isUnder(const QString &path, const QString &directory)
{
    if (path.isEmpty() || directory.isEmpty())
        return false;
    const QString prefix = directory.endsWith(u'/') ? directory : directory + u'/';
    // The folder itself counts as inside: it is no file to read, and says so.
    return path == directory || path.startsWith(prefix);
}

QString shown(const QString &path)
{
    return QDir::toNativeSeparators(path);
}

} // namespace

FileAccess::FileAccess(const QString &workingDirectory)
{
    setWorkingDirectory(workingDirectory);
}

void FileAccess::setWorkingDirectory(const QString &path)
{
    m_workingDirectory = path.isEmpty() ? QString() : QDir::cleanPath(QFileInfo(path).absoluteFilePath());
}

// The path with every link resolved; for a file that is not there, its nearest existing folder is
// resolved and the rest appended (a link to a folder outside stays outside).
QString FileAccess::canonical(const QString &absolute) const
{
    QString current = QDir::cleanPath(absolute);
    QString rest;
    while (true) {
        const QString found = QFileInfo(current).canonicalFilePath();
        if (!found.isEmpty())
            return rest.isEmpty() ? found : QDir::cleanPath(found + u'/' + rest);
        const qsizetype slash = current.lastIndexOf(u'/');
        if (slash <= 0)
            return QDir::cleanPath(absolute);
        rest = rest.isEmpty() ? current.mid(slash + 1) : current.mid(slash + 1) + u'/' + rest;
        current = current.left(slash);
    }
}

void FileAccess::allowChosenFile(const QString &path)
{
    if (!path.isEmpty() && QDir::isAbsolutePath(path))
        m_chosen.insert(canonical(path));
}

bool FileAccess::isChosen(const QString &path) const
{
    const QString absolute = absolutePath(path);
    return !absolute.isEmpty() && m_chosen.contains(canonical(absolute));
}

QString FileAccess::absolutePath(const QString &path) const
{
    if (path.isEmpty())
        return QString();
    if (QDir::isAbsolutePath(path))
        return QDir::cleanPath(path);
    if (m_workingDirectory.isEmpty())
        return QString();
    return QDir::cleanPath(m_workingDirectory + u'/' + path);
}

bool FileAccess::isInWorkingDirectory(const QString &path) const
{
    const QString absolute = absolutePath(path);
    if (absolute.isEmpty() || m_workingDirectory.isEmpty())
        return false;
    return isUnder(canonical(absolute), canonical(m_workingDirectory));
}

QString FileAccess::pathToStore(const QString &chosenPath) const
{
    if (!isInWorkingDirectory(chosenPath))
        return chosenPath;
    const QString directory = canonical(m_workingDirectory);
    const QString file = canonical(absolutePath(chosenPath));
    return QDir(directory).relativeFilePath(file);
}

QString FileAccess::refusal(const QString &path, QString *readPath) const
{
    const QString absolute = absolutePath(path);
    if (absolute.isEmpty())
        return QCoreApplication::translate(
                   "Postern::FileAccess",
                   "The file “%1” cannot be read: the request has no working directory to find it in "
                   "(Settings > Working Directory…).")
            .arg(shown(path));
    if (!isInWorkingDirectory(path) && !isChosen(path)) {
        if (m_workingDirectory.isEmpty())
            return QCoreApplication::translate(
                       "Postern::FileAccess",
                       "The file “%1” was not read: Postern reads a request's files only from the "
                       "working directory, and none is set (Settings > Working Directory…).")
                .arg(shown(path));
        return QCoreApplication::translate(
                   "Postern::FileAccess",
                   "The file “%1” is outside the working directory “%2”, so it was not "
                   "read: "
                   "Postern sends only files from there (Settings > Working Directory…) or ones you chose "
                   "with the file dialog in this session. Copy it into the working directory or choose it "
                   "again.")
            .arg(shown(path), shown(m_workingDirectory));
    }
    if (readPath)
        *readPath = canonical(absolute);
    return QString();
}

namespace WorkingDirectory {

QString defaultFor(const QString &workspaceRoot)
{
    return QDir::cleanPath(workspaceRoot + u"/files"_s);
}

QString read(const QString &workspaceRoot, const QString &stateDirectory)
{
    QByteArray data;
    QString error;
    if (AtomicFile::read(stateDirectory + settingsFile, &data, &error) == AtomicFile::ReadStatus::Ok) {
        const QString chosen = QJsonDocument::fromJson(data).object().value(workingDirectoryKey).toString();
        if (!chosen.isEmpty())
            return QDir::isAbsolutePath(chosen) ? QDir::cleanPath(chosen)
                                                : QDir::cleanPath(workspaceRoot + u'/' + chosen);
    }
    return defaultFor(workspaceRoot);
}

QString write(const QString &stateDirectory, const QString &path)
{
    const QString file = stateDirectory + settingsFile;
    QByteArray data;
    QString error;
    QJsonObject settings;
    if (AtomicFile::read(file, &data, &error) == AtomicFile::ReadStatus::Ok)
        settings = QJsonDocument::fromJson(data).object();
    settings.insert(workingDirectoryKey, QDir::cleanPath(QFileInfo(path).absoluteFilePath()));
    return AtomicFile::write(file, QJsonDocument(settings).toJson());
}

} // namespace WorkingDirectory

} // namespace Postern
