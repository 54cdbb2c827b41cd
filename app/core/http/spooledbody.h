#pragma once

#include <QString>

namespace Postern {

// A response body kept in a file instead of in memory (one larger than the client's memory limit):
// a file in the temporary folder, removed when the last response holding it goes. Readers open the
// path themselves.
class SpooledBody
{
public:
    SpooledBody(const QString &path, qint64 size);
    ~SpooledBody();
    SpooledBody(const SpooledBody &) = delete;
    SpooledBody &operator=(const SpooledBody &) = delete;

    const QString &path() const { return m_path; }
    qint64 size() const { return m_size; }

private:
    QString m_path;
    qint64 m_size;
};

} // namespace Postern
