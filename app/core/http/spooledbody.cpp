#include "http/spooledbody.h"

#include <QFile>

namespace Postern {

SpooledBody::SpooledBody(const QString &path, qint64 size)
    : m_path(path)
    , m_size(size)
{
}

SpooledBody::~SpooledBody()
{
    QFile::remove(m_path);
}

} // namespace Postern
