#include "historystore.h"

#include "atomicfile.h"
#include "logging.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

const QString formatName = u"postern-history"_s;
constexpr int formatVersion = 1;
constexpr int maxEntriesLimit = 100000;
constexpr qint64 maxBodyBytesLimit = 16 * 1024 * 1024;

} // namespace

HistoryStore::HistoryStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_path(path)
{
    m_saveTimer.setSingleShot(true);
    m_saveTimer.setInterval(saveDelayMs);
    connect(&m_saveTimer, &QTimer::timeout, this, &HistoryStore::flush);
}

HistoryStore::~HistoryStore()
{
    flush();
}

qint64 HistoryStore::maxFileBytes() const
{
    // Bodies may be base64 (4/3) and there are two per entry; the rest is headers and room to spare.
    // Never below what the default limits write, so that lowering a limit never refuses the old file.
    return qMax(qint64(256) * 1024 * 1024,
                qint64(64) * 1024 * 1024 + qint64(m_maxEntries) * m_limits.maxBodyBytes * 3);
}

HistoryStore::Stored HistoryStore::stored(const HistoryEntry &entry)
{
    return { entry, QJsonDocument(entry.toJson()).toJson(QJsonDocument::Compact) };
}

bool HistoryStore::load()
{
    m_loadError.clear();
    m_entries.clear();
    m_saveTimer.stop();
    m_dirty = false;
    m_saveDisabled = false;
    auto done = [this](bool ok) {
        Q_EMIT changed();
        return ok;
    };
    if (m_path.isEmpty())
        return done(true);

    const QFileInfo info(m_path);
    if (info.exists() && info.size() > maxFileBytes()) {
        setAside(u"it is larger than %1 MiB"_s.arg(maxFileBytes() / (1024 * 1024)));
        return done(false);
    }
    QByteArray data;
    QString readError;
    switch (AtomicFile::read(m_path, &data, &readError)) {
    case AtomicFile::ReadStatus::Missing:
        return done(true);
    case AtomicFile::ReadStatus::Failed:
        // Perhaps only unreadable for now: leave it alone and do not write over it.
        m_saveDisabled = true;
        m_loadError
            = u"History could not be read (%1). This session's history will not be saved."_s.arg(readError);
        return done(false);
    case AtomicFile::ReadStatus::Ok:
        break;
    }

    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        setAside(
            u"it is not valid JSON: %1 at byte %2"_s.arg(parseError.errorString()).arg(parseError.offset));
        return done(false);
    }
    const QJsonObject root = document.object();
    if (!document.isObject() || root.value(u"format"_s).toString() != formatName
        || !root.value(u"entries"_s).isArray()) {
        setAside(u"it is not a Postern history file"_s);
        return done(false);
    }
    if (root.value(u"version"_s).toInt(0) > formatVersion) {
        setAside(u"it was written by a newer version of Postern"_s);
        return done(false);
    }

    const QJsonArray array = root.value(u"entries"_s).toArray();
    int dropped = 0;
    QSet<QString> ids;
    for (const QJsonValue &value : array) {
        if (m_entries.size() >= m_maxEntries)
            break;
        const HistoryEntry entry = HistoryEntry::fromJson(value.toObject(), m_limits);
        if (entry.id.isEmpty() || ids.contains(entry.id)) {
            ++dropped;
            continue;
        }
        ids.insert(entry.id);
        m_entries.append(stored(entry));
    }
    if (dropped > 0) {
        m_loadError = dropped == 1
            ? u"One history entry could not be read and was left out."_s
            : u"%1 history entries could not be read and were left out."_s.arg(dropped);
        qCWarning(lcStore) << "history:" << dropped << "unreadable entries dropped";
    }
    return done(true);
}

void HistoryStore::setAside(const QString &why)
{
    QString moveError;
    const QString aside = AtomicFile::setAside(m_path, &moveError);
    if (aside.isEmpty()) {
        m_saveDisabled = true;
        m_loadError = u"The history file %1 could not be used (%2) and could not be moved aside (%3). "
                      "This session's history will not be saved, so that the file is not lost."_s.arg(
                          QDir::toNativeSeparators(m_path), why, moveError);
    } else {
        m_loadError
            = u"The history file %1 could not be used (%2). It was kept as %3 and history starts empty."_s
                  .arg(QDir::toNativeSeparators(m_path), why, QDir::toNativeSeparators(aside));
    }
    qCWarning(lcStore) << "history file set aside:" << why;
}

HistoryEntry HistoryStore::record(const HttpRequest &sent, const HttpResponse &response)
{
    const HistoryEntry entry = HistoryEntry::fromExchange(sent, response, m_limits);
    m_entries.prepend(stored(entry));
    trim();
    noteChanged();
    return entry;
}

QList<HistoryEntry> HistoryStore::entries() const
{
    QList<HistoryEntry> list;
    list.reserve(m_entries.size());
    for (const Stored &item : m_entries)
        list.append(item.entry);
    return list;
}

QList<HistoryEntry> HistoryStore::search(const QString &text) const
{
    QList<HistoryEntry> list;
    for (const Stored &item : m_entries) {
        if (item.entry.matches(text))
            list.append(item.entry);
    }
    return list;
}

std::optional<HistoryEntry> HistoryStore::entry(const QString &id) const
{
    for (const Stored &item : m_entries) {
        if (item.entry.id == id)
            return item.entry;
    }
    return std::nullopt;
}

bool HistoryStore::remove(const QString &id)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).entry.id == id) {
            m_entries.removeAt(i);
            noteChanged();
            return true;
        }
    }
    return false;
}

void HistoryStore::clear()
{
    m_entries.clear();
    noteChanged();
}

void HistoryStore::setMaxEntries(int count)
{
    m_maxEntries = qBound(1, count, maxEntriesLimit);
    if (m_entries.size() > m_maxEntries) {
        trim();
        noteChanged();
    }
}

void HistoryStore::setMaxBodyBytes(qint64 bytes)
{
    m_limits.maxBodyBytes = qBound<qint64>(0, bytes, maxBodyBytesLimit);
}

void HistoryStore::trim()
{
    if (m_entries.size() > m_maxEntries)
        m_entries.resize(m_maxEntries);
}

void HistoryStore::noteChanged()
{
    m_dirty = true;
    // Not restarted on every change: a stream of requests still gets saved every saveDelayMs.
    if (!m_path.isEmpty() && !m_saveTimer.isActive())
        m_saveTimer.start();
    Q_EMIT changed();
}

QByteArray HistoryStore::serialize() const
{
    QByteArray out = "{\"format\":\"" + formatName.toLatin1()
        + "\",\"version\":" + QByteArray::number(formatVersion) + ",\"entries\":[\n";
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (i > 0)
            out += ",\n";
        out += m_entries.at(i).json;
    }
    out += "\n]}\n";
    return out;
}

bool HistoryStore::flush()
{
    m_saveTimer.stop();
    if (!m_dirty || m_path.isEmpty())
        return true;
    if (m_saveDisabled) {
        m_saveError = u"History is not saved this session: %1"_s.arg(m_loadError);
        return false;
    }
    const QString error = AtomicFile::write(m_path, serialize());
    if (!error.isEmpty()) {
        m_saveError = error;
        qCWarning(lcStore) << "history not saved";
        Q_EMIT saveFailed(error);
        return false;
    }
    m_saveError.clear();
    m_dirty = false;
    return true;
}

} // namespace Postern
