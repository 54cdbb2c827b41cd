#include "http/spooledbody.h"

#include <limits>

using namespace Qt::StringLiterals;

namespace Postern {

SpooledBody::SpooledBody(const QString &path, qint64 size, Access access)
    : m_path(path)
    , m_size(size)
    , m_file(path)
{
    if (access != Access::Mapped || size <= 0)
        return;
    if (size > std::numeric_limits<qsizetype>::max()) {
        m_mapError = u"the body is too large to map into memory"_s;
        return;
    }
    // The file stays open as long as it is mapped; it is only read.
    if (!m_file.open(QIODevice::ReadOnly) || m_file.size() != size || !(m_map = m_file.map(0, size))) {
        m_mapError = m_file.errorString();
        if (m_mapError.isEmpty())
            m_mapError = u"the file changed size"_s;
        m_file.close();
    }
}

SpooledBody::~SpooledBody()
{
    if (m_map)
        m_file.unmap(m_map);
    m_file.close();
    QFile::remove(m_path);
}

QByteArray SpooledBody::bytes() const
{
    return m_map ? QByteArray::fromRawData(reinterpret_cast<const char *>(m_map), qsizetype(m_size))
                 : QByteArray();
}

} // namespace Postern
