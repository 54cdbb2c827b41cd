#pragma once

#include <QJsonArray>
#include <QObject>
#include <QTimer>

#include <functional>

namespace Postern {

// One JSON state file of the shape {"format": …, "version": n, "<list>": [ … ]}, as the history and
// the cookie jar keep it. The owner holds the items in memory and hands over a serializer; this class
// keeps the path, the pending-change flag, the debounced save and the words for what went wrong.
//
// Use: scheduleSave() after each change (a save follows at most saveDelayMs later; the timer is not
// restarted, so a stream of changes is still saved), flush() to write now (the owner's destructor
// calls it: this class never calls the serializer on its own destruction). load() reads the list; a
// file that cannot be understood is moved aside ("<name>.broken-<timestamp>") and loadError() says
// so in words for the user; one that cannot be read or moved aside is never written over this
// session. Writes go through AtomicFile. Everything runs on the owner's thread.
class StateFile : public QObject
{
    Q_OBJECT

public:
    // What the file is, and how to speak of it in messages.
    struct Format
    {
        QString name; // the "format" value, e.g. "postern-history"
        int version = 1; // newer files are refused
        QString listKey; // the array's key, e.g. "entries"
        QString contents; // what it holds, in the middle of a sentence: "history", "cookies"
        QString contentsAre; // "History is", "Cookies are"
        QString fileNoun; // "history file"
        QString startsEmpty; // what follows a set-aside: "history starts empty"
    };

    StateFile(const QString &path, const Format &format, int saveDelayMs,
              std::function<QByteArray()> serialize);

    QString path() const { return m_path; }

    // Reads the file's list into *items (emptied first), dropping anything pending. Returns false when
    // the file was there but could not be used (loadError() says why and where it went); true with no
    // items when there is no path or no file. A file larger than maxBytes is not read.
    bool load(qint64 maxBytes, QJsonArray *items);
    QString loadError() const { return m_loadError; }
    // For the owner to report items load() could not use.
    void setLoadError(const QString &message) { m_loadError = message; }
    QString saveError() const { return m_saveError; }

    bool hasPendingChanges() const { return m_dirty; }
    void scheduleSave();
    // Writes pending changes now. Returns false (and sets saveError()) when the write failed.
    bool flush();

Q_SIGNALS:
    void saveFailed(const QString &message);

private:
    void setAside(const QString &why);

    QString m_path;
    Format m_format;
    std::function<QByteArray()> m_serialize;
    QString m_loadError;
    QString m_saveError;
    QTimer m_saveTimer;
    bool m_dirty = false;
    bool m_saveDisabled = false; // the file could not be read or moved aside: never write over it
};

} // namespace Postern
