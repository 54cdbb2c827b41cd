#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

namespace Postern {

// A response body kept in a file instead of in memory: a file in the spool folder, removed when the
// last response holding it goes. One within the client's memory limit is also mapped into memory
// (Access::Mapped): its bytes are then read through the file's pages, which the system can drop and
// read again instead of holding them, and go with the file.
class SpooledBody
{
public:
    enum class Access {
        SaveOnly, // readers open the path themselves
        Mapped, // bytes() reads the file, as long as this object lives
    };

    SpooledBody(const QString &path, qint64 size, Access access = Access::SaveOnly);
    ~SpooledBody();
    SpooledBody(const SpooledBody &) = delete;
    SpooledBody &operator=(const SpooledBody &) = delete;

    const QString &path() const { return m_path; }
    qint64 size() const { return m_size; }
    // The whole body over the mapped file (QByteArray::fromRawData): valid only while this object
    // lives, so whatever keeps it (or a copy) keeps this object too. Empty when not mapped, or when the
    // mapping failed (mapError()).
    QByteArray bytes() const;
    const QString &mapError() const { return m_mapError; }

private:
    QString m_path;
    qint64 m_size;
    QFile m_file;
    uchar *m_map = nullptr;
    QString m_mapError;
};

} // namespace Postern
