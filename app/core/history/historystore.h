#pragma once

#include "base/statefile.h"
#include "history/historyentry.h"

#include <QObject>

#include <optional>

namespace Postern {

// The requests sent, newest first, kept in one JSON file the owner names (the workspace puts it at
// "<workspace>/.postern/history.json"). An empty path keeps history in memory only.
//
// Entries hold no credential (see HistoryEntry). The list is bounded: past maxEntries() the oldest
// entries go; bodies past maxBodyBytes() are cut and flagged.
//
// Use: construct, set the limits, load() once, then record() each answer. Changes are written
// atomically (AtomicFile) at most every saveDelay(), and by flush(), which the owner calls when the
// application quits (the destructor flushes too). A file that cannot be understood, or that is larger
// than maxFileBytes(), is moved aside ("history.json.broken-<timestamp>"), loadError() says so in
// words for the user, and history starts empty. Everything runs on the owner's thread; only flush()
// and load() touch the disk synchronously.
class HistoryStore : public QObject
{
    Q_OBJECT

public:
    static constexpr int DefaultMaxEntries = 1000;
    static constexpr qint64 DefaultMaxBodyBytes = 64 * 1024;
    static constexpr int saveDelayMs = 500;

    explicit HistoryStore(const QString &path, QObject *parent = nullptr);
    ~HistoryStore() override;

    QString path() const { return m_file.path(); }

    // Reads the file, replacing what is in memory. Returns false when the file was there but could
    // not be used; loadError() then says why (and where the file was moved). Entries that were not
    // usable are dropped, and loadError() counts them while load() still returns true.
    bool load();
    QString loadError() const { return m_file.loadError(); }
    // What went wrong with the last write; empty after a good one.
    QString saveError() const { return m_file.saveError(); }

    // Records one answer (or transport failure) of sent, which should be the request as resolved
    // (variables substituted, inherited authorization applied). Returns the entry as kept.
    HistoryEntry record(const HttpRequest &sent, const HttpResponse &response);

    QList<HistoryEntry> entries() const; // newest first
    QList<HistoryEntry> search(const QString &text) const; // HistoryEntry::matches, newest first
    std::optional<HistoryEntry> entry(const QString &id) const;
    int count() const { return int(m_entries.size()); }

    bool remove(const QString &id);
    void clear();

    int maxEntries() const { return m_maxEntries; }
    void setMaxEntries(int count); // 1 … 100,000; drops the oldest at once when lowered
    qint64 maxBodyBytes() const { return m_limits.maxBodyBytes; }
    void setMaxBodyBytes(qint64 bytes); // 0 … 16 MiB; for entries recorded and loaded from now on
    // The largest file load() reads, from the limits.
    qint64 maxFileBytes() const;

    bool hasPendingChanges() const { return m_file.hasPendingChanges(); }
    // Writes pending changes now. Returns false (and sets saveError()) when the write failed.
    bool flush();

Q_SIGNALS:
    void changed();
    void saveFailed(const QString &message);

private:
    struct Stored
    {
        HistoryEntry entry;
        QByteArray json; // the entry's compact JSON, made once
    };

    static Stored stored(const HistoryEntry &entry);
    void trim();
    void noteChanged();
    QByteArray serialize() const;

    HistoryEntry::Limits m_limits;
    int m_maxEntries = DefaultMaxEntries;
    QList<Stored> m_entries; // newest first
    StateFile m_file;
};

} // namespace Postern
