#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

namespace Postern {

// Whole-file reads and writes for the small state files Postern keeps (tokens.json, the encrypted
// secrets file). Writes go through QSaveFile, so a reader sees the old file or the new one, never a
// mix, and a failed write leaves the old file as it was. A file that cannot be understood is kept
// aside under a new name rather than overwritten or deleted.
class AtomicFile
{
    Q_DECLARE_TR_FUNCTIONS(Postern::AtomicFile)

public:
    enum class ReadStatus { Ok, Missing, Failed };

    // Writes data to path atomically, readable and writable by the owner only, creating the directory
    // if needed. Returns an empty string on success, otherwise what went wrong (for people).
    static QString write(const QString &path, const QByteArray &data);

    // Reads the whole file. *error is set when the result is Failed.
    static ReadStatus read(const QString &path, QByteArray *data, QString *error);

    // Renames path to "<path>.broken-<UTC timestamp>" (with a counter if that exists already) and
    // returns the new path, or an empty string (and *error) when the rename failed.
    static QString setAside(const QString &path, QString *error);
};

} // namespace Postern
