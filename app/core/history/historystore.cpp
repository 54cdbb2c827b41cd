#include "history/historystore.h"

#include "base/logging.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::StringLiterals;

namespace Postern {

namespace {

// A function, not a constant: the words are in the user's language, known once a translator is installed.
StateFile::Format historyFileFormat()
{
    return { u"postern-history"_s,
             1,
             u"entries"_s,
             HistoryStore::tr("history"),
             HistoryStore::tr("History is"),
             HistoryStore::tr("history file"),
             HistoryStore::tr("history starts empty") };
}
constexpr int maxEntriesLimit = 100000;
constexpr qint64 maxBodyBytesLimit = 16 * 1024 * 1024;

} // namespace

HistoryStore::HistoryStore(const QString &path, QObject *parent)
    : QObject(parent)
    , m_file(path, historyFileFormat(), saveDelayMs, [this] { return serialize(); })
{
    connect(&m_file, &StateFile::saveFailed, this, &HistoryStore::saveFailed);
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
    m_entries.clear();
    QJsonArray array;
    const bool ok = m_file.load(maxFileBytes(), &array);
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
        m_file.setLoadError(dropped == 1
                                ? tr("One history entry could not be read and was left out.")
                                : tr("%1 history entries could not be read and were left out.").arg(dropped));
        qCWarning(lcStore) << "history:" << dropped << "unreadable entries dropped";
    }
    Q_EMIT changed();
    return ok;
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
    m_file.scheduleSave();
    Q_EMIT changed();
}

QByteArray HistoryStore::serialize() const
{
    const StateFile::Format format = historyFileFormat();
    QByteArray out = "{\"format\":\"" + format.name.toLatin1() + "\",\"version\":"
        + QByteArray::number(format.version) + ",\"" + format.listKey.toLatin1() + "\":[\n";
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
    return m_file.flush();
}

} // namespace Postern
