#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>

#include <limits>

namespace Postern {

// Reading one JSON file that Postern wrote, before anything of it is used: the size cap, the read,
// the parse and the version check, each problem given as a reason that sits inside a sentence ("it is
// larger than 64 MiB"), and the file set aside when it cannot be used. What to tell the user around
// that reason stays with the caller, who knows what the file holds. Stateless; any thread.
class JsonFile
{
public:
    // The largest JSON file Postern reads or imports.
    static constexpr qint64 maxBytes = 64 * 1024 * 1024;
    // For a file that has never had a cap.
    static constexpr qint64 noLimit = std::numeric_limits<qint64>::max();

    enum class Status {
        Ok,
        Missing, // no file: nothing to set aside
        Unreadable, // there but not readable (perhaps only for now): leave it alone
        TooLarge, // larger than the cap: not read
        NotJson, // read, but not a JSON document
    };
    // Whether read() parses the bytes (Parsed) or leaves that to the caller (Bytes).
    enum class Contents { Parsed, Bytes };

    struct ReadResult
    {
        Status status = Status::Missing;
        QByteArray data; // the file's bytes (Ok)
        QJsonDocument document; // the parsed document (Ok with Contents::Parsed)
        // Unreadable: what the system said, as a sentence; TooLarge and NotJson: why, to sit inside a
        // sentence ("it is not valid JSON: … at byte 7").
        QString reason;

        bool ok() const { return status == Status::Ok; }
    };

    static ReadResult read(const QString &path, Contents contents = Contents::Parsed,
                           qint64 limit = JsonFile::maxBytes);

    // The version number root says it has under key, 0 when it says none.
    static int version(const QJsonObject &root, const QString &key);
    // True when root's version under key is above known: a file from a newer Postern.
    static bool isNewer(const QJsonObject &root, const QString &key, int known)
    {
        return version(root, key) > known;
    }
    // The reason for a file refused because isNewer().
    static QString newerReason();

    // Moves the file aside ("<name>.broken-<timestamp>", see AtomicFile::setAside) and returns where it
    // went, or an empty string and *error when it could not be moved.
    static QString setAside(const QString &path, QString *error);
};

} // namespace Postern
