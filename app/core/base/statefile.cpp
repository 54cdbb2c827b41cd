#include "base/statefile.h"

#include "base/atomicfile.h"
#include "base/jsonfile.h"
#include "base/logging.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>

#include <utility>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

QString capitalized(const QString &text)
{
    return text.isEmpty() ? text : text.at(0).toUpper() + text.mid(1);
}

} // namespace

StateFile::StateFile(const QString &path, const Format &format, int saveDelayMs,
                     std::function<QByteArray()> serialize)
    : m_path(path)
    , m_format(format)
    , m_serialize(std::move(serialize))
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(saveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &StateFile::flush);
}

bool StateFile::load(qint64 maxBytes, QJsonArray *items)
{
    *items = QJsonArray();
    m_loadError.clear();
    m_saveTimer.stop();
    m_dirty = false;
    m_saveDisabled = false;
    if (m_path.isEmpty())
        return true;

    const JsonFile::ReadResult file = JsonFile::read(m_path, JsonFile::Contents::Parsed, maxBytes);
    switch (file.status) {
    case JsonFile::Status::Missing:
        return true;
    case JsonFile::Status::Unreadable:
        // Perhaps only unreadable for now: leave it alone and do not write over it.
        m_saveDisabled = true;
        m_loadError = tr("%1 could not be read (%2). This session's %3 will not be saved.")
                          .arg(capitalized(m_format.contents), file.reason, m_format.contents);
        return false;
    case JsonFile::Status::TooLarge:
    case JsonFile::Status::NotJson:
        setAside(file.reason);
        return false;
    case JsonFile::Status::Ok:
        break;
    }

    const QJsonDocument &document = file.document;
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(u"format"_s).toString() != m_format.name
        || !root.value(m_format.listKey).isArray()) {
        setAside(tr("it is not a Postern %1").arg(m_format.fileNoun));
        return false;
    }
    if (JsonFile::isNewer(root, u"version"_s, m_format.version)) {
        setAside(JsonFile::newerReason());
        return false;
    }
    *items = root.value(m_format.listKey).toArray();
    return true;
}

void StateFile::setAside(const QString &why)
{
    QString moveError;
    const QString aside = JsonFile::setAside(m_path, &moveError);
    const QString where = QDir::toNativeSeparators(m_path);
    if (aside.isEmpty()) {
        m_saveDisabled = true;
        m_loadError = tr("The %1 %2 could not be used (%3) and could not be moved aside (%4). "
                         "This session's %5 will not be saved, so that the file is not lost.")
                          .arg(m_format.fileNoun, where, why, moveError, m_format.contents);
    } else {
        m_loadError
            = tr("The %1 %2 could not be used (%3). It was kept as %4 and %5.")
                  .arg(m_format.fileNoun, where, why, QDir::toNativeSeparators(aside), m_format.startsEmpty);
    }
    qCWarning(lcStore) << qPrintable(m_format.fileNoun) << "set aside:" << why;
}

void StateFile::scheduleSave()
{
    m_dirty = true;
    if (!m_path.isEmpty() && !m_saveTimer.isActive())
        m_saveTimer.start();
}

bool StateFile::flush()
{
    m_saveTimer.stop();
    if (!m_dirty || m_path.isEmpty())
        return true;
    if (m_saveDisabled) {
        m_saveError = tr("%1 not saved this session: %2").arg(m_format.contentsAre, m_loadError);
        return false;
    }
    const QString error = AtomicFile::write(m_path, m_serialize());
    if (!error.isEmpty()) {
        m_saveError = error;
        qCWarning(lcStore) << qPrintable(m_format.contents) << "not saved";
        Q_EMIT saveFailed(error);
        return false;
    }
    m_saveError.clear();
    m_dirty = false;
    return true;
}

} // namespace Postern
